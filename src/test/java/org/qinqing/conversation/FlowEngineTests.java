package org.qinqing.conversation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qinqing.people.Identity;
import org.qinqing.people.Role;
import org.qinqing.system.BotScripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The conversation engine with the toy monthly-talk flow ({@link MonthlyTalkFlow}): no Spring, no Redis. The clock is
 * the test's own (a school day in the middle of a month), so the dates below never depend on the real calendar.
 */
class FlowEngineTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final LocalDate TODAY = LocalDate.of(2030, 3, 15);

	private final Clock clock = Clock.fixed(TODAY.atTime(16, 0).atZone(ZONE).toInstant(), ZONE);

	private ConversationEngine engine;

	private Session session;

	@BeforeEach
	void engine() {
		this.engine = engine(scripts(), MonthlyTalkFlow.of(List.of("子涵（三年级(1)班）", "小雨（三年级(1)班）")));
		this.session = Session.start(new Identity(Role.TEACHER, "t1", "王老师"), 1);
	}

	private ConversationEngine engine(BotScripts scripts, Flow... flows) {
		FlowRegistry registry = new FlowRegistry(List.of(flows), scripts);
		Menus menus = new Menus(scripts, registry, List.of());
		return new ConversationEngine(scripts, menus, registry, List.of(), List.of(), List.of(),
				(tenant, openid) -> new Identity(Role.TEACHER, "t1", "王老师"), this.clock);
	}

	private static BotScripts scripts() {
		return BotScripts.loadFromClasspath().add("bot-scripts/flows/talk.yaml", resource("engine/talk.yaml"))
			.add("bot-scripts/menus.yaml", resource("engine/menus.yaml"));
	}

	private static InputStream resource(String path) {
		InputStream in = FlowEngineTests.class.getClassLoader().getResourceAsStream(path);
		if (in == null) {
			throw new UncheckedIOException(new IOException(path + " is missing"));
		}
		return in;
	}

	private String say(String text) {
		Turn turn = this.engine.handle(new Inbound("t", "o1", Inbound.Kind.TEXT, text, "d"), this.session);
		this.session = turn.session();
		return turn.reply();
	}

	/** Answers up to the topics question. */
	private void toTopics() {
		say("谈心记录");
		say("1");
		say("今天");
		say("4");
	}

	@Test
	void aWholeCardInAFewTapsAndItsTypedAnswers() {
		assertThat(say("谈心记录")).contains("和哪个孩子谈的心").contains("1. 子涵（三年级(1)班）").contains("2. 小雨");
		assertThat(say("2")).contains("哪天谈的");
		assertThat(say("昨天")).contains("小雨（三年级(1)班）3月14日的心情怎么样");
		assertThat(say("4分")).contains("聊了什么").contains("1. 学习").contains("6. 其他");
		assertThat(say("1 3")).contains("简单记几句");
		assertThat(say("跳过")).contains("需要关注吗？").contains("1. 需要关注").contains("2. 不需要");
		assertThat(say("需要")).contains("需要关注什么");
		assertThat(say("晚上睡不好")).contains("保存这张记录卡吗？小雨（三年级(1)班），3月14日，心情 4，聊了学习、心理。");
		assertThat(say("1")).startsWith("saved | 小雨（三年级(1)班） | 2030-03-14 | 4 | 学习+心理 |  | true | 晚上睡不好");
		assertThat(this.session.inFlow()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1 3", "1、3", "1,3", "1，3", "一和三", "13", "学习 心理", "学习和心理", "3 1 3" })
	void severalChoicesAsPeopleTypeThem(String answer) {
		toTopics();
		say(answer);
		assertThat(this.session.answers()).containsEntry("topics", "学习、心理");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1 9", "学习 画画", "7", "", "都有" })
	void aSeveralAnswerThatPicksNothingKnownIsAskedAgainWithTheOptions(String answer) {
		toTopics();
		assertThat(say(answer)).contains("请回复前面的数字，几个就用空格隔开").contains("1. 学习");
		assertThat(this.session.answers()).doesNotContainKey("topics");
	}

	@Test
	void aNumberOutOfRangeSaysTheRange() {
		say("谈心记录");
		say("1");
		say("今天");
		assertThat(say("7")).contains("请回复 1 到 5 之间的数字。").contains("心情怎么样");
		assertThat(say("五")).contains("聊了什么");
		assertThat(this.session.answers()).containsEntry("mood", "5");
	}

	@Test
	void datesAsPeopleSayThemWithinThisMonthUpToToday() {
		Map<String, LocalDate> said = Map.of("今天", TODAY, "前天", TODAY.minusDays(2), "3月3日", TODAY.withDayOfMonth(3),
				"3号", TODAY.withDayOfMonth(3), "三号", TODAY.withDayOfMonth(3), "3-1", TODAY.withDayOfMonth(1), "2030-3-15",
				TODAY);
		said.forEach((words, date) -> {
			say("取消");
			say("谈心记录");
			say("1");
			say(words);
			assertThat(this.session.answers()).as(words).containsEntry("day", date.toString());
		});
	}

	@Test
	void aDateStepWithOptionsListsThemAndTakesTheirNumbers() {
		BotScripts scripts = scripts().add("bot-scripts/flows/talk.yaml", new java.io.ByteArrayInputStream(
				"day:\n  options: [今天, 昨天]\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		this.engine = engine(scripts, MonthlyTalkFlow.of(List.of("子涵（三年级(1)班）")));
		say("谈心记录");
		assertThat(say("1")).contains("哪天谈的").contains("1. 今天").contains("2. 昨天");
		say("2");
		assertThat(this.session.answers()).containsEntry("day", TODAY.minusDays(1).toString());
		say("返回");
		say("3号");
		assertThat(this.session.answers()).containsEntry("day", TODAY.withDayOfMonth(3).toString());
	}

	@ParameterizedTest
	@ValueSource(strings = { "明天", "3月20日", "2月28日", "20号", "3月32日", "上个月" })
	void aDayOutsideThisMonthSoFarSaysWhichDaysFit(String words) {
		say("谈心记录");
		say("1");
		assertThat(say(words)).contains("请说 3月1日 到 3月15日 之间的一天。").contains("哪天谈的");
	}

	@Test
	void noAttentionPassesTheConditionalStepAndBackPassesOverItToo() {
		toTopics();
		say("2");
		say("跟妈妈视频很开心");
		assertThat(say("不需要")).contains("保存这张记录卡吗").contains("跟妈妈视频很开心");
		assertThat(this.session.answers()).containsEntry("attention", "false").doesNotContainKey("concern");
		assertThat(say("返回")).contains("需要关注吗？");
		assertThat(say("2")).contains("保存这张记录卡吗");
		assertThat(say("保存")).contains("| false | ");
	}

	@Test
	void noAtTheConfirmationSaysWhatIsKeptAndLeavesTheFlow() {
		toTopics();
		say("1");
		say("跳过");
		say("2");
		assertThat(say("不保存")).startsWith("好的，没有保存。");
		assertThat(this.session.inFlow()).isFalse();
	}

	@Test
	void aConfirmationTakesOnlyItsNumbersAndWordsSoAStrayOkNeverSaves() {
		toTopics();
		say("1");
		say("跳过");
		say("2");
		assertThat(say("好的")).contains("请回复 1 保存，或 2 不保存。").contains("保存这张记录卡吗");
		assertThat(this.session.step()).isEqualTo(7);
		assertThat(say("保存")).startsWith("saved");
	}

	@Test
	void theEnginesBookkeepingIsKeptApartFromTheAnswers() {
		say("谈心记录");
		assertThat(this.session.answers()).isEmpty();
		assertThat(this.session.progress()).containsKey("~child");
		say("1");
		assertThat(this.session.answers()).containsOnlyKeys("child", "childLabel");
		assertThat(this.session.progress()).doesNotContainKey("~child");
	}

	@Test
	void aSessionKeptBeforeBookkeepingHadItsOwnPlaceStillWorks() {
		say("谈心记录");
		Map<String, String> old = new java.util.LinkedHashMap<>(this.session.answers());
		old.putAll(this.session.progress());
		this.session = new Session(Role.TEACHER, "t1", "王老师", "talk", 0, old, null, 0, 1, 1);
		assertThat(this.session.progress()).containsKey("~child");
		assertThat(say("2")).contains("哪天谈的");
		assertThat(this.session.answers()).containsEntry("child", "小雨（三年级(1)班）");
	}

	@Test
	void aPlaceholderNoStepFillsStopsTheStartNamingFileAndKey() {
		BotScripts scripts = scripts().add("bot-scripts/flows/broken.yaml", yaml("""
				mood:
				  ask: "{child}今天心情怎么样？"
				  hint: "请回复 {min} 到 {max}。"
				"""));
		assertThatThrownBy(() -> engine(scripts, Flow.named("broken").number("mood", 1, 5).thenReply(c -> "")))
			.hasMessageContaining("bot-scripts/flows/broken.yaml broken.mood.ask: {child}");
	}

	@Test
	void aMissingKeyStopsTheStartNamingIt() {
		BotScripts scripts = scripts().add("bot-scripts/flows/half.yaml", yaml("""
				mood:
				  ask: "心情怎么样？"
				"""));
		assertThatThrownBy(() -> engine(scripts, Flow.named("half").number("mood", 1, 5).thenReply(c -> "")))
			.hasMessageContaining("bot-scripts/flows/half.yaml has no key 'mood.hint'");
	}

	@Test
	void aConfirmationHasTwoOptions() {
		BotScripts scripts = scripts().add("bot-scripts/flows/three.yaml", yaml("""
				save:
				  ask: "保存吗？"
				  hint: "请回复数字。"
				  options: [保存, 不保存, 再想想]
				"""));
		assertThatThrownBy(() -> engine(scripts, Flow.named("three").confirm("save").thenReply(c -> "")))
			.hasMessageContaining("three.save.options").hasMessageContaining("two options");
	}

	private static InputStream yaml(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
