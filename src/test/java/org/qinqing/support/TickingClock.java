package org.qinqing.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Real time plus an offset a test sets: it keeps ticking, so waits and timeouts still work. */
public final class TickingClock extends Clock {

	private volatile long offsetMillis;

	@Override
	public ZoneId getZone() {
		return TestDates.SCHOOL_ZONE;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), Duration.ofMillis(this.offsetMillis));
	}

	@Override
	public long millis() {
		return System.currentTimeMillis() + this.offsetMillis;
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(millis());
	}

	/** Now is this instant (and goes on from there). */
	public void set(Instant now) {
		this.offsetMillis = now.toEpochMilli() - System.currentTimeMillis();
	}

	/** Now is this school time (and goes on from there). */
	public void set(LocalDateTime schoolTime) {
		set(schoolTime.atZone(TestDates.SCHOOL_ZONE).toInstant());
	}

	public void advance(Duration by) {
		this.offsetMillis += by.toMillis();
	}

	public void reset() {
		this.offsetMillis = 0;
	}

}
