package org.qinqing.parenting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * A lesson week: from a push day (Friday, the weekly push's default) to the Thursday after, so "this week's
 * readers" are those of the lesson pushed last, whatever day of the week the figure is read.
 */
final class Weeks {

	static final DayOfWeek PUSH_DAY = DayOfWeek.FRIDAY;

	private Weeks() {
	}

	/** The push day that starts the lesson week of {@code day}. */
	static LocalDate start(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(PUSH_DAY));
	}

}
