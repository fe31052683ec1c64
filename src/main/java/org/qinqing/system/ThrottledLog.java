package org.qinqing.system;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * Logs a failure that may repeat thousands of times (every message while Redis is away) as one line per
 * kind per interval with a count, and its stack trace only the first time in a run of failures. A kind that
 * has been quiet for a whole interval starts afresh, so the next outage shows its stack trace again.
 * Messages must never carry openids, phone numbers or codes: pass only what the kind and the exception say.
 */
public final class ThrottledLog {

	private final Logger log;

	private final long intervalNanos;

	private final ConcurrentMap<String, Run> runs = new ConcurrentHashMap<>();

	public ThrottledLog(Logger log, Duration interval) {
		this.log = log;
		this.intervalNanos = interval.toNanos();
	}

	public ThrottledLog(Logger log) {
		this(log, Duration.ofMinutes(1));
	}

	/** A failure of {@code kind} (a short fixed phrase, e.g. "handling a message"). */
	public void warn(String kind, Throwable failure) {
		long now = System.nanoTime();
		Run run = this.runs.compute(kind, (k, old) -> old == null || now - old.lastSeen > this.intervalNanos
				? new Run(now) : old.seen(now));
		if (run.fresh) {
			run.fresh = false;
			this.log.warn("{} failed: {}", kind, describe(failure), failure);
			return;
		}
		run.suppressed.incrementAndGet();
		if (now - run.lastLogged >= this.intervalNanos) {
			long count = run.suppressed.getAndSet(0);
			run.lastLogged = now;
			this.log.warn("{} failed {} more time(s) in the last {} s, last: {}", kind, count,
					Duration.ofNanos(this.intervalNanos).toSeconds(), describe(failure));
		}
	}

	/**
	 * An event that needs no stack trace (a refused request): logged the first time in a run, then once per
	 * interval with how many came meanwhile.
	 */
	public void note(String kind) {
		long now = System.nanoTime();
		Run run = this.runs.compute(kind, (k, old) -> old == null || now - old.lastSeen > this.intervalNanos
				? new Run(now) : old.seen(now));
		if (run.fresh) {
			run.fresh = false;
			this.log.info("{}", kind);
			return;
		}
		run.suppressed.incrementAndGet();
		if (now - run.lastLogged >= this.intervalNanos) {
			long count = run.suppressed.getAndSet(0);
			run.lastLogged = now;
			this.log.info("{} ({} more in the last {} s)", kind, count, Duration.ofNanos(this.intervalNanos).toSeconds());
		}
	}

	private static String describe(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root == failure ? failure.toString() : failure.getClass().getSimpleName() + " / " + root;
	}

	private static final class Run {

		private volatile boolean fresh = true;

		private volatile long lastSeen;

		private volatile long lastLogged;

		private final AtomicLong suppressed = new AtomicLong();

		Run(long now) {
			this.lastSeen = now;
			this.lastLogged = now;
		}

		Run seen(long now) {
			this.lastSeen = now;
			return this;
		}

	}

}
