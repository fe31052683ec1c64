package org.qinqing.console.signin;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.qinqing.console.StaffAccounts;
import org.qinqing.system.LuaScripts;
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

	private static final RedisScript<List> CHECK = LuaScripts.load(List.class, "console/sign-in-check.lua");

	private static final RedisScript<List> FAILED = LuaScripts.load(List.class, "console/sign-in-failed.lua");

	private static final RedisScript<Long> SUCCEEDED = LuaScripts.load(Long.class, "console/sign-in-succeeded.lua");

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
