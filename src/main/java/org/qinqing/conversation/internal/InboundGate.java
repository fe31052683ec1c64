package org.qinqing.conversation.internal;

import java.util.ArrayList;
import java.util.List;

import org.qinqing.notify.ServiceWindow;
import org.qinqing.people.Directory;
import org.qinqing.system.RedisKeys;
import org.qinqing.system.LuaScripts;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The Redis side of taking one inbound message, in two round trips: {@link #begin} checks the delivery
 * against replays, the de-duplication key, takes the user's lock and reads the session in one script;
 * {@link #commit} stores the reply for retries, writes the session, releases the lock and opens the user's
 * service window in another. All keys carry the tenant's hash tag, so both scripts stay on one node of a
 * cluster.
 *
 * <p>While a message is handled its de-duplication key holds {@code P:<lease end>:<token>} and the user's
 * lock holds the token, both with a short lease the live handler renews ({@link #renew}). A handler that
 * died (a killed process, a lost Redis connection) stops renewing: once the lease has run out, a retry of
 * the same message takes over and handles it, and the user's next message takes the lock. Times are the
 * application's clock (epoch millis); Redis only keeps relative expiries.
 */
@Component
public class InboundGate {

	/** Stored under the de-duplication key while a try is being handled. */
	public static final String PENDING = "P:";

	/**
	 * KEYS: dedup, lock, session, stamp (or a dummy), identity revision. ARGV: token, lease ms, dedup s, now ms,
	 * stamp digest ('' for none), stamp s. GO comes with the session and the user's identity revision.
	 */
	private static final RedisScript<List> BEGIN = LuaScripts.load(List.class, "conversation/begin.lua");

	/**
	 * Stores the result only while this try still owns the message (a try that was taken over writes
	 * nothing). Also (re)opens the user's customer-service window when they wrote: see {@link ServiceWindow}.
	 */
	private static final RedisScript<Long> COMMIT = LuaScripts.load(Long.class, "conversation/commit.lua");

	/**
	 * Extends the leases of several tries of one tenant on their messages and users. KEYS: dedup and lock of each
	 * try, in pairs. ARGV: lease ms, now ms, dedup s, then the tries' tokens in the same order.
	 */
	private static final RedisScript<Long> RENEW = LuaScripts.load(Long.class, "conversation/renew.lua");

	/** Lets go of a message this try could not finish, so a retry handles it at once. KEYS: dedup, lock. ARGV: token. */
	private static final RedisScript<Long> ABANDON = LuaScripts.load(Long.class, "conversation/abandon.lua");

	private final StringRedisTemplate redis;

	public InboundGate(StringRedisTemplate redis) {
		this.redis = redis;
	}

	public enum Outcome {

		/** This try owns the message: the lock is held and the session came back. */
		GO,
		/** Another try of the same message got there first; payload is its stored result (or its pending mark). */
		DUPLICATE,
		/** Another message of the same user is being handled; try again shortly. */
		BUSY,
		/** The delivery's stamp was seen before with another body: a replayed signature. */
		REPLAY

	}

	/**
	 * @param identityRevision for GO: how often the school changed who this user is (a binding revoked, a family
	 * member removed); a session that knew an older revision is started afresh
	 */
	public record Begin(Outcome outcome, String payload, long identityRevision) {
	}

	public record Keys(String dedup, String lock, String session, String window, String stamp, String identity) {

		/**
		 * @param stampId the delivery's stamp id, or null when it has none
		 */
		public static Keys of(String tenant, String openid, String dedupKey, String stampId) {
			return new Keys(RedisKeys.of(tenant, "in", dedupKey), RedisKeys.of(tenant, "lock", openid),
					RedisKeys.of(tenant, "session", openid), ServiceWindow.key(tenant, openid),
					RedisKeys.of(tenant, "stamp", stampId == null ? "-" : stampId),
					// read in the first script, so noticing that the school changed who the user is costs no round trip
					Directory.identityRevisionKey(tenant, openid));
		}

		public static Keys of(String tenant, String openid, String dedupKey) {
			return of(tenant, openid, dedupKey, null);
		}

		List<String> begin() {
			return List.of(this.dedup, this.lock, this.session, this.stamp, this.identity);
		}

		List<String> commit() {
			return List.of(this.dedup, this.lock, this.session, this.window);
		}

		List<String> held() {
			return List.of(this.dedup, this.lock);
		}

	}

	/** One try's hold on a message: what {@link #renew} extends. */
	public record Hold(Keys keys, String token) {
	}

	/**
	 * @param stampDigest the delivery's body digest, or null when it has no stamp
	 */
	public Begin begin(Keys keys, String token, long leaseMillis, long dedupSeconds, long nowMillis, String stampDigest,
			long stampSeconds) {
		List<?> result = this.redis.execute(BEGIN, keys.begin(), token, String.valueOf(leaseMillis),
				String.valueOf(dedupSeconds), String.valueOf(nowMillis), stampDigest == null ? "" : stampDigest,
				String.valueOf(Math.max(1, stampSeconds)));
		String status = String.valueOf(result.get(0));
		String payload = String.valueOf(result.get(1));
		long revision = result.size() > 2 ? Long.parseLong(String.valueOf(result.get(2))) : 0;
		return new Begin(switch (status) {
			case "GO" -> Outcome.GO;
			case "DUP" -> Outcome.DUPLICATE;
			case "REPLAY" -> Outcome.REPLAY;
			default -> Outcome.BUSY;
		}, payload, revision);
	}

	/**
	 * Stores the result for retries and the session ({@code ""} drops it), frees the lock and, when
	 * {@code wroteAtMillis > 0}, records that the user wrote (their service window opens). False when another
	 * try took the message over meanwhile (this one was presumed dead): nothing is written.
	 */
	public boolean commit(Keys keys, String token, String result, long dedupSeconds, String session,
			long sessionSeconds, long wroteAtMillis) {
		Long done = this.redis.execute(COMMIT, keys.commit(), token, result, String.valueOf(dedupSeconds), session,
				String.valueOf(sessionSeconds), wroteAtMillis > 0 ? String.valueOf(wroteAtMillis) : "",
				String.valueOf(ServiceWindow.LENGTH.toSeconds()));
		return Long.valueOf(1).equals(done);
	}

	/** Extends the leases of one tenant's tries still running, in one round trip. */
	public void renew(List<Hold> holds, long leaseMillis, long nowMillis, long dedupSeconds) {
		if (holds.isEmpty()) {
			return;
		}
		List<String> keys = new ArrayList<>();
		List<String> args = new ArrayList<>(List.of(String.valueOf(leaseMillis), String.valueOf(nowMillis),
				String.valueOf(dedupSeconds)));
		for (Hold hold : holds) {
			keys.addAll(hold.keys().held());
			args.add(hold.token());
		}
		this.redis.execute(RENEW, keys, args.toArray());
	}

	/** Best effort: frees a message and a user this try holds but could not finish. */
	public void abandon(Keys keys, String token) {
		this.redis.execute(ABANDON, keys.held(), token);
	}

	/** The stored result of an earlier try, or {@code null}. */
	public String peek(Keys keys) {
		return this.redis.opsForValue().get(keys.dedup());
	}

	/** Whether a pending mark's lease has run out by {@code nowMillis}: its handler stopped renewing it. */
	public static boolean abandoned(String pending, long nowMillis) {
		if (pending == null || !pending.startsWith(PENDING)) {
			return false;
		}
		int colon = pending.indexOf(':', PENDING.length());
		try {
			long lease = Long.parseLong(colon < 0 ? pending.substring(PENDING.length())
					: pending.substring(PENDING.length(), colon));
			return lease < nowMillis;
		}
		catch (NumberFormatException ex) {
			return true;
		}
	}

}
