package org.qinqing.people;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.people.Directory.PeopleKeys;
import org.qinqing.system.RedisKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

/**
 * One-time binding codes: six digits per family member or teacher, valid 14 days, used once,
 * revocable. Redeeming is one script, so two people racing for one code cannot both win, and five
 * wrong codes within an hour lock that WeChat user out of binding for an hour.
 */
@Service
public class BindingCodes {

	public enum Result {

		BOUND, ALREADY_BOUND, WRONG, EXPIRED, USED, REVOKED, LOCKED

	}

	/** @param attemptsLeft wrong codes still allowed before the lock-out (for WRONG and the like) */
	public record Redemption(Result result, String personId, int attemptsLeft) {
	}

	static final int MAX_FAILURES = 5;

	static final Duration LOCK = Duration.ofHours(1);

	/** Tombstones outlive the code so a late or repeated try is told why, not just "wrong". */
	private static final Duration TOMBSTONE = Duration.ofDays(30);

	private static final RedisScript<List> REDEEM = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 1 then return {'LOCKED', '', '0'} end
			local code = redis.call('HMGET', KEYS[3], 'person', 'expires', 'state')
			local person, expires, state = code[1], tonumber(code[2] or '0'), code[3]
			if person and state == 'used' and redis.call('SISMEMBER', KEYS[4], person) == 1 then
			  return {'ALREADY_BOUND', person, '0'}
			end
			local verdict
			if not person then verdict = 'WRONG'
			elseif state == 'used' then verdict = 'USED'
			elseif state == 'revoked' then verdict = 'REVOKED'
			elseif expires < tonumber(ARGV[1]) then verdict = 'EXPIRED' end
			if verdict then
			  local fails = redis.call('INCR', KEYS[2])
			  if fails == 1 then redis.call('EXPIRE', KEYS[2], ARGV[2]) end
			  if fails >= tonumber(ARGV[3]) then
			    redis.call('SET', KEYS[1], '1', 'EX', ARGV[2])
			    redis.call('DEL', KEYS[2])
			    return {'LOCKED', '', '0'}
			  end
			  return {verdict, '', tostring(tonumber(ARGV[3]) - fails)}
			end
			redis.call('HSET', KEYS[3], 'state', 'used', 'usedBy', ARGV[6], 'usedAt', ARGV[1])
			redis.call('DEL', ARGV[4] .. person)
			redis.call('SADD', KEYS[4], person)
			redis.call('SADD', ARGV[5] .. person, ARGV[6])
			redis.call('DEL', KEYS[2])
			return {'BOUND', person, '0'}
			""", List.class);

	private final StringRedisTemplate redis;

	private final Clock clock;

	private final Duration validity;

	private final SecureRandom random = new SecureRandom();

	BindingCodes(StringRedisTemplate redis, Clock clock,
			@Value("${qinqing.binding.code-validity:14d}") Duration validity) {
		this.redis = redis;
		this.clock = clock;
		this.validity = validity;
	}

	/** A fresh code for a person; their previous code stops working. */
	public String issue(String tenant, String personId, String issuedBy) {
		currentCode(tenant, personId).ifPresent(old -> revoke(tenant, old));
		long now = this.clock.millis();
		for (int attempt = 0; attempt < 20; attempt++) {
			String code = String.format("%06d", this.random.nextInt(1_000_000));
			Boolean fresh = this.redis.opsForHash().putIfAbsent(codeKey(tenant, code), "person", personId);
			if (Boolean.TRUE.equals(fresh)) {
				this.redis.opsForHash()
					.putAll(codeKey(tenant, code), Map.of("expires", String.valueOf(now + this.validity.toMillis()),
							"state", "open", "issuedBy", issuedBy, "issuedAt", String.valueOf(now)));
				this.redis.expire(codeKey(tenant, code), this.validity.plus(TOMBSTONE));
				this.redis.opsForValue().set(currentKey(tenant, personId), code, this.validity);
				return code;
			}
		}
		throw new IllegalStateException("No free binding code found; the tenant has too many open codes");
	}

	public Optional<String> currentCode(String tenant, String personId) {
		return Optional.ofNullable(this.redis.opsForValue().get(currentKey(tenant, personId)));
	}

	/** Revokes a code that has not been used; returns whether there was one to revoke. */
	public boolean revoke(String tenant, String code) {
		Object person = this.redis.opsForHash().get(codeKey(tenant, code), "person");
		Object state = this.redis.opsForHash().get(codeKey(tenant, code), "state");
		if (person == null || !"open".equals(state)) {
			return false;
		}
		this.redis.opsForHash().put(codeKey(tenant, code), "state", "revoked");
		this.redis.delete(currentKey(tenant, String.valueOf(person)));
		return true;
	}

	public Redemption redeem(String tenant, String openid, String code) {
		List<?> result = this.redis.execute(REDEEM,
				List.of(RedisKeys.of(tenant, "bind-lock", openid), RedisKeys.of(tenant, "bind-fails", openid),
						codeKey(tenant, code), PeopleKeys.binding(tenant, openid)),
				String.valueOf(this.clock.millis()), String.valueOf(LOCK.toSeconds()), String.valueOf(MAX_FAILURES),
				RedisKeys.of(tenant, "bind-current") + ":", RedisKeys.of(tenant, "person-openids") + ":", openid);
		return new Redemption(Result.valueOf(String.valueOf(result.get(0))), String.valueOf(result.get(1)),
				Integer.parseInt(String.valueOf(result.get(2))));
	}

	private static String codeKey(String tenant, String code) {
		return RedisKeys.of(tenant, "bind-code", code);
	}

	private static String currentKey(String tenant, String personId) {
		return RedisKeys.of(tenant, "bind-current", personId);
	}

}
