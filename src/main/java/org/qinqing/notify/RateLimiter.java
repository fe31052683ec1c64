package org.qinqing.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.qinqing.system.LuaScripts;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The per-account rate limit, shared by every instance: GCRA in Lua ({@code scripts/notify/rate.lua}) on the app's
 * clock. It holds in every second, not on average: permits are spaced one interval apart (with a small burst), and
 * the interval leaves room for the time a send takes to reach WeChat after its slot ({@code rate-slack}), so any
 * one-second window where WeChat receives them holds at most the limit. A caller reserves its slot and waits for
 * it, so 32 waiting senders cost one admission each rather than one per retry.
 * <p>
 * Not a library: Bucket4j (and its Redis back ends) runs its own CAS or script per call and cannot sit inside the
 * outbox's admission script, which must take the permit together with the quota and the in-flight mark in one
 * atomic step (and only after the checks that hold or skip a message); redis-cell's CL.THROTTLE reads Redis's own
 * clock and needs a module. The algorithm is a dozen lines.
 * The admission script includes {@code rate.lua}; {@link #tryAcquire} is the same decision alone.
 */
final class RateLimiter {

	/** A caller reserves a slot at most this far ahead; beyond it, it waits and asks again. */
	static final long HORIZON_MILLIS = 1000;

	private static final RedisScript<Long> ACQUIRE = LuaScripts.load(Long.class, "notify/rate.lua", "notify/acquire.lua");

	/**
	 * How permits are spaced.
	 *
	 * @param intervalMicros between two permits' slots
	 * @param burst permits that may go at once after an idle spell
	 */
	record Pace(long intervalMicros, int burst) {

		/**
		 * Any stretch of {@code 1 s + slack} holds at most {@code burst + (1 s + slack) / interval} slots; the
		 * interval makes that the limit. The burst is at most a tenth of the limit.
		 */
		static Pace of(int perSecond, int burst, Duration slack) {
			int b = Math.max(1, Math.min(burst, perSecond / 10));
			long window = 1_000_000 + slack.toNanos() / 1000;
			int spread = Math.max(1, perSecond - b);
			return new Pace((window + spread - 1) / spread, b);
		}

		static Pace of(NotifyProperties properties) {
			return of(properties.ratePerSecond(), properties.rateBurst(), properties.rateSlack());
		}

		/** Permits a second at full use. */
		double perSecond() {
			return 1_000_000.0 / this.intervalMicros;
		}

	}

	private final StringRedisTemplate redis;

	private final Clock clock;

	RateLimiter(StringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		this.clock = clock;
	}

	/**
	 * Reserves a permit: the milliseconds to wait before using it (0: now), or, when the slots are taken further
	 * ahead than {@link #HORIZON_MILLIS}, minus the milliseconds to wait before asking again (nothing reserved).
	 */
	long tryAcquire(String tenant, Pace pace) {
		Long wait = this.redis.execute(ACQUIRE, List.of(key(tenant)), String.valueOf(this.clock.millis()),
				String.valueOf(pace.intervalMicros()), String.valueOf(pace.burst()), String.valueOf(HORIZON_MILLIS));
		return wait == null ? 0 : wait;
	}

	static String key(String tenant) {
		return OutboxKeys.rate(tenant);
	}

}
