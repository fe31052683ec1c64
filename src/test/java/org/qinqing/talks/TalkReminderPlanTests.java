package org.qinqing.talks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A simulated November, day by day on an injected calendar: talks are recorded along the way and each Tuesday's talk
 * time plans its reminders. Each teacher gets exactly the children still owed that day, nobody who owes nothing is
 * reminded, and the countdown appears from the 20th on.
 */
class TalkReminderPlanTests {

	static final TalkSettings SETTINGS = new TalkSettings(OwedTalksTests.CALENDAR, OwedRule.EITHER, DayOfWeek.TUESDAY,
			LocalTime.of(14, 0), LocalTime.of(16, 0), 20);

	@Test
	void aMonthOfTuesdaysRemindsEachTeacherOfExactlyTheChildrenStillOwed() {
		YearMonth month = YearMonth.of(OwedTalksTests.YEAR, 11);
		List<Pupil> pupils = List.of(OwedTalksTests.pupil("a1", "huang", "", OwedTalksTests.LONG_AGO),
				OwedTalksTests.pupil("a2", "huang", "li", OwedTalksTests.LONG_AGO),
				OwedTalksTests.pupil("b1", "zhou", "", OwedTalksTests.LONG_AGO));
		// who talks when: zhou talks with b1 before the first Tuesday; li with a2 after it; huang with a1 in week 3
		LocalDate firstTuesday = month.atDay(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
		Map<LocalDate, List<String[]>> talks = new HashMap<>();
		talks.put(firstTuesday.minusDays(1), List.<String[]>of(new String[] { "b1", "zhou" }));
		talks.put(firstTuesday.plusDays(1), List.<String[]>of(new String[] { "a2", "li" }));
		talks.put(firstTuesday.plusDays(13), List.<String[]>of(new String[] { "a1", "huang" }));
		Map<String, Set<String>> talked = new HashMap<>();
		Map<LocalDate, Map<String, List<String>>> received = new LinkedHashMap<>();
		List<Boolean> countdowns = new ArrayList<>();
		for (LocalDate day = month.atDay(1); day.getMonth() == month.getMonth(); day = day.plusDays(1)) {
			// the talk time is at 14:00: the day's earlier talks are in
			for (String[] t : talks.getOrDefault(day, List.of())) {
				talked.computeIfAbsent(t[0], k -> new HashSet<>()).add(t[1]);
			}
			List<OwedTalks.Standing> standings = OwedTalks.of(month, SETTINGS.calendar(), SETTINGS.rule(), pupils, talked);
			List<TalkReminderPlan.Reminder> reminders = TalkReminderPlan.at(day, SETTINGS, standings);
			if (day.getDayOfWeek() != DayOfWeek.TUESDAY) {
				assertThat(reminders).as(day + " is no talk day").isEmpty();
				continue;
			}
			Map<String, List<String>> byTeacher = new LinkedHashMap<>();
			for (TalkReminderPlan.Reminder r : reminders) {
				byTeacher.put(r.teacherId(), r.owed().stream().map(Pupil::childId).toList());
				countdowns.add(r.countdown() == (day.getDayOfMonth() >= 20));
				assertThat(r.schoolDaysLeft()).isEqualTo(SETTINGS.calendar().schoolDaysFrom(day));
			}
			received.put(day, byTeacher);
		}
		assertThat(received.get(firstTuesday)).containsExactly(Map.entry("huang", List.of("a1", "a2")),
				Map.entry("li", List.of("a2")));
		assertThat(received.get(firstTuesday.plusWeeks(1))).containsExactly(Map.entry("huang", List.of("a1")));
		assertThat(received.get(firstTuesday.plusWeeks(2))).as("all talked to: nobody is reminded").isEmpty();
		received.keySet().stream().filter(d -> d.isAfter(firstTuesday.plusWeeks(2)))
			.forEach(d -> assertThat(received.get(d)).isEmpty());
		assertThat(countdowns).containsOnly(true);
	}

	@Test
	void noReminderOnAHolidayOrADayThatIsNoTalkDay() {
		List<OwedTalks.Standing> owed = OwedTalks.of(YearMonth.of(OwedTalksTests.YEAR, 10), SETTINGS.calendar(),
				SETTINGS.rule(), List.of(OwedTalksTests.pupil("a1", "huang", "", OwedTalksTests.LONG_AGO)), Map.of());
		LocalDate nationalDayTuesday = LocalDate.of(OwedTalksTests.YEAR, 10, 1)
			.with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
		if (nationalDayTuesday.getDayOfMonth() <= 7) {
			assertThat(TalkReminderPlan.at(nationalDayTuesday, SETTINGS, owed)).isEmpty();
		}
		LocalDate wednesday = nationalDayTuesday.plusWeeks(1).plusDays(1);
		assertThat(TalkReminderPlan.at(wednesday, SETTINGS, owed)).isEmpty();
		assertThat(TalkReminderPlan.at(nationalDayTuesday.plusWeeks(1), SETTINGS, owed)).hasSize(1);
	}

}
