package org.qinqing.talks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/** A school's talk settings: its calendar, its rule, and when reminders go. See {@link TalksProperties}. */
public record TalkSettings(SchoolCalendar calendar, OwedRule rule, DayOfWeek talkDay, LocalTime talkTime,
		LocalTime missingTime, int countdownFrom) {

	/** The first talk time after {@code now} (school time). */
	LocalDateTime nextTalkTime(LocalDateTime now) {
		LocalDate day = now.toLocalDate().with(TemporalAdjusters.nextOrSame(this.talkDay));
		LocalDateTime at = day.atTime(this.talkTime);
		return at.isAfter(now) ? at : at.plusWeeks(1);
	}

	/** When the month's missing list goes to the leaders; empty in a month that owes nothing. */
	Optional<LocalDateTime> missingListTime(YearMonth month) {
		return this.calendar.owes(month) ? this.calendar.lastSchoolDay(month).map(d -> d.atTime(this.missingTime))
				: Optional.empty();
	}

}
