package org.qinqing.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock a test sets and moves; it does not tick. Its zone is the schools'. */
public final class StoppedClock extends Clock {

	private volatile Instant now;

	public StoppedClock(Instant now) {
		this.now = now;
	}

	public StoppedClock(LocalDateTime schoolTime) {
		set(schoolTime);
	}

	public void set(Instant now) {
		this.now = now;
	}

	/** Now is this school time. */
	public void set(LocalDateTime schoolTime) {
		this.now = schoolTime.atZone(TestDates.SCHOOL_ZONE).toInstant();
	}

	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return TestDates.SCHOOL_ZONE;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(this.now, zone);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
