package org.qinqing.talks;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinqing.jobs.DueJobs;
import org.qinqing.people.Child;
import org.qinqing.people.Directory;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.TestDates;
import org.qinqing.support.TickingClock;
import org.qinqing.support.WechatClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recording talks through the real portal, on a clock set to a coming Tuesday morning (a weekday outside quiet hours),
 * in a tenant of its own: each test has its class (head teacher 黄丽, two left-behind children, one child who is not),
 * the children's parents, another class's teacher and a leader, and asserts only on their messages.
 */
@Import(TalksChatTests.ClockConfiguration.class)
@TestPropertySource(properties = { "wechat.timestamp-tolerance=15d", "qinqing.test.tenant-suffix=-talks",
		"qinqing.demo.staff-accounts=false", "qinqing.console.admin.username=admin-talks-chat" })
class TalksChatTests extends PortalTestSupport {

	static final String TALKS = TENANT + "-talks";

	@Autowired
	TickingClock clock;

	@Autowired
	SchoolRecords records;

	@Autowired
	Directory directory;

	@Autowired
	DueJobs jobs;

	@Autowired
	TalkReminders reminders;

	@Autowired
	org.qinqing.notify.ServiceWindow window;

	@Autowired
	TalkSettingsStore settings;

	String teacher;

	String otherTeacher;

	String leader;

	String parent;

	String childId;

	private static final java.util.concurrent.atomic.AtomicInteger NUMBERS = new java.util.concurrent.atomic.AtomicInteger();

	int classNumber;

	String className;

	@BeforeEach
	void people() {
		WECHAT_API.stubFor(WireMock.post(urlPathEqualTo("/cgi-bin/stable_token"))
			.willReturn(WireMock.okJson("{\"access_token\":\"T-TALKS\",\"expires_in\":7200}")));
		WECHAT_API.stubFor(WireMock.post(urlPathEqualTo(CUSTOM)).willReturn(WireMock.okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
		this.clock.set(TestDates.TODAY.with(TemporalAdjusters.next(DayOfWeek.TUESDAY)).atTime(10, 0));
		String id = UUID.randomUUID().toString().substring(0, 6);
		String classId = "tk-" + id;
		String otherClass = "tk-other-" + id;
		// a class number of its own: the leaders' list names every class of the tenant, other tests' ones too
		this.classNumber = 10 + NUMBERS.getAndIncrement();
		this.className = "三年级(" + this.classNumber + ")班";
		this.records.save(TALKS, new SchoolClass(classId, "", 3, this.classNumber, this.className, "t-tk-" + id));
		this.records.save(TALKS, new SchoolClass(otherClass, "", 3, 90, "三年级(90)班", "t-tk-o-" + id));
		this.teacher = person("t-tk-" + id, Role.TEACHER, "黄丽", List.of(), List.of(classId));
		this.otherTeacher = person("t-tk-o-" + id, Role.TEACHER, "吴芳", List.of(), List.of(otherClass));
		this.leader = person("a-tk-" + id, Role.ADMIN, "郑校长", List.of(), List.of());
		this.childId = "c-tk-" + id;
		this.records.save(TALKS, new Child(this.childId, "王一诺", classId, LeftBehindType.BOTH_AWAY, "f-tk-" + id, ""));
		this.records.save(TALKS, new Child("c-tk2-" + id, "李小明", classId, LeftBehindType.FATHER_AWAY, "f-tk2-" + id, ""));
		this.records.save(TALKS, new Child("c-tk3-" + id, "赵子涵", classId, LeftBehindType.NONE, "f-tk3-" + id, ""));
		this.parent = person("p-tk-" + id, Role.PARENT, "王强", List.of(this.childId), List.of());
		for (String openid : List.of(this.teacher, this.otherTeacher, this.leader, this.parent)) {
			resetSession(openid);
			say(openid, "菜单");
		}
	}

	@AfterEach
	void forgetLeader() {
		this.records.delete(TALKS, this.leader.substring("talks-".length()));
	}

	@Test
	void aTeacherRecordsATalkInAFewDigitsWithBackWrongNumbersSeveralTopicsAndVoice() {
		String list = say(this.teacher, "谈心记录");
		assertThat(list).contains("和哪个孩子谈的心", "一诺（" + this.className + "）", "小明（" + this.className + "）").doesNotContain("子涵");
		assertThat(say(this.teacher, "9")).contains("请回复孩子前面的数字", "一诺");
		assertThat(say(this.teacher, number(list, "一诺"))).contains("哪天谈的", "1. 今天");
		assertThat(say(this.teacher, "1")).contains("一诺", "心情怎么样");
		assertThat(say(this.teacher, "返回")).contains("哪天谈的");
		assertThat(say(this.teacher, "今天")).contains("心情怎么样");
		assertThat(say(this.teacher, "8")).contains("请回复 1 到 5 的数字");
		assertThat(say(this.teacher, "4")).contains("聊了什么", "1. 学习", "3. 心理");
		assertThat(say(this.teacher, "1 3")).contains("简单记几句");
		String voice = wechat().post(WechatClient.voiceXml(this.teacher, "她说想妈妈了晚上睡不好", WechatClient.nextMsgId()),
				false).reply();
		assertThat(voice).contains("需要关注吗", "1. 需要关注");
		String saved = say(this.teacher, "2");
		assertThat(saved).contains("已保存谈心记录 T", "孩子：一诺（" + this.className + "）", "心情：4 不错", "聊了：学习、心理",
				"记录：她说想妈妈了晚上睡不好", "需要关注：否", "家长会收到");
		// the child is now talked to: listed after the one still owed
		String again = say(this.teacher, "谈心记录");
		assertThat(again).contains("一诺（" + this.className + "）（本月已谈）");
		assertThat(again.indexOf("小明")).isLessThan(again.indexOf("一诺"));
		say(this.teacher, "取消");
	}

	@Test
	void parentsGetOnlyTheShortNoteAndAnotherClassesTeacherCannotReachTheChild() {
		record(this.teacher, "5", "2", "跳过写了很多秘密的话", false);
		this.clock.advance(Duration.ofMinutes(11));
		this.jobs.runDue(TALKS);
		awaitPush(this.parent, "黄老师和一诺谈了心，孩子心情：很好");
		assertThat(WECHAT_API.findAll(postRequestedFor(urlPathEqualTo(CUSTOM)).withRequestBody(containing("秘密"))))
			.isEmpty();
		String news = say(this.parent, "孩子近况");
		assertThat(news).contains("一诺：", "和黄老师谈了心，心情：很好", "最近还没有亲情视频", "月读了2节家长课")
			.doesNotContain("秘密", "生活");
		// another class's teacher: the child is not among theirs, in chat
		assertThat(say(this.otherTeacher, "谈心记录")).doesNotContain("一诺").contains("还没有留守儿童");
	}

	@Test
	void keptPrivateTheParentsHearNothing() {
		record(this.teacher, "3", "1", "跳过", false);
		assertThat(say(this.teacher, "保密")).contains("已设为保密");
		this.clock.advance(Duration.ofMinutes(11));
		this.jobs.runDue(TALKS);
		assertThat(say(this.parent, "孩子近况")).contains("最近还没有谈心记录");
		assertThat(pushes(this.parent, "谈了心")).isEmpty();
	}

	@Test
	void aConcernOpensAPlanAndTellsTheLeaders() {
		String saved = record(this.teacher, "2", "3 4", "最近总是一个人哭", true);
		assertThat(saved).contains("需要关注：是（已建个别教育方案 P");
		awaitPush(this.leader, "黄老师和一诺（" + this.className + "）谈心后觉得孩子需要关注");
		assertThat(pushes(this.leader, "一个人哭")).isEmpty();
	}

	@Test
	void talkTimeRemindsOfTheChildStillOwedOnceAndNobodyWhoOwesNothing() {
		LocalDate tuesday = org.qinqing.system.SchoolTime.today(this.clock);
		TalkSettings s = this.settings.settings(TALKS);
		org.junit.jupiter.api.Assumptions.assumeTrue(s.calendar().isSchoolDay(tuesday)
				&& s.calendar().owes(java.time.YearMonth.from(tuesday)), "the coming Tuesday is in a term");
		record(this.teacher, "4", "1", "跳过", false);
		this.clock.set(tuesday.atTime(13, 0));
		this.reminders.schedule(TALKS);
		assertThat(this.jobs.dueAt(TALKS, TalkReminders.REMIND, tuesday.toString())).isPresent();
		this.clock.set(tuesday.atTime(14, 1));
		this.jobs.runDue(TALKS);
		awaitPush(this.teacher, "本月还没谈心的孩子（1个）：小明");
		assertThat(pushes(this.teacher, "谈心时间")).hasSize(1);
		assertThat(pushes(this.teacher, "谈心时间").get(0).getBodyAsString()).doesNotContain("一诺");
		// a restart or a second instance schedules the same talk time again: it sends nothing more
		this.jobs.schedule(TALKS, TalkReminders.REMIND, tuesday.toString(), this.clock.instant().minusSeconds(1),
				java.util.Map.of());
		this.jobs.runDue(TALKS);
		Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
			.until(() -> pushes(this.teacher, "谈心时间").size() == 1);
		assertThat(pushes(this.otherTeacher, "谈心时间")).as("owes nothing").isEmpty();
		// and the next talk time is waiting
		assertThat(this.jobs.dueAt(TALKS, TalkReminders.REMIND, tuesday.plusWeeks(1).toString())).isPresent();
	}

	@Test
	void theMonthsLastSchoolDayGivesTheLeadersTheChildrenStillMissing() {
		LocalDate tuesday = org.qinqing.system.SchoolTime.today(this.clock);
		java.time.YearMonth month = java.time.YearMonth.from(tuesday);
		TalkSettings s = this.settings.settings(TALKS);
		java.util.Optional<java.time.LocalDateTime> at = s.missingListTime(month);
		org.junit.jupiter.api.Assumptions.assumeTrue(at.isPresent() && at.get().isAfter(tuesday.atTime(10, 0)),
				"the coming Tuesday's month owes talks");
		record(this.teacher, "4", "1", "跳过", false);
		this.reminders.schedule(TALKS);
		assertThat(this.jobs.dueAt(TALKS, TalkReminders.MISSING, month.toString()))
			.contains(org.qinqing.system.SchoolTime.instant(at.get()));
		// the leader wrote that morning (weeks ahead: past the portal's timestamp tolerance, so the window is opened
		// as the portal would): the list goes as a customer-service message
		this.clock.set(at.get().minusHours(6));
		this.window.opened(TALKS, this.leader);
		this.clock.set(at.get().plusMinutes(1));
		this.jobs.runDue(TALKS);
		awaitPush(this.leader, "本月谈心还差");
		String list = pushes(this.leader, "本月谈心还差").get(0).getBodyAsString();
		Matcher line = Pattern.compile(Pattern.quote(this.className) + "（([^）]*)）：([^\\\\\"]*)").matcher(list);
		assertThat(line.find()).as(list).isTrue();
		assertThat(line.group(1)).isEqualTo("黄老师");
		assertThat(line.group(2)).isEqualTo("小明");
		assertThat(pushes(this.teacher, "本月谈心还差")).isEmpty();
	}

	/** Records a talk today with the class's 一诺; returns the saved card's reply. */
	private String record(String openid, String mood, String topics, String note, boolean concern) {
		String list = say(openid, "谈心记录");
		say(openid, number(list, "一诺"));
		say(openid, "1");
		say(openid, mood);
		say(openid, topics);
		say(openid, note);
		return say(openid, concern ? "1" : "2");
	}

	private static String number(String list, String name) {
		Matcher m = Pattern.compile("(\\d+)\\. " + name).matcher(list);
		assertThat(m.find()).as(list).isTrue();
		return m.group(1);
	}

	private String person(String personId, Role role, String name, List<String> children, List<String> classes) {
		this.records.save(TALKS, new Person(personId, role, name, role == Role.PARENT ? "父亲" : "", children, classes));
		String openid = "talks-" + personId;
		this.directory.bind(TALKS, openid, personId);
		return openid;
	}

	@Override
	protected String sessionTenant() {
		return TALKS;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		@Primary
		TickingClock talksClock() {
			return new TickingClock();
		}

		/** Stands in for the parenting school's line in 孩子近况 (this context's tenant only). */
		@Bean
		ChildNewsLine lessonsLine() {
			return (tenant, childId, month) -> TALKS.equals(tenant) && childId.startsWith("c-tk-")
					? java.util.Optional.of(month.getMonthValue() + "月读了2节家长课") : java.util.Optional.empty();
		}

	}

}
