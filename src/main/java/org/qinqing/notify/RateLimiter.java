package org.qinqing.notify;

import java.time.Clock;
import java.util.List;

import org.qinqing.system.LuaScripts;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The per-account rate limit: a counter per second of the clock in Redis, so every instance draws on
 * the same budget. A fixed window may let up to twice the rate through across a second's boundary;
 * WeChat's own limits are per minute and per day, so that is harmless and keeps it to one INCR.
 * The outbox's admission script includes {@code scripts/notify/rate.lua}; {@link #tryAcquire} is the same decision alone.
 */
final class RateLimiter {

	/** {@code over_rate(key, limit)}: counts one call in this second's window; true when over the limit. */

	private static final RedisScript<Long> ACQUIRE = LuaScripts.load(Long.class, "notify/rate.lua", "notify/acquire.lua");

	private final StringRedisTemplate redis;

	private final Clock clock;

	RateLimiter(StringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		this.clock = clock;
	}

	/** 0 when a call may go now, else the milliseconds until the next window. */
	long tryAcquire(String tenant, int perSecond) {
		long now = this.clock.millis();
		Long granted = this.redis.execute(ACQUIRE, List.of(windowKey(tenant, now)), String.valueOf(perSecond));
		return Long.valueOf(1).equals(granted) ? 0 : untilNextWindow(now);
	}

	static String windowKey(String tenant, long nowMillis) {
		return OutboxKeys.rate(tenant, Math.floorDiv(nowMillis, 1000));
	}

	static long untilNextWindow(long nowMillis) {
		return 1000 - Math.floorMod(nowMillis, 1000);
	}

}
