package org.qinqing.questions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matcher on the shipped FAQ files, as the app builds it (real files, real Lucene, no Spring): every listed
 * way of asking finds its own topic and is answered, questions the FAQ does not cover are not, and a school's own
 * FAQ gets its own index. How well it does on questions written apart from the FAQ is the benchmark's business
 * ({@link FaqMatcherBenchmark}).
 */
class FaqMatcherTests {

	private static final QuestionsProperties PROPERTIES = QuestionsProperties.defaults();

	private static final ShippedFaq SHIPPED = new ShippedFaq(PROPERTIES);

	private static final FaqMatcher MATCHER = new FaqMatcher(SHIPPED, PROPERTIES);

	private static final String TENANT = "school-a";

	/** Questions a guardian may well send that the FAQ does not answer: a person should, or nobody. */
	private static final List<String> NOT_COVERED = List.of("今天几号", "现在几点了", "你叫什么名字", "我想听首歌",
			"明天去赶集", "帮我算一下账", "小麦什么时候打药", "化肥涨价了", "我家的狗丢了", "孩子他舅要结婚了", "我想办张银行卡",
			"怎么取钱", "社保卡怎么激活", "给孙子买双鞋", "天冷了要穿棉袄", "我血压有点高", "晚上吃什么", "电视怎么开", "家里停电了",
			"洗衣机坏了", "谁能帮我修屋顶", "我想学跳广场舞", "我们村谁家杀猪", "快过年了买年货", "这个公众号是干什么的",
			"我在工地上干活", "今年收成不好", "老伴身体不好", "我的微信密码忘了", "孩子的爷爷去世了", "外面下雪了");

	@Test
	void theFaqHasEveryTopicGuardiansAsk() {
		assertThat(SHIPPED.shipped().topics().stream().map(FaqTopic::id)).contains("call-booking", "family-phone",
				"talk-time", "fees-exemption", "living-subsidy", "immunization", "health-check", "sick-at-school",
				"school-hours", "leave-request", "homework-help", "grades", "drowning-safety", "road-safety", "low-mood",
				"contact-teacher", "guardian-change", "update-phone", "binding", "parenting-school", "stop-lessons",
				"emergency-notice", "meals", "boarding", "phone-addiction", "pocket-money", "transfer", "holidays",
				"activities", "legal-aid", "hardship-aid", "parent-meeting");
	}

	@Test
	void everyListedWayOfAskingFindsItsTopicFirstAndIsAnswered() {
		List<String> wrong = new ArrayList<>();
		int asks = 0;
		for (FaqTopic topic : SHIPPED.shipped().topics()) {
			for (String ask : topic.asks()) {
				asks++;
				FaqMatch match = MATCHER.match(TENANT, ask);
				if (!match.answered() || !match.best().orElseThrow().id().equals(topic.id())) {
					wrong.add(topic.id() + ": " + ask + " -> " + match);
				}
			}
		}
		assertThat(wrong).as("asks not answered with their own topic").isEmpty();
		assertThat(asks).isGreaterThanOrEqualTo(3 * 32);
	}

	@Test
	void questionsTheFaqDoesNotCoverAreNotAnswered() {
		assertThat(NOT_COVERED).hasSizeGreaterThanOrEqualTo(30);
		Map<String, FaqMatch> answered = NOT_COVERED.stream()
			.collect(Collectors.toMap(q -> q, q -> MATCHER.match(TENANT, q)));
		answered.values().removeIf(match -> !match.answered());
		assertThat(answered).as("out-of-scope questions the chat would answer").isEmpty();
		assertThat(MATCHER.reply(TENANT, "孩子的爷爷去世了")).isEmpty();
	}

	@Test
	void answeredMeansTheChatRepliesWithTheFirstMatchsAnswer() {
		for (String question : List.of("咋跟娃视频", "两免一补是什么", "孩子天天玩手机怎么办", "今天天气怎么样", "好的", "孩子")) {
			FaqMatch match = MATCHER.match(TENANT, question);
			assertThat(MATCHER.reply(TENANT, question)).as(question)
				.isEqualTo(match.answered() ? MATCHER.topic(TENANT, match.best().orElseThrow().id()) : java.util.Optional.empty());
		}
		assertThat(MATCHER.reply(TENANT, "咋跟娃视频").orElseThrow().answer()).contains("「预约视频」");
		assertThat(MATCHER.reply(TENANT, "法律援助找谁").orElseThrow().replyText()).endsWith("\nhttps://www.12348.gov.cn");
	}

	@Test
	void scoresRunFromZeroToOneBestFirstThreeAtMost() {
		for (String question : List.of("怎么预约亲情视频", "学校", "孩子在学校被人欺负了", "家长学校是什么", "abc 123")) {
			List<FaqMatch.Scored> matches = MATCHER.match(TENANT, question).matches();
			assertThat(matches).as(question).hasSizeLessThanOrEqualTo(3);
			assertThat(matches).allSatisfy(m -> assertThat(m.score()).isBetween(0.0, 1.0));
			assertThat(matches.stream().map(FaqMatch.Scored::score).toList()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
			assertThat(matches.stream().map(FaqMatch.Scored::id).distinct()).hasSameSizeAs(matches);
		}
		assertThat(MATCHER.match(TENANT, "怎么预约亲情视频").best().orElseThrow().score()).isGreaterThan(0.8);
	}

	@Test
	void nothingToMatchIsNotAnswered() {
		for (String question : new String[] { "", "   ", "？？？", "。。。!!", "嗯嗯", "好的呀", "谢谢", "😀" }) {
			FaqMatch match = MATCHER.match(TENANT, question);
			assertThat(match.answered()).as(question).isFalse();
		}
		assertThat(MATCHER.match(TENANT, "").matches()).isEmpty();
		assertThat(MATCHER.match(TENANT, null).matches()).isEmpty();
	}

	@Test
	void spokenWordsTyposAndMissingPunctuationReachTheSameTopic() {
		// 娃/孙女 for 孩子, 咋 for 怎么, 视屏 typed for 视频, no punctuation, a voice message's run-on sentence
		for (String question : List.of("我家孙女想跟她妈视频咋弄", "怎么预约亲情视屏", "嗯那个我想问一下就是怎么跟孩子打视频",
				"怎么预约亲情视频？？", "怎 么 预 约 亲 情 视 频")) {
			FaqMatch match = MATCHER.match(TENANT, question);
			assertThat(match.best().orElseThrow().id()).as(question).isEqualTo("call-booking");
			assertThat(match.answered()).as(question).isTrue();
		}
	}

	@Test
	void aSchoolsOwnFaqGetsItsOwnIndexAndOthersKeepTheShippedOne() {
		FaqContent shipped = SHIPPED.shipped();
		List<FaqTopic> edited = new ArrayList<>();
		for (FaqTopic topic : shipped.topics()) {
			edited.add(topic.id().equals("school-hours") ? new FaqTopic(topic.id(), topic.title(), topic.asks(),
					"本校早上 7:50 到校，下午 4:20 放学。", null, topic.file()) : topic);
		}
		edited.add(new FaqTopic("school-bus", "校车", List.of("校车几点来", "有没有校车接送", "坐校车要交钱吗"),
				"学校的校车早上 7:10 从村委会门口出发。", null, "redis"));
		FaqContent own = new FaqContent(edited, shipped.synonyms());
		FaqSource source = new FaqSource() {
			@Override
			public FaqContent content(String tenant) {
				return tenant.equals("school-b") ? own : shipped;
			}

			@Override
			public FaqContent shipped() {
				return shipped;
			}
		};
		FaqMatcher matcher = new FaqMatcher(source, PROPERTIES);
		assertThat(matcher.reply("school-b", "学校放学是几点").orElseThrow().answer()).startsWith("本校早上");
		assertThat(matcher.reply("school-a", "学校放学是几点").orElseThrow().answer()).startsWith("上学、放学时间");
		assertThat(matcher.reply("school-b", "有没有校车接送").orElseThrow().id()).isEqualTo("school-bus");
		assertThat(matcher.match("school-a", "有没有校车接送").matches()).extracting(FaqMatch.Scored::id)
			.doesNotContain("school-bus");
		// one index per content: the shipped one is shared, the edit has its own
		assertThat(matcher.index(shipped)).isSameAs(matcher.index(source.content("school-c")));
		assertThat(matcher.index(own)).isNotSameAs(matcher.index(shipped));
		assertThat(own.fingerprint()).isNotEqualTo(shipped.fingerprint());
		assertThat(new FaqContent(edited, shipped.synonyms()).fingerprint()).isEqualTo(own.fingerprint());
	}

}
