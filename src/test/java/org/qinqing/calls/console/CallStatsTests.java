package org.qinqing.calls.console;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinqing.calls.Booking;
import org.qinqing.calls.BookingOutcome;
import org.qinqing.calls.BookingResult;
import org.qinqing.calls.Bookings;
import org.qinqing.calls.CallOutcome;
import org.qinqing.calls.CallOutcomes;
import org.qinqing.calls.CallSettingsStore;
import org.qinqing.calls.CallsTestData;
import org.qinqing.console.DashboardTile;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.people.Child;
import org.qinqing.people.ChildAccess;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.TestDates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call figures against a real Redis: a small school of its own (two classes, a teacher heading
 * each), bookings made with {@link Bookings#book} under a fixed clock and marked with {@link CallOutcomes},
 * and "now" fixed at 20:30 school time on the third Saturday after the first Monday of next month, so
 * every day the tests use falls in "this month" (or, where said, before it), whatever day the suite runs.
 */
class CallStatsTests extends PortalTestSupport {

	/** The first Monday of the month after today's: "this month" of the tests. */
	static final LocalDate FIRST_MONDAY = TestDates.TODAY.plusMonths(1)
		.withDayOfMonth(1)
		.with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));

	/** Day 20 to 26 of the month: after every call of the tests. */
	static final LocalDateTime NOW = FIRST_MONDAY.plusDays(19).atTime(20, 30);

	/** A weekday of the tests' month, {@code days} after its first Monday. */
	private static LocalDate day(int days) {
		return FIRST_MONDAY.plusDays(days);
	}

	@Autowired
	SchoolRecords records;

	@Autowired
	ChildAccess access;

	@Autowired
	CallOutcomes outcomes;

	@Autowired
	CallSettingsStore settings;

	@Autowired
	MessageSource messages;

	@Autowired
	StaffAccounts staff;

	String tenant;

	CallStats stats;

	StaffUser admin;

	StaffUser teacher1;

	StaffUser teacher2;

	Child a1;

	Child a2;

	Child b1;

	Child b2;

	Child b3;

	@BeforeEach
	void smallSchool() {
		this.tenant = TENANT + "-stats-" + UUID.randomUUID().toString().substring(0, 8);
		this.records.save(this.tenant, new SchoolClass("c1", "s", 3, 1, "三年级(1)班", "t1"));
		this.records.save(this.tenant, new SchoolClass("c2", "s", 3, 2, "三年级(2)班", "t2"));
		this.a1 = child("a1", "c1", LeftBehindType.BOTH_AWAY);
		this.a2 = child("a2", "c1", LeftBehindType.MOTHER_AWAY);
		child("a3", "c1", LeftBehindType.NONE);
		this.b1 = child("b1", "c2", LeftBehindType.FATHER_AWAY);
		this.b2 = child("b2", "c2", LeftBehindType.BOTH_AWAY);
		this.b3 = child("b3", "c2", LeftBehindType.BOTH_AWAY);
		this.records.save(this.tenant, new Person("t1", Role.TEACHER, "一班老师", "", List.of(), List.of("c1")));
		this.records.save(this.tenant, new Person("t2", Role.TEACHER, "二班老师", "", List.of(), List.of("c2")));
		this.admin = new StaffUser("admin-stats", this.tenant, StaffRole.ADMIN, "", "德育处");
		this.teacher1 = new StaffUser("t1-stats", this.tenant, StaffRole.TEACHER, "t1", "一班老师");
		this.teacher2 = new StaffUser("t2-stats", this.tenant, StaffRole.TEACHER, "t2", "二班老师");
		this.stats = new CallStats(CallsTestData.bookings(this.redis, this.settings, CallsTestData.clock(NOW)), this.outcomes,
				this.access, CallsTestData.clock(NOW));
	}

	private Child child(String id, String classId, LeftBehindType type) {
		Child child = new Child(id, "孩子" + id, classId, type, "f-" + id, "");
		this.records.save(this.tenant, child);
		return child;
	}

	/** Books at 16:30 on a weekday, the day before, and marks it when {@code outcome} is given. */
	private Booking call(Child child, LocalDate day, CallOutcome outcome) {
		Bookings bookings = CallsTestData.bookings(this.redis, this.settings, CallsTestData.clock(day.minusDays(1).atTime(10, 0)));
		BookingResult result = bookings.book(this.tenant, child.familyId(), child.id(), "p-" + child.id(),
				day.atTime(16, 30));
		assertThat(result.outcome()).as("booking %s on %s", child.id(), day).isEqualTo(BookingOutcome.BOOKED);
		if (outcome != null) {
			this.outcomes.markRegardlessOfTime(this.tenant, result.booking().get().number(), outcome,
					CallOutcomes.Marker.console("teacher", ""));
		}
		return result.booking().get();
	}

	private void thisMonthsCalls() {
		call(this.a1, day(0), CallOutcome.HELD);
		call(this.a1, day(1), null);
		call(this.a2, day(2), CallOutcome.CHILD_ABSENT);
		call(this.b1, day(3), CallOutcome.HELD);
		call(this.b1, day(4), CallOutcome.HELD);
		call(this.b2, CallsTestData.weekdayBefore(FIRST_MONDAY.withDayOfMonth(1), 1), CallOutcome.HELD); // last month: a held call, not this month's
	}

	@Test
	void countsHeldCallsOfThisMonthPerClass() {
		thisMonthsCalls();
		CallStats.Summary all = this.stats.summary(this.admin);
		assertThat(all.asOf()).isEqualTo(NOW);
		assertThat(all.heldThisMonth()).isEqualTo(3);
		assertThat(all.heldByClass().entrySet()).extracting(e -> e.getKey().id() + "=" + e.getValue())
			.containsExactly("c1=1", "c2=2");
	}

	@Test
	void onTheFirstOfTheMonthTheTileShowsLastMonthBesideIt() {
		thisMonthsCalls();
		assertThat(this.stats.summary(this.admin).heldLastMonth()).as("the month before the tests' month").isEqualTo(1);
		LocalDateTime first = NOW.toLocalDate().plusMonths(1).withDayOfMonth(1).atTime(8, 0);
		CallStats onTheFirst = new CallStats(CallsTestData.bookings(this.redis, this.settings, CallsTestData.clock(first)),
				this.outcomes, this.access, CallsTestData.clock(first));
		CallStats.Summary summary = onTheFirst.summary(this.admin);
		assertThat(summary.heldThisMonth()).isZero();
		assertThat(summary.heldLastMonth()).isEqualTo(3);
		assertThat(summary.heldByClassLastMonth().values()).containsExactly(1, 2);

		DashboardTile.Tile tile = new CallsTile(onTheFirst, this.messages).view(this.admin);
		assertThat(tile.value()).isEqualTo("0");
		assertThat(tile.compared()).isEqualTo("上月（" + NOW.getMonthValue() + "月）3 次");
		assertThat(tile.chart().values()).containsExactly(0.0, 0.0);
		assertThat(tile.chart().previous()).containsExactly(1.0, 2.0);
		assertThat(tile.chart().previousName()).isEqualTo(NOW.getMonthValue() + "月");
		assertThat(tile.chart().name()).isEqualTo(first.getMonthValue() + "月");
	}

	@Test
	void theDashboardShowsLastMonthsCallsBesideThisMonths() {
		LocalDate today = LocalDate.now(TestDates.SCHOOL_ZONE);
		LocalDate lastWeekday = CallsTestData.weekdayBefore(today.withDayOfMonth(1), 1);
		call(this.a1, lastWeekday, CallOutcome.HELD);
		call(this.b1, CallsTestData.weekdayBefore(lastWeekday, 7), CallOutcome.HELD);
		String username = "dash-" + this.tenant;
		this.staff.save(new StaffUser(username, this.tenant, StaffRole.ADMIN, "", "德育处"), "dashboard-pw-1");
		ConsoleBrowser browser = new ConsoleBrowser(this.port);
		assertThat(browser.signIn(username, "dashboard-pw-1").status()).isEqualTo(302);
		String body = browser.get("/console").body();
		String tile = body.substring(body.indexOf("本月已通话的亲情视频"));
		tile = tile.substring(0, tile.indexOf("</article>"));
		assertThat(tile).contains("<span>0</span>")
			.contains("上月（" + lastWeekday.getMonthValue() + "月）2 次")
			.contains("data-values=\"0.0|0.0\"")
			.contains("data-previous=\"1.0|1.0\"")
			.contains("data-previous-name=\"" + lastWeekday.getMonthValue() + "月\"");
	}

	@Test
	void aRemarkCorrectsTheCount() {
		Booking held = call(this.a1, day(0), CallOutcome.HELD);
		assertThat(this.stats.summary(this.admin).heldThisMonth()).isEqualTo(1);
		this.outcomes.markRegardlessOfTime(this.tenant, held.number(), CallOutcome.PARENT_NO_SHOW,
				CallOutcomes.Marker.console("teacher", ""));
		assertThat(this.stats.summary(this.admin).heldThisMonth()).isZero();
	}

	@Test
	void listsLeftBehindChildrenWhoseParentsNeverHadAHeldCall() {
		thisMonthsCalls();
		assertThat(this.stats.summary(this.admin).neverHeld()).extracting(Child::id).containsExactlyInAnyOrder("a2", "b3");
	}

	@Test
	void aTeacherCountsOnlyTheirClasses() {
		thisMonthsCalls();
		CallStats.Summary one = this.stats.summary(this.teacher1);
		assertThat(one.heldThisMonth()).isEqualTo(1);
		assertThat(one.heldByClass().keySet()).extracting(SchoolClass::id).containsExactly("c1");
		assertThat(one.neverHeld()).extracting(Child::id).containsExactly("a2");
		CallStats.Summary two = this.stats.summary(this.teacher2);
		assertThat(two.heldThisMonth()).isEqualTo(2);
		assertThat(two.neverHeld()).extracting(Child::id).containsExactly("b3");
	}

	@Test
	void familiesWithTwoParentNoShowsInSixtyDaysAreFlagged() {
		call(this.a2, day(8), CallOutcome.PARENT_NO_SHOW);
		call(this.a2, day(15), CallOutcome.PARENT_NO_SHOW);
		call(this.b3, day(10), CallOutcome.PARENT_NO_SHOW); // once only
		call(this.b2, CallsTestData.weekdayBefore(NOW.toLocalDate(), 75), CallOutcome.PARENT_NO_SHOW); // more than 60 days ago
		call(this.b2, day(16), CallOutcome.PARENT_NO_SHOW);
		call(this.b1, day(17), CallOutcome.CHILD_ABSENT);
		call(this.b1, day(18), CallOutcome.CHILD_ABSENT); // the child, not the parents

		List<CallStats.NoShowFamily> flagged = this.stats.repeatedNoShows(this.admin);
		assertThat(flagged).hasSize(1);
		assertThat(flagged.get(0).familyId()).isEqualTo("f-a2");
		assertThat(flagged.get(0).children()).containsExactly(this.a2);
		assertThat(flagged.get(0).noShows()).isEqualTo(2);
		assertThat(flagged.get(0).lastNoShow()).isEqualTo(day(15));
		assertThat(this.stats.repeatedNoShows(this.teacher1)).extracting(CallStats.NoShowFamily::familyId)
			.containsExactly("f-a2");
		assertThat(this.stats.repeatedNoShows(this.teacher2)).isEmpty();
	}

	@Test
	void theTileShowsTheDatedFiguresAndABarPerClass() {
		thisMonthsCalls();
		DashboardTile.Tile tile = new CallsTile(this.stats, this.messages).view(this.admin);
		assertThat(tile.titleKey()).isEqualTo("tile.calls");
		assertThat(tile.value()).isEqualTo("3");
		assertThat(tile.detail()).isEqualTo("截至 " + NOW.getMonthValue() + "月" + NOW.getDayOfMonth() + "日 20:30；2 名留守儿童的家长还没成功通过话");
		assertThat(tile.link()).isEqualTo("/console/calls/never-held");
		assertThat(tile.chart().labels()).containsExactly("三年级(1)班", "三年级(2)班");
		assertThat(tile.chart().values()).containsExactly(1.0, 2.0);
		DashboardTile.Tile teachers = new CallsTile(this.stats, this.messages).view(this.teacher1);
		assertThat(teachers.value()).isEqualTo("1");
		assertThat(teachers.chart().labels()).containsExactly("三年级(1)班");
	}

}
