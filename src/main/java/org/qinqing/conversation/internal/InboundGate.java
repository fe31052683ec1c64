package org.qinqing.conversation.internal;

import java.util.List;

import org.qinqing.notify.ServiceWindow;
import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The Redis side of taking one inbound message, in two round trips: {@link #begin} checks the
 * de-duplication key, takes the user's lock and reads the session in one script; {@link #commit}
 * stores the reply for retries, writes the session, releases the lock and opens the user's service
 * window in another. All keys carry
 * the tenant's hash tag, so both scripts stay on one node of a cluster.
 */
@Component
public class InboundGate {

	/** Stored under the de-duplication key while the first try is being handled. */
	public static final String PENDING = "P:";

	private static final RedisScript<List> BEGIN = RedisScript.of("""
			local seen = redis.call('GET', KEYS[1])
			if seen then
			  local abandoned = string.sub(seen, 1, 2) == 'P:'
			      and tonumber(string.sub(seen, 3)) + tonumber(ARGV[2]) < tonumber(ARGV[4])
			  if not abandoned then return {'DUP', seen} end
			end
			if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then
			  redis.call('SET', KEYS[1], 'P:' .. ARGV[4], 'EX', ARGV[3])
			  return {'GO', redis.call('GET', KEYS[3]) or ''}
			end
			return {'BUSY', ''}
			""", List.class);

	/** Also (re)opens the user's customer-service window when they wrote: see {@link ServiceWindow}. */
	private static final RedisScript<Long> COMMIT = RedisScript.of("""
			redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
			if ARGV[4] == '' then redis.call('DEL', KEYS[3])
			else redis.call('SET', KEYS[3], ARGV[4], 'EX', ARGV[5]) end
			if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
			if ARGV[6] ~= '' then
			  redis.call('HSET', KEYS[4], 'at', ARGV[6], 'sent', 0)
			  redis.call('EXPIRE', KEYS[4], ARGV[7])
			end
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	public InboundGate(StringRedisTemplate redis) {
		this.redis = redis;
	}

	public enum Outcome {

		/** This try owns the message: the lock is held and the session came back. */
		GO,
		/** Another try of the same message got there first; payload is its stored result. */
		DUPLICATE,
		/** Another message of the same user is being handled; try again shortly. */
		BUSY

	}

	public record Begin(Outcome outcome, String payload) {
	}

	public record Keys(String dedup, String lock, String session, String window) {

		public static Keys of(String tenant, String openid, String dedupKey) {
			return new Keys(RedisKeys.of(tenant, "in", dedupKey), RedisKeys.of(tenant, "lock", openid),
					RedisKeys.of(tenant, "session", openid), ServiceWindow.key(tenant, openid));
		}

		List<String> begin() {
			return List.of(this.dedup, this.lock, this.session);
		}

		List<String> commit() {
			return List.of(this.dedup, this.lock, this.session, this.window);
		}

	}

	public Begin begin(Keys keys, String token, long leaseMillis, long dedupSeconds, long nowMillis) {
		List<?> result = this.redis.execute(BEGIN, keys.begin(), token, String.valueOf(leaseMillis),
				String.valueOf(dedupSeconds), String.valueOf(nowMillis));
		String status = String.valueOf(result.get(0));
		String payload = String.valueOf(result.get(1));
		return new Begin(switch (status) {
			case "GO" -> Outcome.GO;
			case "DUP" -> Outcome.DUPLICATE;
			default -> Outcome.BUSY;
		}, payload);
	}

	/**
	 * Stores the result for retries and the session ({@code ""} drops it), frees the lock and, when
	 * {@code wroteAtMillis > 0}, records that the user wrote (their service window opens).
	 */
	public void commit(Keys keys, String token, String result, long dedupSeconds, String session,
			long sessionSeconds, long wroteAtMillis) {
		this.redis.execute(COMMIT, keys.commit(), token, result, String.valueOf(dedupSeconds), session,
				String.valueOf(sessionSeconds), wroteAtMillis > 0 ? String.valueOf(wroteAtMillis) : "",
				String.valueOf(ServiceWindow.LENGTH.toSeconds()));
	}

	/** The stored result of an earlier try, or {@code null}. */
	public String peek(Keys keys) {
		return this.redis.opsForValue().get(keys.dedup());
	}

}
