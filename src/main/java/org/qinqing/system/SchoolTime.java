package org.qinqing.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The schools' time: every date and time the app shows, plans or counts by (opening hours, reminders, quiet
 * hours, "this month") is in one zone, {@code Asia/Shanghai} unless {@code QINQING_SCHOOL_ZONE} says otherwise.
 * The injected clock runs in it too; nothing else names a zone.
 */
public final class SchoolTime {

	public static final ZoneId ZONE = configured();

	private SchoolTime() {
	}

	private static ZoneId configured() {
		String zone = System.getenv("QINQING_SCHOOL_ZONE");
		return zone == null || zone.isBlank() ? ZoneId.of("Asia/Shanghai") : ZoneId.of(zone.strip());
	}

	/** School time now, by the given clock (whatever its own zone). */
	public static LocalDateTime now(Clock clock) {
		return LocalDateTime.ofInstant(clock.instant(), ZONE);
	}

	public static LocalDate today(Clock clock) {
		return now(clock).toLocalDate();
	}

	public static ZonedDateTime at(Instant instant) {
		return instant.atZone(ZONE);
	}

	public static LocalDateTime local(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZONE);
	}

	public static Instant instant(LocalDateTime schoolTime) {
		return schoolTime.atZone(ZONE).toInstant();
	}

}
