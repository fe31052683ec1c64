package org.qinqing.notify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Quiet hours such as 21:30–07:30 in the schools' zone; a window may cross midnight or not. */
final class QuietHours {

	private final LocalTime start;

	private final LocalTime end;

	private final ZoneId zone;

	QuietHours(LocalTime start, LocalTime end, ZoneId zone) {
		this.start = start;
		this.end = end;
		this.zone = zone;
	}

	/** When the quiet hours around {@code now} end, or {@code null} when {@code now} is not quiet. */
	Instant until(Instant now) {
		if (this.start.equals(this.end)) {
			return null;
		}
		ZonedDateTime local = now.atZone(this.zone);
		LocalTime time = local.toLocalTime();
		if (this.start.isBefore(this.end)) {
			boolean quiet = !time.isBefore(this.start) && time.isBefore(this.end);
			return quiet ? local.with(this.end).toInstant() : null;
		}
		if (!time.isBefore(this.start)) {
			return local.plusDays(1).with(this.end).toInstant();
		}
		return time.isBefore(this.end) ? local.with(this.end).toInstant() : null;
	}

}
