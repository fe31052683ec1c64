package org.qinqing.people;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.system.Pipelines;
import org.qinqing.people.Directory.PeopleKeys;
import org.qinqing.system.LuaScripts;
import org.qinqing.system.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

/**
 * One-time binding codes: 8 digits with a check digit ({@link BindingCodeFormat}) per family member or
 * teacher, valid 14 days, used once, revocable, and a long random token for the same code's QR scene.
 * Redeeming is one script ({@code scripts/people/redeem-binding-code.lua}), so two people racing for one
 * code cannot both win. Guessing is bounded twice: five wrong codes within an hour lock that WeChat user out
 * of binding for an hour, and a burst of wrong codes across the school (by default 20 within 10 minutes, from
 * any number of users: {@link BindingProperties}) raises an alarm the admin sees in the console, during which
 * the whole school's attempts are checked at most one per gap (10 s). A typo (a wrong check digit) counts only
 * against its user. Nothing here logs a code or an openid.
 */
@Service
public class BindingCodes {

	public enum Result {

		BOUND, ALREADY_BOUND, WRONG, EXPIRED, USED, REVOKED, LOCKED,
		/** The check digit is wrong: most likely one digit copied wrongly. */
		TYPO,
		/** The school is under a burst of wrong codes: try again in a moment. */
		SLOWED

	}

	/**
	 * @param attemptsLeft wrong codes still allowed before the lock-out (for WRONG and the like)
	 * @param othersBound the WeChat users who were bound to the person before this one (for BOUND): they are told
	 */
	public record Redemption(Result result, String personId, int attemptsLeft, List<String> othersBound) {

		public Redemption {
			othersBound = othersBound == null ? List.of() : List.copyOf(othersBound);
		}

	}

	/** The school's alarm: when it began, the wrong codes since the window before it, the last one. */
	public record Alarm(Instant since, long failures, Instant last) {
	}

	static final int MAX_FAILURES = 5;

	static final Duration LOCK = Duration.ofHours(1);

	/** Tombstones outlive the code so a late or repeated try is told why, not just "wrong". */
	private static final Duration TOMBSTONE = Duration.ofDays(30);

	private static final Logger log = LoggerFactory.getLogger(BindingCodes.class);

	private static final RedisScript<List> REDEEM = LuaScripts.load(List.class, "people/redeem-binding-code.lua");

	private final StringRedisTemplate redis;

	private final Clock clock;

	private final Duration validity;

	private final BindingProperties properties;

	private final SecureRandom random = new SecureRandom();

	public BindingCodes(StringRedisTemplate redis, Clock clock, BindingProperties properties) {
		this.redis = redis;
		this.clock = clock;
		this.properties = properties;
		this.validity = properties.codeValidity();
	}

	/** A fresh code for a person; their previous code stops working, and a withdrawal ends. */
	public String issue(String tenant, String personId, String issuedBy) {
		currentCode(tenant, personId).ifPresent(old -> revoke(tenant, old));
		this.redis.delete(withdrawnKey(tenant, personId));
		long now = this.clock.millis();
		for (int attempt = 0; attempt < 20; attempt++) {
			String code = BindingCodeFormat.generate(this.random);
			Boolean fresh = this.redis.opsForHash().putIfAbsent(codeKey(tenant, code), "person", personId);
			if (Boolean.TRUE.equals(fresh)) {
				String token = token();
				this.redis.opsForHash()
					.putAll(codeKey(tenant, code),
							Map.of("expires", String.valueOf(now + this.validity.toMillis()), "state", "open",
									"issuedBy", issuedBy, "issuedAt", String.valueOf(now), "scene", token));
				this.redis.expire(codeKey(tenant, code), this.validity.plus(TOMBSTONE));
				// the scene outlives the code as its tombstone does, so a late scan is told why it fails
				this.redis.opsForValue().set(sceneKey(tenant, token), code, this.validity.plus(TOMBSTONE));
				this.redis.opsForValue().set(currentKey(tenant, personId), code, this.validity);
				return code;
			}
		}
		throw new IllegalStateException("No free binding code found; the tenant has too many open codes");
	}

	/**
	 * Fresh codes for people who have no open code (a class's binding sheet opened for the first time after an
	 * import), in a few round trips for all of them rather than several each. By person id.
	 */
	public Map<String, String> issueAll(String tenant, Collection<String> personIds, String issuedBy) {
		List<String> people = personIds.stream().distinct().toList();
		Map<String, String> issued = new LinkedHashMap<>();
		long now = this.clock.millis();
		List<String> waiting = new ArrayList<>(people);
		for (int attempt = 0; attempt < 20 && !waiting.isEmpty(); attempt++) {
			Map<String, String> tried = new LinkedHashMap<>();
			for (String personId : waiting) {
				String code;
				do {
					code = BindingCodeFormat.generate(this.random);
				}
				while (tried.containsValue(code));
				tried.put(personId, code);
			}
			List<String> order = new ArrayList<>(tried.keySet());
			List<Object> fresh = Pipelines.run(this.redis, ops -> order
				.forEach(personId -> ops.opsForHash().putIfAbsent(codeKey(tenant, tried.get(personId)), "person", personId)));
			waiting = new ArrayList<>();
			for (int i = 0; i < order.size(); i++) {
				if (Boolean.TRUE.equals(fresh.get(i))) {
					issued.put(order.get(i), tried.get(order.get(i)));
				}
				else {
					waiting.add(order.get(i));
				}
			}
		}
		if (!waiting.isEmpty()) {
			throw new IllegalStateException("No free binding code found; the tenant has too many open codes");
		}
		Pipelines.run(this.redis, ops -> issued.forEach((personId, code) -> {
			String token = token();
			ops.opsForHash()
				.putAll(codeKey(tenant, code), Map.of("expires", String.valueOf(now + this.validity.toMillis()), "state",
						"open", "issuedBy", issuedBy, "issuedAt", String.valueOf(now), "scene", token));
			ops.expire(codeKey(tenant, code), this.validity.plus(TOMBSTONE));
			ops.opsForValue().set(sceneKey(tenant, token), code, this.validity.plus(TOMBSTONE));
			ops.opsForValue().set(currentKey(tenant, personId), code, this.validity);
		}));
		return issued;
	}

	/** The open codes of these people (those who have one), in one round trip; old six-digit codes are retired. */
	public Map<String, String> currentCodes(String tenant, Collection<String> personIds) {
		List<String> people = personIds.stream().distinct().toList();
		List<Object> codes = Pipelines.run(this.redis,
				ops -> people.forEach(personId -> ops.opsForValue().get(currentKey(tenant, personId))));
		Map<String, String> current = new LinkedHashMap<>();
		for (int i = 0; i < people.size(); i++) {
			if (codes.get(i) == null) {
				continue;
			}
			String code = String.valueOf(codes.get(i));
			if (BindingCodeFormat.isValid(code)) {
				current.put(people.get(i), code);
			}
			else {
				currentCode(tenant, people.get(i)); // retires it
			}
		}
		return current;
	}

	/** The person's open code; a code of the old six-digit shape is retired (the sheet issues a new one). */
	public Optional<String> currentCode(String tenant, String personId) {
		String code = this.redis.opsForValue().get(currentKey(tenant, personId));
		if (code != null && !BindingCodeFormat.isValid(code)) {
			revoke(tenant, code);
			this.redis.delete(currentKey(tenant, personId));
			return Optional.empty();
		}
		return Optional.ofNullable(code);
	}

	/** The scene a QR code carries for this code: {@code bind:<token>}, a long random token nobody can guess. */
	public Optional<String> qrScene(String tenant, String code) {
		Object token = this.redis.opsForHash().get(codeKey(tenant, code), "scene");
		return token == null ? Optional.empty() : Optional.of("bind:" + token);
	}

	/** Revokes a code that has not been used; returns whether there was one to revoke. */
	public boolean revoke(String tenant, String code) {
		List<Object> fields = this.redis.opsForHash().multiGet(codeKey(tenant, code), List.of("person", "state"));
		Object person = fields.get(0);
		if (person == null || !"open".equals(fields.get(1))) {
			return false;
		}
		this.redis.opsForHash().put(codeKey(tenant, code), "state", "revoked");
		this.redis.delete(currentKey(tenant, String.valueOf(person)));
		return true;
	}

	/**
	 * Revokes the person's open code and keeps it that way: binding sheets issue no new code for them by
	 * themselves until someone issues one on purpose.
	 */
	public void withdraw(String tenant, String personId, String by) {
		currentCode(tenant, personId).ifPresent(code -> revoke(tenant, code));
		this.redis.opsForValue().set(withdrawnKey(tenant, personId), by);
	}

	/** Whether the person's code was withdrawn ({@link #withdraw}) and none issued since. */
	public boolean isWithdrawn(String tenant, String personId) {
		return Boolean.TRUE.equals(this.redis.hasKey(withdrawnKey(tenant, personId)));
	}

	/** Redeems a typed code ({@link BindingCodeFormat#normalize normalized}, eight digits). */
	public Redemption redeem(String tenant, String openid, String code) {
		boolean typo = !BindingCodeFormat.isValid(code);
		long now = this.clock.millis();
		long minute = Math.floorDiv(now, 60_000L);
		List<String> keys = new ArrayList<>(List.of(RedisKeys.of(tenant, "bind-lock", openid),
				RedisKeys.of(tenant, "bind-fails", openid), codeKey(tenant, typo ? "-" : code),
				PeopleKeys.binding(tenant, openid)));
		int window = this.properties.windowMinutes();
		for (int i = 0; i < window; i++) {
			keys.add(RedisKeys.of(tenant, "bind-school-fails", String.valueOf(minute - i)));
		}
		keys.add(alarmKey(tenant));
		keys.add(RedisKeys.of(tenant, "bind-gate"));
		keys.add(dayKey(tenant, LocalDate.ofInstant(Instant.ofEpochMilli(now), this.clock.getZone())));
		List<?> result = this.redis.execute(REDEEM, keys, String.valueOf(now), String.valueOf(LOCK.toSeconds()),
				String.valueOf(MAX_FAILURES), RedisKeys.of(tenant, "bind-current") + ":",
				RedisKeys.of(tenant, "person-openids") + ":", openid, typo ? "1" : "0", String.valueOf(window),
				String.valueOf(this.properties.alarmFailures()), String.valueOf(this.properties.alarmHold().toSeconds()),
				String.valueOf(this.properties.alarmGap().toMillis()));
		Result verdict = Result.valueOf(String.valueOf(result.get(0)));
		if ("1".equals(String.valueOf(result.get(3)))) {
			log.warn("Tenant {}: {} wrong binding codes within {} minutes; binding is slowed for the whole school "
					+ "and the admin is alerted", tenant, this.properties.alarmFailures(), window);
		}
		if (verdict != Result.BOUND && verdict != Result.ALREADY_BOUND) {
			log.info("Tenant {}: a binding code was refused ({})", tenant, verdict);
		}
		List<String> others = new ArrayList<>();
		for (int i = 4; i < result.size(); i++) {
			others.add(String.valueOf(result.get(i)));
		}
		return new Redemption(verdict, String.valueOf(result.get(1)), Integer.parseInt(String.valueOf(result.get(2))),
				others);
	}

	/** Redeems the code a scanned QR scene's token stands for; an unknown token is a wrong code. */
	public Redemption redeemScene(String tenant, String openid, String token) {
		String code = token.length() > 64 ? null : this.redis.opsForValue().get(sceneKey(tenant, token));
		return redeem(tenant, openid, code == null ? "00000000" : code);
	}

	/** The school's binding alarm, while it lasts. */
	public Optional<Alarm> alarm(String tenant) {
		List<Object> fields = this.redis.opsForHash().multiGet(alarmKey(tenant), List.of("since", "failures", "last"));
		if (fields.get(0) == null) {
			return Optional.empty();
		}
		return Optional.of(new Alarm(Instant.ofEpochMilli(Long.parseLong(String.valueOf(fields.get(0)))),
				Long.parseLong(String.valueOf(fields.get(1))),
				Instant.ofEpochMilli(Long.parseLong(String.valueOf(fields.get(2))))));
	}

	/** Wrong codes (not typos) the school received on a day, school time. */
	public long failuresOn(String tenant, LocalDate day) {
		String count = this.redis.opsForValue().get(dayKey(tenant, day));
		return count == null ? 0 : Long.parseLong(count);
	}

	private String token() {
		byte[] bytes = new byte[18];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String codeKey(String tenant, String code) {
		return RedisKeys.of(tenant, "bind-code", code);
	}

	private static String sceneKey(String tenant, String token) {
		return RedisKeys.of(tenant, "bind-scene", token);
	}

	private static String currentKey(String tenant, String personId) {
		return RedisKeys.of(tenant, "bind-current", personId);
	}

	/** Named for where withdrawing began (the binding sheet's 作废), kept so existing withdrawals hold. */
	public static String withdrawnKey(String tenant, String personId) {
		return RedisKeys.of(tenant, "bind-sheet-revoked", personId);
	}

	private static String alarmKey(String tenant) {
		return RedisKeys.of(tenant, "bind-alarm");
	}

	private static String dayKey(String tenant, LocalDate day) {
		return RedisKeys.of(tenant, "bind-fails-day", day.toString());
	}

}
