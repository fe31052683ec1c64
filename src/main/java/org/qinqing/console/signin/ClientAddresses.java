package org.qinqing.console.signin;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns a request's remote address into a {@link ClientAddress}. The hash is an HMAC with a random
 * key kept in Redis (made by the first instance that needs it), so every instance and restart hashes
 * an address alike, while a plain SHA-256 of an IPv4 address could be reversed by trying all 2³² of
 * them. Deleting {@code qq:{console}:signin-pepper} makes a new key and forgets every lock-out.
 */
@Component
class ClientAddresses {

	static final String PEPPER_KEY = RedisKeys.of("console", "signin-pepper");

	private final StringRedisTemplate redis;

	/** Read lazily: the app starts while Redis is away (health DOWN) and recovers without a restart. */
	private volatile SecretKeySpec key;

	ClientAddresses(StringRedisTemplate redis) {
		this.redis = redis;
	}

	ClientAddress of(String remote) {
		InetAddress parsed = ClientAddress.parse(remote);
		String identity = parsed != null ? parsed.getHostAddress() : String.valueOf(remote);
		return new ClientAddress(hash(identity), ClientAddress.mask(parsed));
	}

	private String hash(String identity) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key());
			byte[] digest = mac.doFinal(identity.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 10);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private SecretKeySpec key() {
		SecretKeySpec known = this.key;
		if (known == null) {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			// the first instance's key wins; the others read it
			this.redis.opsForValue().setIfAbsent(PEPPER_KEY, HexFormat.of().formatHex(fresh));
			String stored = this.redis.opsForValue().get(PEPPER_KEY);
			if (stored == null) {
				throw new IllegalStateException("the sign-in pepper vanished from Redis");
			}
			known = new SecretKeySpec(HexFormat.of().parseHex(stored), "HmacSHA256");
			this.key = known;
		}
		return known;
	}

}
