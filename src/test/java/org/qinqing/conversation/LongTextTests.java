package org.qinqing.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.WechatClient;
import org.qinqing.system.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message longer than 给学校留言 allows (300 characters) is kept: the user shortens it, sends it in
 * parts or writes it again, and never has to type it twice.
 */
class LongTextTests extends PortalTestSupport {

	@org.springframework.beans.factory.annotation.Autowired
	org.qinqing.inbox.Inbox inbox;

	private static final Pattern NUMBER = Pattern.compile("编号 (Q\\d+)");

	/** About 430 characters in sentences, as a grandparent might say in one long voice message. */
	private static final String LONG = longText();

	private static String longText() {
		StringBuilder text = new StringBuilder();
		for (int i = 1; text.codePointCount(0, text.length()) < 420; i++) {
			text.append("第").append(i).append("件事，孩子最近晚上总是看手机到很晚，第二天上课没有精神。");
		}
		// no end mark: the bot drops one at the end, as voice recognition adds it
		return text.append("麻烦老师了").toString();
	}

	private String visitor;

	private String say(String text) {
		return wechat().text(this.visitor, text).reply();
	}

	/** A fresh visitor at 给学校留言's text step who has just sent {@link #LONG}; the reply. */
	private String sentTooLong() {
		this.visitor = "long-text-" + System.nanoTime();
		resetSession(this.visitor);
		assertThat(say("给学校留言")).contains("哪方面");
		assertThat(say("1")).contains("想告诉学校的话");
		return say(LONG);
	}

	private String stored(String reply) {
		Matcher number = NUMBER.matcher(reply);
		assertThat(number.find()).as(reply).isTrue();
		Object words = this.inbox.thread(TENANT, number.group(1)).orElseThrow().question();
		Object openid = this.redis.opsForHash().get(RedisKeys.of(TENANT, "inbox:t:" + number.group(1)), "askerOpenid");
		assertThat(openid).isEqualTo(this.visitor);
		return String.valueOf(words);
	}

	private static int length(String text) {
		return text.codePointCount(0, text.length());
	}

	@Test
	void aTooLongMessageIsKeptAndTheUserIsAskedWhatToDoWithIt() {
		String reply = sentTooLong();
		assertThat(reply).contains("您写了 " + length(LONG) + " 个字", "最多 300 个字", "都留着", "1. 只用前面",
				"2. 分成 2 条发", "3. 重新写")
			.doesNotContain("请再写一次", "请确认您的留言");
	}

	@Test
	void sentInTwoPartsEachIsConfirmedAndTogetherTheyAreTheWholeMessage() {
		sentTooLong();
		String first = say("2");
		assertThat(first).contains("分成 2 条", "先看第 1 条", "请确认您的留言", "内容：第1件事");
		String next = say("提交");
		assertThat(next).contains("留言已收到，编号", "接着是第 2 条（共 2 条）", "请确认您的留言");
		String last = say("提交");
		assertThat(last).contains("留言已收到，编号").doesNotContain("接着是");
		List<String> parts = new ArrayList<>(List.of(stored(next), stored(last)));
		assertThat(parts).allSatisfy(part -> assertThat(length(part)).isBetween(2, 300));
		assertThat(String.join("", parts)).isEqualTo(LONG);
		// the first part ends after a sentence, not in the middle of a word
		assertThat(parts.get(0)).endsWith("。");
	}

	@Test
	void theShortenedStartIsWhatIsSent() {
		sentTooLong();
		String confirm = say("1");
		assertThat(confirm).contains("用前面的", "请确认您的留言", "内容：第1件事");
		String words = stored(say("提交"));
		assertThat(length(words)).isLessThanOrEqualTo(300);
		assertThat(LONG).startsWith(words);
		assertThat(words).endsWith("。");
	}

	@Test
	void spokenOptionWordsPickAnOption() {
		sentTooLong();
		var voice = wechat().post(WechatClient.voiceXml(this.visitor, "用前面的吧。", WechatClient.nextMsgId()), false);
		assertThat(voice.reply()).contains("请确认您的留言", "内容：第1件事");
	}

	@Test
	void writingItAgainOrGoingBackAsksForTheTextAndAShorterOneGoesOn() {
		sentTooLong();
		assertThat(say("3")).contains("请重新写", "不要超过 300 个字", "想告诉学校的话");
		say(LONG);
		assertThat(say("返回")).contains("想告诉学校的话").doesNotContain("您写了");
		say(LONG);
		// typing a new, shorter text at the question is writing it again
		assertThat(say("孩子晚上总看手机，请老师提醒一下。")).contains("请确认您的留言", "内容：孩子晚上总看手机");
	}

	@Test
	void anAnswerThatIsNoOptionAsksAgainAndTheTextIsStillThere() {
		sentTooLong();
		assertThat(say("好")).contains("请回复 1、2 或 3", "您写的话还留着", "1. 只用前面");
		assertThat(say("2")).contains("先看第 1 条");
	}

}
