package org.qinqing.calls;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinqing.console.AuditLog;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffUser;
import org.qinqing.people.Directory;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.ConsoleBrowser.Page;
import org.qinqing.support.MovableClockTestSupport;
import org.qinqing.support.TestDates;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call is marked (已通话, 孩子没来, 家长没上线) once it has begun, in the console and in chat: before, the
 * teacher is told when it can be marked and nothing is written. Today's calls at 12:00 and 12:15 (an extra
 * opening of the school's, so the demo's own calls leave them free), seen at 11:00 and just after they began.
 */
class MarkingOnceACallHasBegunTests extends MovableClockTestSupport {

	private static final String PASSWORD = "qinqing-demo";

	private static final LocalTime NOON = LocalTime.NOON;

	@Autowired
	SchoolRecords records;

	@Autowired
	Directory directory;

	@Autowired
	CallSettingsStore settings;

	@Autowired
	CallOutcomes outcomes;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	AuditLog audit;

	LocalDate today;

	String classId;

	@BeforeEach
	void callsOpenAtNoonToday() {
		this.today = LocalDate.now(TestDates.SCHOOL_ZONE);
		StaffUser teacher1 = this.accounts.find("teacher1").orElseThrow();
		this.classId = this.records.person(TENANT, teacher1.personId()).orElseThrow().classIds().get(0);
		CallSettings saved = this.settings.settings(TENANT);
		this.settings.save(TENANT, saved.withExtraOpening(new ExtraOpening(this.today, NOON, NOON.plusMinutes(30),
				saved.stations().get(0))));
	}

	@AfterEach
	void defaultSettings() {
		// the tenant is shared by the run's tests: leave the default call settings behind
		this.redis.delete(CallsTestData.settingsKey(TENANT));
	}

	private Booking callAt(LocalTime time) {
		CallFamily family = CallFamily.create(this.records, this.directory, TENANT, Role.PARENT, this.classId);
		Bookings dayBefore = CallsTestData.bookings(this.redis, this.settings,
				CallsTestData.clock(this.today.minusDays(1).atTime(10, 0)));
		return dayBefore.book(TENANT, family.familyId(), family.childId(), family.personId(), this.today.atTime(time))
			.booking()
			.orElseThrow();
	}

	private ConsoleBrowser signedIn(String username) {
		ConsoleBrowser browser = new ConsoleBrowser(this.port);
		assertThat(browser.signIn(username, PASSWORD).status()).isEqualTo(302);
		return browser;
	}

	/** The table row of a call on the day page. */
	private static String row(Page page, Booking call) {
		String body = page.body();
		int start = body.indexOf("id=\"call-" + call.number() + "\"");
		assertThat(start).as("the row of " + call.number()).isPositive();
		return body.substring(start, body.indexOf("</tr>", start));
	}

	@Test
	void theConsoleRefusesAMarkBeforeTheCallBeginsAndSaysWhen() {
		Booking call = callAt(NOON);
		this.clock.set(this.today.atTime(11, 0));
		ConsoleBrowser teacher = signedIn("teacher1");
		Page day = teacher.get("/console/calls?date=" + this.today);
		assertThat(row(day, call)).contains("12:00 开始后可登记").doesNotContain("name=\"outcome\"");

		Page refused = teacher.post("/console/calls/" + call.number() + "/mark", Map.of("outcome", "HELD"));
		assertThat(refused.status()).isEqualTo(302);
		assertThat(this.outcomes.mark(TENANT, call.number())).isEmpty();
		String when = this.today.getMonthValue() + "月" + this.today.getDayOfMonth() + "日 12:00";
		assertThat(teacher.get("/console/calls?date=" + this.today).body())
			.contains("这个视频 " + when + " 开始，开始以后才能登记结果。");

		this.clock.set(this.today.atTime(12, 1));
		Page begun = teacher.get("/console/calls?date=" + this.today);
		assertThat(row(begun, call)).contains("name=\"outcome\"").doesNotContain("开始后可登记");
		assertThat(teacher.post("/console/calls/" + call.number() + "/mark", Map.of("outcome", "HELD")).status())
			.isEqualTo(302);
		assertThat(this.outcomes.mark(TENANT, call.number())).get()
			.extracting(CallOutcomes.Mark::outcome)
			.isEqualTo(CallOutcome.HELD);
		String name = this.accounts.find("teacher1").orElseThrow().displayName();
		assertThat(row(teacher.get("/console/calls?date=" + this.today), call)).contains("outcome-HELD")
			.contains("（" + name + " 登记）");
	}

	@Test
	void inChatACallStillToComeSaysWhenItCanBeMarkedAndAMarkNamesTheTeacherAndIsAudited() {
		Booking call = callAt(NOON.plusMinutes(15));
		String openid = CallFamily.teacher(this.records, this.directory, TENANT, this.classId);
		Person teacher = this.records.person(TENANT, this.directory.boundPeople(TENANT, openid).iterator().next())
			.orElseThrow();
		resetSession(openid);

		this.clock.set(this.today.atTime(11, 0));
		String list = wechat().text(openid, "今天的视频").reply();
		assertThat(itemLine(list, "12:15 晓雨")).contains("12:15 开始后可记录");
		String refused = wechat().text(openid, itemNumber(list, "12:15 晓雨")).reply();
		assertThat(refused).contains("12:15 晓雨", "还没开始", "开始以后才能记录").doesNotContain("通话情况怎么样");
		assertThat(this.outcomes.mark(TENANT, call.number())).isEmpty();

		this.clock.set(this.today.atTime(12, 16));
		list = wechat().text(openid, "今天的视频").reply();
		assertThat(itemLine(list, "12:15 晓雨")).contains("未记录");
		assertThat(wechat().text(openid, itemNumber(list, "12:15 晓雨")).reply()).contains("通话情况怎么样");
		assertThat(wechat().text(openid, "3").reply()).contains("已记下", "家长没上线");
		assertThat(this.outcomes.mark(TENANT, call.number())).get().satisfies(mark -> {
			assertThat(mark.outcome()).isEqualTo(CallOutcome.PARENT_NO_SHOW);
			assertThat(mark.by().name()).isEqualTo(teacher.name());
		});
		// the list names the teacher, never their internal id
		String marked = itemLine(wechat().text(openid, "今天的视频").reply(), "12:15 晓雨");
		assertThat(marked).contains("家长没上线（" + teacher.name() + " 记录）").doesNotContain(teacher.id());
		wechat().text(openid, "菜单");

		List<AuditLog.Entry> entries = this.audit.latest(TENANT, 50);
		assertThat(entries).anySatisfy(entry -> {
			assertThat(entry.action()).isEqualTo("mark-call");
			assertThat(entry.target()).isEqualTo(call.number() + " PARENT_NO_SHOW");
			assertThat(entry.username()).isEqualTo(teacher.id());
			assertThat(entry.name()).isEqualTo(teacher.name());
			assertThat(entry.channel()).isEqualTo(AuditLog.Channel.WECHAT);
		});
		// and the console shows the teacher's name too, as marked in chat
		assertThat(row(signedIn("admin").get("/console/calls?date=" + this.today), call))
			.contains("（" + teacher.name() + " 在微信登记）")
			.doesNotContain(teacher.id() + " 登记");
	}

	private static String itemLine(String list, String text) {
		return list.lines()
			.filter(line -> line.contains(text) && line.matches("^\\d+\\. .*"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no item with " + text + " in " + list));
	}

	private static String itemNumber(String list, String text) {
		String line = itemLine(list, text);
		return line.substring(0, line.indexOf('.'));
	}

}
