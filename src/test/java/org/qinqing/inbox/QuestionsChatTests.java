package org.qinqing.inbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 问问老师 end to end: a guardian asks, the head teacher is told and answers in chat, the guardian hears it. */
class QuestionsChatTests extends InboxChatTestSupport {

	private static final Pattern NUMBER = Pattern.compile("问题编号 (Q\\d+)");

	private String asked(String reply) {
		Matcher m = NUMBER.matcher(reply);
		assertThat(m.find()).as(reply).isTrue();
		return m.group(1);
	}

	@Test
	void aQuestionGoesToTheHeadTeacherWhoAnswersFromTheListAndTheGuardianHearsIt() {
		String g = this.guardian.openid();
		assertThat(say(g, "问问老师")).contains("请写下您想问老师的话");
		String reply = say(g, "孩子最近回家不爱说话，老师在学校看到他怎么样？");
		assertThat(reply).contains("已经转给周老师了");
		String number = asked(reply);
		awaitPush(this.teacher, "新问题 " + number);
		assertThat(pushes(this.teacher, "不爱说话")).hasSize(1);

		String list = say(this.teacher, "待回答");
		assertThat(list).contains(number + " 晓雨的监护人：孩子最近回家不爱说话").contains("分钟前");
		assertThat(say(this.teacher, "1")).contains("请写下您的回答");
		assertThat(say(this.teacher, "在学校挺好的，课间和同学玩。我这周找他谈谈心。")).contains("已回复 " + number);
		awaitPush(g, "周老师回复了您的问题 " + number);
		assertThat(pushes(g, "课间和同学玩")).hasSize(1);

		assertThat(say(g, "已解决 " + number)).contains("标记为已解决");
		assertThat(say(this.teacher, "待回答")).contains("现在没有待回答的问题");
	}

	@Test
	void anAnswerInOneMessageAndAnAdditionThatReopensIt() {
		String g = this.guardian.openid();
		say(g, "问问老师");
		String number = asked(say(g, "下周一要交的书本费是多少钱？"));
		assertThat(say(this.teacher, "回复 " + number.toLowerCase() + "：不用交，两免一补都免了。")).contains("已回复 " + number);
		awaitPush(g, "不用交，两免一补都免了");
		assertThat(say(g, "补充 " + number + " 那作业本呢？")).contains("已补充到问题 " + number);
		awaitPush(this.teacher, "有补充");
		assertThat(say(this.teacher, "待回答")).contains(number);
	}

	@Test
	void anotherClasssTeacherCannotSeeOrAnswerIt() {
		String g = this.guardian.openid();
		say(g, "问问老师");
		String number = asked(say(g, "孩子的疫苗什么时候打？"));
		assertThat(say(this.otherTeacher, "待回答")).doesNotContain(number);
		assertThat(say(this.otherTeacher, "回复 " + number + " 下周二")).contains("没找到问题 " + number);
		assertThat(this.inbox.thread(INBOX, number).orElseThrow().waiting()).isTrue();
		assertThat(pushes(g, "下周二")).isEmpty();
	}

	@Test
	void freeTextIsOfferedToTheTeacherAndOneTapFilesIt() {
		String g = this.guardian.openid();
		String offer = say(g, "学校今年什么时候放寒假呀");
		assertThat(offer).contains("1. 转给老师").contains("2. 不用了").doesNotContain("没看懂");
		String reply = say(g, "1");
		assertThat(reply).contains("已经转给周老师了");
		assertThat(this.inbox.thread(INBOX, asked(reply)).orElseThrow().question()).isEqualTo("学校今年什么时候放寒假呀");
		assertThat(say(g, "孩子这几天有点咳嗽")).contains("1. 转给老师");
		assertThat(say(g, "2")).contains("还有问题随时问我");
	}

	@Test
	void somethingElseAfterTheOfferIsReadAsAtTheMenu() {
		String g = this.guardian.openid();
		assertThat(say(g, "学校今年什么时候放寒假呀")).contains("1. 转给老师");
		assertThat(say(g, "给学校留言")).contains("请问是关于哪方面的");
	}

	@Test
	void withTwoChildrenTheCaringReplyComesBeforeWhichChildAndNotTwice() {
		org.qinqing.people.Person g = this.records.person(INBOX, this.guardian.personId()).orElseThrow();
		String second = "c2-" + this.guardian.childId();
		this.records.save(INBOX, new org.qinqing.people.Child(second, "林晓峰", this.classId,
				org.qinqing.people.LeftBehindType.BOTH_AWAY, this.guardian.familyId(), ""));
		this.records.save(INBOX, new org.qinqing.people.Person(g.id(), g.role(), g.name(), g.relation(),
				java.util.List.of(this.guardian.childId(), second), g.classIds()));
		String first = say(this.guardian.openid(), "孩子说不想活了");
		assertThat(first).startsWith("我们很重视您说的事").contains("是关于哪个孩子的问题");
		String filed = say(this.guardian.openid(), "2");
		assertThat(filed).contains("已经转给周老师了").doesNotContain("我们很重视");
		assertThat(this.inbox.thread(INBOX, asked(filed)).orElseThrow().childId()).isEqualTo(second);
	}

	@Test
	void worryingWordsAlertTheHeadTeacherAndTheLeaderUrgentlyAndGiveTheSchoolsPhone() {
		String g = this.guardian.openid();
		String reply = say(g, "孙子说在学校被欺负了，不想去上学");
		assertThat(reply).contains("已经马上告诉了班主任和学校领导").contains("0000-1234567").contains("已经转给周老师了");
		String number = asked(reply);
		assertThat(this.inbox.thread(INBOX, number).orElseThrow().urgent()).isTrue();
		awaitPush(this.teacher, "紧急：" + number);
		awaitPush(this.leader, "紧急：" + number);
		assertThat(pushes(this.otherTeacher, number)).isEmpty();
	}

}
