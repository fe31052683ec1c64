package org.qinqing.people.transfer;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * An upload between its preview and the user's "import": kept in Redis under the tenant's keys with
 * a random id and a short TTL (not in the HTTP session), so any instance can finish it.
 */
@Component
class PendingImports {

	static final Duration TTL = Duration.ofMinutes(30);

	/** The parsed upload and who uploaded it: only they may confirm it. */
	record Pending(String owner, ParsedImport parsed) {
	}

	private final StringRedisTemplate redis;

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final SecureRandom random = new SecureRandom();

	PendingImports(StringRedisTemplate redis) {
		this.redis = redis;
	}

	String put(String tenant, String owner, ParsedImport parsed) {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		String id = HexFormat.of().formatHex(bytes);
		this.redis.opsForValue().set(key(tenant, id), this.json.writeValueAsString(new Pending(owner, parsed)), TTL);
		return id;
	}

	Optional<Pending> get(String tenant, String id) {
		if (!id.matches("[0-9a-f]{32}")) {
			return Optional.empty();
		}
		String value = this.redis.opsForValue().get(key(tenant, id));
		return value == null ? Optional.empty() : Optional.of(this.json.readValue(value, Pending.class));
	}

	/** Takes the upload out, so a second click (or a second instance) cannot import it twice. */
	Optional<Pending> take(String tenant, String id) {
		if (!id.matches("[0-9a-f]{32}")) {
			return Optional.empty();
		}
		String value = this.redis.opsForValue().getAndDelete(key(tenant, id));
		return value == null ? Optional.empty() : Optional.of(this.json.readValue(value, Pending.class));
	}

	void putBack(String tenant, String id, Pending pending) {
		this.redis.opsForValue().set(key(tenant, id), this.json.writeValueAsString(pending), TTL);
	}

	private static String key(String tenant, String id) {
		return RedisKeys.of(tenant, "import", id);
	}

}
