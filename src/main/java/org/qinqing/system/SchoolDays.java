package org.qinqing.system;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Time that counts only on school days (Monday to Friday, school time): a day's wait begun on Friday ends Monday.
 * Shared by the inbox's reminders and the talks' calendar (which adds its terms and holidays on top).
 */
public final class SchoolDays {

	private SchoolDays() {
	}

	public static Instant after(Instant from, Duration wait) {
		ZonedDateTime at = SchoolTime.at(from);
		Duration left = wait;
		while (!left.isZero() && !left.isNegative()) {
			ZonedDateTime midnight = at.toLocalDate().plusDays(1).atStartOfDay(SchoolTime.ZONE);
			if (!schoolDay(at)) {
				at = midnight;
				continue;
			}
			Duration toMidnight = Duration.between(at, midnight);
			if (left.compareTo(toMidnight) <= 0) {
				return at.plus(left).toInstant();
			}
			left = left.minus(toMidnight);
			at = midnight;
		}
		return at.toInstant();
	}

	private static boolean schoolDay(ZonedDateTime at) {
		return isWeekday(at.toLocalDate());
	}

	/** Monday to Friday: a school day unless a calendar says the school is closed. */
	public static boolean isWeekday(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
	}

}
