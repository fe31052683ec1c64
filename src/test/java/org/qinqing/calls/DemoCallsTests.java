package org.qinqing.calls;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.qinqing.people.Child;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.StoppedClock;
import org.qinqing.support.TestDates;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo school's calls are made relative to the day the demo starts: started again a year later, it
 * gets the weeks it missed and calls in the coming days, so it never looks abandoned.
 */
class DemoCallsTests extends PortalTestSupport {

	@Autowired
	SchoolRecords records;

	@Autowired
	CallSettingsStore settings;

	@Test
	void aDemoStartedAgainAYearLaterHasRecentCallsAndCallsToCome() {
		String tenant = TENANT + "-democalls-" + UUID.randomUUID().toString().substring(0, 8);
		List<Child> children = List.of(child(tenant, "a"), child(tenant, "b"), child(tenant, "c"));
		StoppedClock clock = new StoppedClock(TestDates.TODAY.atTime(9, 0));
		CallOutcomes outcomes = new CallOutcomes(this.redis, clock);
		DemoCalls demo = new DemoCalls(this.redis, this.settings, outcomes, this.records, event -> {
		}, clock);

		assertThat(demo.seed(tenant, children, Set.of(), null)).isPositive();
		LocalDate firstStart = TestDates.TODAY;
		assertThat(calls(tenant, clock, firstStart.minusDays(28), firstStart)).isNotEmpty()
			.allSatisfy(b -> assertThat(outcomes.mark(tenant, b.number())).isPresent());
		assertThat(calls(tenant, clock, firstStart, firstStart.plusDays(5))).isNotEmpty();

		// the same demo, started again a year later
		LocalDate later = firstStart.plusWeeks(52);
		clock.set(later.atTime(9, 0));
		assertThat(demo.seed(tenant, children, Set.of(), DemoCalls.comingThrough(firstStart))).isPositive();
		assertThat(calls(tenant, clock, later.minusDays(28), later)).as("the last four weeks' calls, with outcomes")
			.isNotEmpty()
			.allSatisfy(b -> assertThat(outcomes.mark(tenant, b.number())).isPresent());
		assertThat(calls(tenant, clock, later, later.plusDays(5))).as("calls in the coming days").isNotEmpty();
		assertThat(calls(tenant, clock, firstStart.plusDays(5), later.minusDays(28)))
			.as("nothing is made up for the months between")
			.isEmpty();

		// started again the same day: nothing is added twice
		assertThat(demo.seed(tenant, children, Set.of(), DemoCalls.comingThrough(later))).isZero();
	}

	private List<Booking> calls(String tenant, StoppedClock clock, LocalDate from, LocalDate to) {
		Bookings bookings = new Bookings(this.redis, this.settings, clock);
		return bookings.between(tenant, from.atStartOfDay(), to.atStartOfDay());
	}

	private Child child(String tenant, String id) {
		Child child = new Child("child-" + id, "王小" + id, "c1", LeftBehindType.BOTH_AWAY, "f-" + id, "");
		this.records.save(tenant, child);
		this.records.save(tenant,
				new Person("mum-" + id, Role.PARENT, "某母亲", "母亲", List.of(child.id()), List.of()));
		return child;
	}


}
