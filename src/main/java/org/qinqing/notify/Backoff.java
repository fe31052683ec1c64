package org.qinqing.notify;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential back-off with "equal jitter": half the delay fixed, half random, so retries spread out. */
final class Backoff {

	private final long baseMillis;

	private final long maxMillis;

	Backoff(Duration base, Duration max) {
		this.baseMillis = Math.max(1, base.toMillis());
		this.maxMillis = Math.max(this.baseMillis, max.toMillis());
	}

	/** The delay before retry number {@code retry} (1 for the first). */
	long delayMillis(int retry) {
		int doublings = Math.min(Math.max(retry - 1, 0), 30);
		long delay = Math.min(this.maxMillis, this.baseMillis << doublings);
		long half = delay / 2;
		return delay - half + ThreadLocalRandom.current().nextLong(half + 1);
	}

}
