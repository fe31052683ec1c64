package org.qinqing.console.signin;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.qinqing.console.StaffAccounts;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The sign-in guard's decisions, one Lua script each, so a sign-in costs two round trips on top of
 * reading the account: {@link #check} before the password is looked at, then {@link #failed} or
 * {@link #succeeded}. Keys get relative TTLs; app times are only stored and compared with each other.
 */
@Component
class SignInAttempts {

	enum Outcome {

		/** Check the password. */
		CHECK,
		/** This address is locked out of this account; {@code retryAfter} until it may try again. */
		LOCKED,
		/** The account is slowed down and another attempt was just checked; try again after {@code retryAfter}. */
		SLOWED

	}

	record Verdict(Outcome outcome, Duration retryAfter) {
	}

	/**
	 * @param lockedFor how long this address is now locked out, or null when it is not
	 * @param slowedNow whether this failure began the account's slow-down
	 * @param accountFailures the account's failures from all addresses in the current window
	 */
	record Failure(Duration lockedFor, boolean slowedNow, long accountFailures) {
	}

	private static final RedisScript<List> CHECK = RedisScript.of("""
			local locked = redis.call('PTTL', KEYS[1])
			if locked > 0 then return {'LOCKED', locked} end
			if redis.call('EXISTS', KEYS[2]) == 0 or redis.call('EXISTS', KEYS[4]) == 1 then return {'CHECK', 0} end
			if redis.call('SET', KEYS[3], '1', 'NX', 'PX', ARGV[1]) then return {'CHECK', 0} end
			return {'SLOWED', math.max(redis.call('PTTL', KEYS[3]), 1)}
			""", List.class);

	private static final RedisScript<List> FAILED = RedisScript.of("""
			local fails = redis.call('INCR', KEYS[1])
			if fails == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
			local locked = 0
			if fails >= tonumber(ARGV[2]) then
			  redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[4])
			  redis.call('DEL', KEYS[1])
			  locked = tonumber(ARGV[4])
			end
			local total = redis.call('INCR', KEYS[3])
			if total == 1 then redis.call('PEXPIRE', KEYS[3], ARGV[3]) end
			local slowedNow = 0
			if redis.call('EXISTS', KEYS[4]) == 1 then
			  redis.call('PEXPIRE', KEYS[4], ARGV[6])
			elseif total >= tonumber(ARGV[5]) then
			  redis.call('SET', KEYS[4], ARGV[1], 'PX', ARGV[6])
			  slowedNow = 1
			end
			-- only real accounts are kept for the admins' page: names made up by the thousand cost 15 minutes of counters
			if redis.call('EXISTS', KEYS[7]) == 1 then
			  redis.call('HINCRBY', KEYS[5], 'count', 1)
			  redis.call('HSETNX', KEYS[5], 'first', ARGV[1])
			  redis.call('HSET', KEYS[5], 'last', ARGV[1], 'address', ARGV[11])
			  redis.call('PEXPIRE', KEYS[5], ARGV[7])
			  redis.call('ZADD', KEYS[6], ARGV[1], ARGV[10])
			  redis.call('ZREMRANGEBYSCORE', KEYS[6], '-inf', '(' .. ARGV[8])
			  redis.call('ZREMRANGEBYRANK', KEYS[6], 0, -tonumber(ARGV[9]) - 1)
			  redis.call('PEXPIRE', KEYS[6], ARGV[7])
			end
			return {locked, slowedNow, total}
			""", List.class);

	private static final RedisScript<Long> SUCCEEDED = RedisScript.of("""
			redis.call('DEL', KEYS[1])
			redis.call('SET', KEYS[2], '1', 'PX', ARGV[1])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final SignInProperties properties;

	private final Clock clock;

	SignInAttempts(StringRedisTemplate redis, SignInProperties properties, Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.clock = clock;
	}

	/** Whether the password of this attempt may be checked; takes the slowed account's gate when it may. */
	Verdict check(String username, ClientAddress address) {
		SignInKeys keys = SignInKeys.of(username, address.hash());
		List<?> answer = this.redis.execute(CHECK, List.of(keys.pairLock(), keys.slowed(), keys.gate(), keys.known()),
				millis(this.properties.slowGap()));
		return new Verdict(Outcome.valueOf(String.valueOf(answer.get(0))),
				Duration.ofMillis(((Number) answer.get(1)).longValue()));
	}

	Failure failed(String username, ClientAddress address) {
		SignInKeys keys = SignInKeys.of(username, address.hash());
		long now = this.clock.millis();
		SignInProperties p = this.properties;
		List<?> answer = this.redis.execute(FAILED,
				List.of(keys.pairFailures(), keys.pairLock(), keys.accountFailures(), keys.slowed(), keys.pairInfo(),
						keys.addresses(), StaffAccounts.indexKey(username)),
				String.valueOf(now), String.valueOf(p.maxFailures()), millis(p.window()), millis(p.lockFor()),
				String.valueOf(p.slowAfter()), millis(p.slowFor()), millis(p.keepFor()),
				String.valueOf(now - p.keepFor().toMillis()), String.valueOf(p.keepAddresses()), address.hash(),
				address.masked());
		long locked = ((Number) answer.get(0)).longValue();
		return new Failure(locked > 0 ? Duration.ofMillis(locked) : null, ((Number) answer.get(1)).longValue() == 1,
				((Number) answer.get(2)).longValue());
	}

	/** The address's count starts again, and it counts as the account's own for {@code knownFor}. */
	void succeeded(String username, ClientAddress address) {
		SignInKeys keys = SignInKeys.of(username, address.hash());
		this.redis.execute(SUCCEEDED, List.of(keys.pairFailures(), keys.known()), millis(this.properties.knownFor()));
	}

	private static String millis(Duration duration) {
		return String.valueOf(duration.toMillis());
	}

}
