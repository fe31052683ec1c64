package org.qinqing.parenting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The school week a date is in, Monday to Sunday. */
final class Weeks {

	private Weeks() {
	}

	static LocalDate monday(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

}
