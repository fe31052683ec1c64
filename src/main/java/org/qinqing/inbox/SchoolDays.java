package org.qinqing.inbox;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

import org.qinqing.system.SchoolTime;

/** Time that counts only on school days (Monday to Friday, school time): a day's wait begun on Friday ends Monday. */
final class SchoolDays {

	private SchoolDays() {
	}

	static Instant after(Instant from, Duration wait) {
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
		DayOfWeek day = at.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
	}

}
