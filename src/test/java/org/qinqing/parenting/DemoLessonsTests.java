package org.qinqing.parenting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qinqing.people.Child;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.TestDates;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo school starts with a term's parenting history: lessons given every Friday, most families reading, a few
 * never opening one, so the reach page and the tile show real-looking figures on first start.
 */
class DemoLessonsTests extends PortalTestSupport {

	@Autowired
	Reach reach;

	@Autowired
	SchoolRecords records;

	@Autowired
	Learners learners;

	@Test
	void theDemoSchoolHasATermOfReadsWithAFewFamiliesToFollowUp() {
		// the demo's own pupils (s1, s2...): other tests add children of their own to the shared demo tenant
		List<Child> children = this.records.children(TENANT, this.records.ids(TENANT, "child")).values().stream()
			.filter(c -> c.id().matches("s\\d+"))
			.toList();
		Reach.Report report = this.reach.of(TENANT, children);
		assertThat(report.total().leftBehind()).isGreaterThan(20);
		assertThat(report.total().reachedPercent()).isBetween(70.0, 97.0);
		assertThat(report.total().answeredRightPercent()).isBetween(40.0, report.total().reachedPercent());
		assertThat(report.neverOpened()).isNotEmpty();
		assertThat(report.classes()).hasSizeGreaterThanOrEqualTo(6);
		// even a family that never opened one was given a lesson every Friday up to the last, as the push would have
		String adult = this.records.adultsOf(TENANT, report.neverOpened().get(0).child().id()).stream()
			.filter(org.qinqing.people.Person::isFamily).findFirst().orElseThrow().id();
		History history = this.learners.history(TENANT, adult);
		assertThat(history.weeks()).hasSizeGreaterThanOrEqualTo(DemoLessons.MIN_WEEKS);
		assertThat(history.weeks().keySet()).allMatch(d -> d.getDayOfWeek() == DayOfWeek.FRIDAY)
			.anyMatch(d -> d.isAfter(TestDates.TODAY.minusDays(15)));
		assertThat(history.read()).isEmpty();
	}

	@Test
	void theFridaysOfTheTermSoFarAndAtLeastFour() {
		List<LocalDate> fridays = DemoLessons.fridays(TestDates.TODAY);
		assertThat(fridays).hasSizeGreaterThanOrEqualTo(DemoLessons.MIN_WEEKS)
			.allMatch(d -> d.getDayOfWeek() == DayOfWeek.FRIDAY && d.isBefore(TestDates.TODAY))
			.isSorted();
		assertThat(fridays.get(fridays.size() - 1)).isAfter(TestDates.TODAY.minusDays(8));
	}

}
