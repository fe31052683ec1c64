package org.qinqing.calls.console;

import org.qinqing.system.SchoolTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinqing.calls.Booking;
import org.qinqing.calls.Bookings;
import org.qinqing.calls.CallOutcome;
import org.qinqing.calls.CallOutcomes;
import org.qinqing.calls.CallSettings;
import org.qinqing.calls.CallSettingsStore;
import org.qinqing.calls.CallsClosed;
import org.qinqing.calls.CallsClosedRecorder;
import org.qinqing.calls.CallsTestData;
import org.qinqing.calls.CancelOutcome;
import org.qinqing.calls.Closure;
import org.qinqing.calls.ExtraOpening;
import org.qinqing.console.AuditLog;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffUser;
import org.qinqing.people.Child;
import org.qinqing.people.Person;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.ConsoleBrowser.Page;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.TestDates;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The 亲情视频 pages through real HTTP and sign-in, as the demo's teacher1 and admin see them. */
class CallsPagesTests extends PortalTestSupport {

	private static final String PASSWORD = "qinqing-demo";

	@Autowired
	private SchoolRecords records;

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private CallSettingsStore settings;

	@Autowired
	private CallOutcomes outcomes;

	@Autowired
	private AuditLog audit;

	@Autowired
	private CallsClosedRecorder closedEvents;

	private CallsTestData data;

	private Person teacher;

	private Child theirs;

	private Child notTheirs;

	@BeforeEach
	void people() {
		this.data = new CallsTestData(this.redis, this.settings, this.records);
		StaffUser user = this.accounts.find("teacher1").orElseThrow();
		this.teacher = this.records.person(TENANT, user.personId()).orElseThrow();
		List<Child> children = this.data.children(TENANT);
		this.theirs = children.stream().filter(c -> this.teacher.classIds().contains(c.classId())).findFirst().orElseThrow();
		this.notTheirs = children.stream()
			.filter(c -> !this.teacher.classIds().contains(c.classId()) && !c.pairedTeacherId().equals(this.teacher.id()))
			.findFirst()
			.orElseThrow();
	}

	@AfterEach
	void defaultSettings() {
		// the tenant is shared by the run's tests: leave the default call settings behind
		this.redis.delete(CallsTestData.settingsKey(TENANT));
	}

	private ConsoleBrowser signedIn(String username) {
		ConsoleBrowser browser = new ConsoleBrowser(this.port);
		Page answer = browser.signIn(username, PASSWORD);
		assertThat(answer.status()).isEqualTo(302);
		return browser;
	}

	private static LocalDate today() {
		return ZonedDateTime.now(SchoolTime.ZONE).toLocalDate();
	}

	@Test
	void aTeacherSeesOnlyTheCallsOfChildrenTheyMaySee() {
		// a Monday long enough ago that the demo school's own calls (the last four weeks) leave its seats free
		LocalDate monday = TestDates.mondayWeeksAgo(8);
		LocalDateTime start = monday.atTime(16, 30);
		Booking mine = this.data.book(TENANT, this.theirs, start);
		Booking other = this.data.book(TENANT, this.notTheirs, start);

		ConsoleBrowser teacher = signedIn("teacher1");
		Page page = teacher.get("/console/calls?date=" + monday);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("call-" + mine.number())
			.contains(this.theirs.name())
			.contains("16:30")
			.contains(mine.station())
			.doesNotContain("call-" + other.number());
		String relation = this.records.person(TENANT, mine.bookedBy()).orElseThrow().relation();
		assertThat(page.body()).contains(relation.isEmpty() ? "家人" : relation);
		// marking a call of a child they may not see is refused, and nothing is marked
		assertThat(teacher.post("/console/calls/" + other.number() + "/mark", Map.of("outcome", "HELD")).status())
			.isEqualTo(403);
		assertThat(this.outcomes.mark(TENANT, other.number())).isEmpty();
		assertThat(teacher.get("/console/calls?date=" + monday).status()).isEqualTo(200);
		assertThat(teacher.post("/console/calls/V9999/mark", Map.of("outcome", "HELD")).status()).isEqualTo(404);
		// a cancelled call is gone from the list and cannot be marked
		Booking cancelled = this.data.book(TENANT, this.theirs, start.plusMinutes(15));
		Bookings early = CallsTestData.bookings(this.redis, this.settings, CallsTestData.clock(start.minusDays(1)));
		assertThat(early.cancel(TENANT, cancelled.familyId(), cancelled.number())).isEqualTo(CancelOutcome.CANCELLED);
		assertThat(teacher.get("/console/calls?date=" + monday).body()).doesNotContain("call-" + cancelled.number());
		assertThat(teacher.post("/console/calls/" + cancelled.number() + "/mark", Map.of("outcome", "HELD")).status())
			.isEqualTo(404);

		Page admin = signedIn("admin").get("/console/calls?date=" + monday);
		assertThat(admin.body()).contains("call-" + mine.number()).contains("call-" + other.number());
	}

	@Test
	void markingACallPersistsIsAuditedAndMayBeCorrected() {
		LocalDate tuesday = TestDates.mondayWeeksAgo(7).plusDays(1);
		LocalDateTime start = tuesday.atTime(16, 45);
		Booking call = this.data.book(TENANT, this.theirs, start);
		ConsoleBrowser teacher = signedIn("teacher1");
		teacher.get("/console/calls?date=" + tuesday);
		Page marked = teacher.post("/console/calls/" + call.number() + "/mark", Map.of("outcome", "HELD"));
		assertThat(marked.status()).isEqualTo(302);
		assertThat(marked.location()).endsWith("/console/calls?date=" + tuesday);
		assertThat(this.outcomes.mark(TENANT, call.number())).get().satisfies(mark -> {
			assertThat(mark.outcome()).isEqualTo(CallOutcome.HELD);
			assertThat(mark.by().id()).isEqualTo("teacher1");
		});
		assertThat(this.audit.latest(TENANT, 20)).anySatisfy(entry -> {
			assertThat(entry.username()).isEqualTo("teacher1");
			assertThat(entry.action()).isEqualTo(CallsController.MARK_ACTION);
			assertThat(entry.target()).isEqualTo(call.number() + " HELD");
		});
		Page page = teacher.get("/console/calls?date=" + tuesday);
		assertThat(page.body()).contains("已登记 " + call.number()).contains("outcome-HELD");
		// the mark names the teacher, not the sign-in
		String name = this.accounts.find("teacher1").orElseThrow().displayName();
		assertThat(page.body()).contains("（" + name + " 登记）").doesNotContain("teacher1 登记");

		teacher.post("/console/calls/" + call.number() + "/mark", Map.of("outcome", "PARENT_NO_SHOW"));
		assertThat(this.outcomes.mark(TENANT, call.number())).get()
			.satisfies(mark -> assertThat(mark.outcome()).isEqualTo(CallOutcome.PARENT_NO_SHOW));
		assertThat(teacher.get("/console/calls?date=" + tuesday).body()).contains("outcome-PARENT_NO_SHOW")
			.doesNotContain("outcome outcome-HELD");
		assertThat(teacher.post("/console/calls/" + call.number() + "/mark", Map.of("outcome", "NONSENSE")).status())
			.isEqualTo(400);
	}

	@Test
	void aCallStillToComeCannotBeMarked() {
		// three weeks ahead: past the demo's own calls to come
		LocalDate day = today().plusWeeks(3).with(java.time.DayOfWeek.WEDNESDAY);
		Booking call = this.data.bookFirstFree(TENANT, this.theirs, day);
		ConsoleBrowser teacher = signedIn("teacher1");
		Page page = teacher.get("/console/calls?date=" + day);
		assertThat(page.body()).contains("call-" + call.number()).contains("还没到这一天").doesNotContain("name=\"outcome\"");
		teacher.post("/console/calls/" + call.number() + "/mark", Map.of("outcome", "HELD"));
		assertThat(this.outcomes.mark(TENANT, call.number())).isEmpty();
	}

	@Test
	void aDayWithoutCallsSaysSoAndLinksTheDaysAround() {
		LocalDate sunday = TestDates.mondayWeeksAgo(70).minusDays(1);
		Page page = signedIn("teacher1").get("/console/calls?date=" + sunday);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("这一天没有您能查看的孩子的亲情视频预约")
			.contains("/console/calls?date=" + sunday.minusDays(1))
			.contains("/console/calls?date=" + sunday.plusDays(1))
			.contains("href=\"/console/calls\"");
		assertThat(signedIn("teacher1").get("/console").body()).contains("href=\"/console/calls\"");
	}

	@Test
	void theWeekCalendarShowsFreeBookedAndClosedSlotsNamingOnlyVisibleChildren() {
		LocalDate monday = TestDates.mondayWeeksAgo(10);
		Booking mine = this.data.book(TENANT, this.theirs, monday.atTime(16, 30));
		Booking other = this.data.book(TENANT, this.notTheirs, monday.plusDays(1).atTime(16, 30));
		CallSettings s = this.settings.settings(TENANT);
		assertThat(mine.station()).isEqualTo(s.stations().get(0));
		assertThat(other.station()).isEqualTo(s.stations().get(0));

		Page page = signedIn("teacher1").get("/console/calls/week?station=" + java.net.URLEncoder.encode(
				mine.station(), java.nio.charset.StandardCharsets.UTF_8) + "&date=" + monday.plusDays(2));
		assertThat(page.status()).isEqualTo(200);
		String body = page.body().replaceAll(">\\s+<", "><");
		assertThat(body).contains("table class=\"week\"").contains(monday.getMonthValue() + "/" + monday.getDayOfMonth())
			.contains(monday.plusDays(6).getMonthValue() + "/" + monday.plusDays(6).getDayOfMonth()).contains("16:30").contains("17:45");
		assertThat(body).contains("<td class=\"BOOKED\"><span>" + this.theirs.name() + "</span>");
		assertThat(body).contains("<td class=\"BOOKED\"><span>已约</span>");
		assertThat(body).doesNotContain(">" + this.notTheirs.name() + "<");
		assertThat(body).contains("<td class=\"FREE\">").contains("<td class=\"CLOSED\">");
		// Sunday is closed all day, Saturday morning open
		assertThat(body).contains("09:00");
		for (String station : s.stations()) {
			assertThat(body).contains(station);
		}
	}

	@Test
	void familiesWithRepeatedNoShowsAreListedForTheirTeacherOnly() {
		// inside the list's 60 days, before the demo school's own calls of the last four weeks
		LocalDate first = CallsTestData.weekdayBefore(today(), 40);
		LocalDate second = CallsTestData.weekdayBefore(today(), 33);
		Booking a = this.data.book(TENANT, this.theirs, first.atTime(17, 15));
		Booking b = this.data.book(TENANT, this.theirs, second.atTime(17, 15));
		CallOutcomes.Marker teacher1 = CallOutcomes.Marker.console("teacher1", "");
		this.outcomes.markRegardlessOfTime(TENANT, a.number(), CallOutcome.PARENT_NO_SHOW, teacher1);
		this.outcomes.markRegardlessOfTime(TENANT, b.number(), CallOutcome.PARENT_NO_SHOW, teacher1);
		Booking once = this.data.book(TENANT, this.notTheirs, second.atTime(17, 15));
		this.outcomes.markRegardlessOfTime(TENANT, once.number(), CallOutcome.PARENT_NO_SHOW,
				CallOutcomes.Marker.console("admin", ""));

		Page teacher = signedIn("teacher1").get("/console/calls/no-shows");
		assertThat(teacher.status()).isEqualTo(200);
		assertThat(teacher.body()).contains(this.theirs.name()).doesNotContain(">" + this.notTheirs.name() + "<");
		Page admin = signedIn("admin").get("/console/calls/no-shows");
		assertThat(admin.body()).contains(this.theirs.name()).doesNotContain(">" + this.notTheirs.name() + "<");
	}

	@Test
	void theNeverHeldListAndTheDashboardTileAreDated() {
		Page list = signedIn("teacher1").get("/console/calls/never-held");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("截至");
		Page dashboard = signedIn("admin").get("/console");
		assertThat(dashboard.body()).contains("本月已通话的亲情视频").contains("截至").contains("还没成功通过话")
			.contains("href=\"/console/calls/never-held\"")
			.doesNotContain("本月已通话的亲情视频</h2>\n      <p class=\"figure\"><span>—</span>");
	}

	@Test
	void onlyAdminsOpenTheSettings() {
		ConsoleBrowser teacher = signedIn("teacher1");
		assertThat(teacher.get("/console/calls/settings").status()).isEqualTo(403);
		teacher.get("/console/calls");
		assertThat(teacher.post("/console/calls/settings", Map.of("stations", "x")).status()).isEqualTo(403);
		assertThat(teacher.get("/console/calls").body()).doesNotContain("/console/calls/settings");
		Page admin = signedIn("admin").get("/console/calls/settings");
		assertThat(admin.status()).isEqualTo(200);
		assertThat(admin.body()).contains("MON-FRI 16:30-18:00").contains("SAT 09:00-11:30").contains("亲情室电话");
	}

	/** The form as the page sends it for the default settings. */
	private Map<String, String> defaultForm() {
		CallSettings s = this.settings.settings(TENANT);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("stations", String.join("\n", s.stations()));
		for (int i = 0; i < s.stations().size(); i++) {
			form.put("hoursFor." + i, s.stations().get(i));
			form.put("hours." + i, String.join("\n", CallSettingsForm.lines(s.hours().get(s.stations().get(i)))));
		}
		form.put("slotLength", "15");
		form.put("bookingWindow", "14");
		form.put("minNotice", "120");
		form.put("cancelNotice", "60");
		form.put("familyCapPerWeek", "2");
		form.put("guardiansMayBook", "true");
		return form;
	}

	@Test
	void aFormWithMistakesComesBackAsTypedAndSavesNothing() {
		CallSettings before = this.settings.settings(TENANT);
		ConsoleBrowser admin = signedIn("admin");
		admin.get("/console/calls/settings");
		Map<String, String> form = defaultForm();
		form.put("hours.1", "MON-FRI 16:30-18:00\nFUNDAY 25:00-26:00");
		form.put("slotLength", "一刻钟");
		form.put("familyCapPerWeek", "0");
		form.put("newClosureDate", "2026-13-45");
		form.put("newExtraDate", today().plusDays(3).toString());
		form.put("newExtraFrom", "11:00");
		form.put("newExtraTo", "09:00");
		Page page = admin.post("/console/calls/settings", form);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("您填的内容都还在")
			.contains("第 2 行看不懂：「FUNDAY 25:00-26:00」")
			.contains("请填 5 到 120 之间的整数")
			.contains("请填 1 到 14 之间的整数")
			.contains("请填要关闭的日期")
			.contains("开始要早于结束");
		// what was typed is still there
		assertThat(page.body()).contains("FUNDAY 25:00-26:00").contains("value=\"一刻钟\"").contains("value=\"2026-13-45\"")
			.contains("value=\"11:00\"").contains("value=\"09:00\"");
		assertThat(this.settings.settings(TENANT)).isEqualTo(before);

		form = defaultForm();
		form.put("stations", "亲情室电话\n亲情室电话");
		assertThat(admin.post("/console/calls/settings", form).body()).contains("通话点「亲情室电话」写了两次");
		form.put("stations", " \n ");
		assertThat(admin.post("/console/calls/settings", form).body()).contains("请至少填写一个通话点");
		assertThat(this.settings.settings(TENANT)).isEqualTo(before);
	}

	@Test
	void savingANewClosurePublishesCallsClosedOnceAfterTheSave() {
		LocalDate closed = today().plusDays(40);
		ConsoleBrowser admin = signedIn("admin");
		admin.get("/console/calls/settings");
		Map<String, String> form = defaultForm();
		form.put("slotLength", "20");
		form.put("guardiansMayBook", "false");
		form.put("newClosureDate", closed.toString());
		form.put("newClosureStation", "");
		Page saved = admin.post("/console/calls/settings", form);
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).endsWith("/console/calls/settings");
		CallSettings after = this.settings.settings(TENANT);
		assertThat(after.closures()).containsExactly(Closure.allStations(closed));
		assertThat(after.slotLength()).hasMinutes(20);
		assertThat(after.guardiansMayBook()).isFalse();
		assertThat(after.hours()).isEqualTo(CallsTestData.defaultSettings().hours());
		assertThat(events(closed)).containsExactly(new CallsClosed(TENANT, closed, "", "admin"));
		Page page = admin.get("/console/calls/settings");
		assertThat(page.body()).contains("已保存。受影响的预约会自动调整，并通知家长。").contains(closed.toString());
		assertThat(this.audit.latest(TENANT, 10)).anySatisfy(entry -> {
			assertThat(entry.username()).isEqualTo("admin");
			assertThat(entry.action()).isEqualTo(CallSettingsController.SAVE_ACTION);
		});

		// saving again with the closure already there announces nothing new
		form.remove("newClosureDate");
		form.put("closure", closed + "|");
		assertThat(admin.post("/console/calls/settings", form).status()).isEqualTo(302);
		assertThat(this.settings.settings(TENANT).closures()).containsExactly(Closure.allStations(closed));
		assertThat(events(closed)).hasSize(1);
		assertThat(admin.get("/console/calls/settings").body()).contains("已保存。").doesNotContain("受影响的预约");

		// a station's closure and an extra opening, then removing the closure
		form.put("newClosureStation", "亲情室平板");
		form.put("newClosureDate", closed.plusDays(1).toString());
		form.put("newExtraDate", closed.plusDays(2).toString());
		form.put("newExtraFrom", "14:00");
		form.put("newExtraTo", "15:00");
		form.put("newExtraStation", "亲情室电话");
		form.put("removeClosure", closed + "|");
		assertThat(admin.post("/console/calls/settings", form).status()).isEqualTo(302);
		CallSettings third = this.settings.settings(TENANT);
		assertThat(third.closures()).containsExactly(new Closure(closed.plusDays(1), "亲情室平板"));
		assertThat(third.extraOpenings()).containsExactly(new ExtraOpening(closed.plusDays(2),
				java.time.LocalTime.of(14, 0), java.time.LocalTime.of(15, 0), "亲情室电话"));
		assertThat(events(closed.plusDays(1))).containsExactly(new CallsClosed(TENANT, closed.plusDays(1), "亲情室平板", "admin"));
		assertThat(events(closed)).hasSize(1);
	}

	@Test
	void aClosureInThePastIsRefused() {
		ConsoleBrowser admin = signedIn("admin");
		admin.get("/console/calls/settings");
		Map<String, String> form = defaultForm();
		form.put("newClosureDate", today().minusDays(1).toString());
		Page page = admin.post("/console/calls/settings", form);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("不能关闭已经过去的日期");
		assertThat(events(today().minusDays(1))).isEmpty();
	}

	private List<CallsClosed> events(LocalDate date) {
		return this.closedEvents.events().stream().filter(e -> e.tenant().equals(TENANT) && e.date().equals(date)).toList();
	}

}
