package org.qinqing.talks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.qinqing.support.TestDates;

import static org.assertj.core.api.Assertions.assertThat;

/** Who owes whom a talk: the calendar's months, newcomers, and the two kinds of teacher under both rules. */
class OwedTalksTests {

	/** A Chinese primary school's year, as the defaults give it. */
	static final SchoolCalendar CALENDAR = new SchoolCalendar(MonthDay.of(9, 1), MonthDay.of(1, 15), MonthDay.of(2, 24),
			MonthDay.of(7, 5), SchoolCalendar.parseClosed("10-01..10-07, 05-01..05-05"), 5);

	/** Next year's dates, whatever today is: the rules do not depend on the real clock. */
	static final int YEAR = TestDates.TODAY.getYear() + 1;

	static final LocalDate LONG_AGO = LocalDate.of(YEAR - 2, 1, 1);

	@Test
	void termMonthsOweAndHolidayMonthsDoNot() {
		assertThat(CALENDAR.owes(YearMonth.of(YEAR, 9))).isTrue();
		assertThat(CALENDAR.owes(YearMonth.of(YEAR, 10))).as("National Day week off, still three weeks of school")
			.isTrue();
		assertThat(CALENDAR.owes(YearMonth.of(YEAR, 1))).as("two weeks before the winter holiday").isTrue();
		assertThat(CALENDAR.owes(YearMonth.of(YEAR, 8))).as("summer holiday").isFalse();
		assertThat(CALENDAR.schoolDays(YearMonth.of(YEAR, 8))).isZero();
		assertThat(CALENDAR.isSchoolDay(LocalDate.of(YEAR, 10, 3))).isFalse();
		assertThat(CALENDAR.isSchoolDay(LocalDate.of(YEAR, 1, 20))).as("after the autumn term's end").isFalse();
		// July has at most five school days before the 5th: fewer than the minimum unless all five are weekdays
		assertThat(CALENDAR.owes(YearMonth.of(YEAR, 7))).isEqualTo(CALENDAR.schoolDays(YearMonth.of(YEAR, 7)) >= 5);
	}

	@Test
	void aMonthsLastSchoolDayIsAWeekdayInTerm() {
		LocalDate last = CALENDAR.lastSchoolDay(YearMonth.of(YEAR, 11)).orElseThrow();
		assertThat(last.getMonthValue()).isEqualTo(11);
		assertThat(last.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
		assertThat(CALENDAR.schoolDaysFrom(last)).isEqualTo(1);
		assertThat(CALENDAR.lastSchoolDay(YearMonth.of(YEAR, 8))).isEmpty();
	}

	@Test
	void aNewcomerLateInTheMonthIsOwedFromTheNext() {
		YearMonth november = YearMonth.of(YEAR, 11);
		LocalDate last = CALENDAR.lastSchoolDay(november).orElseThrow();
		Pupil early = pupil("c1", "t1", "", november.atDay(2));
		Pupil late = pupil("c2", "t1", "", last.minusDays(1));
		List<OwedTalks.Standing> s = OwedTalks.of(november, CALENDAR, OwedRule.EITHER, List.of(early, late), Map.of());
		assertThat(s.get(0).state()).isEqualTo(OwedTalks.State.OWED);
		assertThat(s.get(1).state()).isEqualTo(OwedTalks.State.NOT_OWED);
		assertThat(OwedTalks.of(november.plusMonths(1), CALENDAR, OwedRule.EITHER, List.of(late), Map.of()).get(0)
			.state()).isEqualTo(OwedTalks.State.OWED);
		// talked to anyway: counted as done, never as owed
		assertThat(OwedTalks.of(november, CALENDAR, OwedRule.EITHER, List.of(late), Map.of("c2", Set.of("t1"))).get(0)
			.state()).isEqualTo(OwedTalks.State.DONE);
	}

	@Test
	void eitherTeachersTalkSatisfiesTheMonthUnderEither() {
		YearMonth month = YearMonth.of(YEAR, 11);
		Pupil both = pupil("c1", "head", "paired", LONG_AGO);
		List<OwedTalks.Standing> before = OwedTalks.of(month, CALENDAR, OwedRule.EITHER, List.of(both), Map.of());
		assertThat(before.get(0).owedBy()).containsExactly("head", "paired");
		assertThat(OwedTalks.byTeacher(before)).containsOnlyKeys("head", "paired");
		List<OwedTalks.Standing> after = OwedTalks.of(month, CALENDAR, OwedRule.EITHER, List.of(both),
				Map.of("c1", Set.of("paired")));
		assertThat(after.get(0).state()).isEqualTo(OwedTalks.State.DONE);
		assertThat(OwedTalks.byTeacher(after)).isEmpty();
	}

	@Test
	void eachTeacherOwesTheirOwnTalkUnderBoth() {
		YearMonth month = YearMonth.of(YEAR, 11);
		Pupil both = pupil("c1", "head", "paired", LONG_AGO);
		Pupil headOnly = pupil("c2", "head", "", LONG_AGO);
		List<OwedTalks.Standing> s = OwedTalks.of(month, CALENDAR, OwedRule.BOTH, List.of(both, headOnly),
				Map.of("c1", Set.of("head"), "c2", Set.of("head")));
		assertThat(s.get(0).state()).isEqualTo(OwedTalks.State.PARTLY);
		assertThat(s.get(0).owedBy()).containsExactly("paired");
		assertThat(s.get(1).state()).isEqualTo(OwedTalks.State.DONE);
		assertThat(OwedTalks.byTeacher(s)).containsOnlyKeys("paired");
	}

	@Test
	void aChildWithNoTeacherIsStillOwedButOnNobodysList() {
		List<OwedTalks.Standing> s = OwedTalks.of(YearMonth.of(YEAR, 11), CALENDAR, OwedRule.EITHER,
				List.of(pupil("c1", "", "", LONG_AGO)), Map.of());
		assertThat(s.get(0).stillOwed()).isTrue();
		assertThat(OwedTalks.byTeacher(s)).isEmpty();
	}

	@Test
	void theHolidaysOweNothing() {
		List<OwedTalks.Standing> s = OwedTalks.of(YearMonth.of(YEAR, 8), CALENDAR, OwedRule.BOTH,
				List.of(pupil("c1", "head", "paired", LONG_AGO)), Map.of());
		assertThat(s.get(0).state()).isEqualTo(OwedTalks.State.NOT_OWED);
		assertThat(OwedTalks.byTeacher(s)).isEmpty();
	}

	@Test
	void theNextTalkTimeIsTheComingTuesdayAfternoon() {
		TalkSettings settings = new TalkSettings(CALENDAR, OwedRule.EITHER, DayOfWeek.TUESDAY, LocalTime.of(14, 0),
				LocalTime.of(16, 0), 20);
		LocalDate tuesday = LocalDate.of(YEAR, 11, 1).with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
		assertThat(settings.nextTalkTime(tuesday.atTime(9, 0))).isEqualTo(tuesday.atTime(14, 0));
		assertThat(settings.nextTalkTime(tuesday.atTime(14, 0))).isEqualTo(tuesday.plusWeeks(1).atTime(14, 0));
	}

	static Pupil pupil(String id, String head, String paired, LocalDate since) {
		return new Pupil(id, "王" + id, "class-1", head, paired, since);
	}

}
