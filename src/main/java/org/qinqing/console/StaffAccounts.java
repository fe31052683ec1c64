package org.qinqing.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Console accounts in Redis, passwords hashed (BCrypt through Spring Security's delegating encoder).
 * Usernames are unique across tenants, so the sign-in form needs no tenant field.
 */
@Service
public class StaffAccounts implements UserDetailsService {

	/** Failed sign-ins allowed within {@link #LOCK} before the account is locked for that long. */
	static final int MAX_FAILURES = 5;

	static final Duration LOCK = Duration.ofMinutes(15);

	private final StringRedisTemplate redis;

	private final PasswordEncoder encoder;

	StaffAccounts(StringRedisTemplate redis, PasswordEncoder encoder) {
		this.redis = redis;
		this.encoder = encoder;
	}

	/** Creates or replaces an account. */
	public StaffUser save(StaffUser user, String rawPassword) {
		if (rawPassword == null || rawPassword.length() < 8) {
			throw new IllegalArgumentException("password too short");
		}
		this.redis.opsForValue().set(indexKey(user.username()), user.tenant());
		this.redis.opsForHash()
			.putAll(accountKey(user.tenant(), user.username()),
					Map.of("role", user.role().name(), "person", user.personId(), "name", user.displayName(),
							"hash", this.encoder.encode(rawPassword)));
		this.redis.opsForSet().add(RedisKeys.of(user.tenant(), "staff"), user.username());
		return user;
	}

	public boolean exists(String username) {
		return Boolean.TRUE.equals(this.redis.hasKey(indexKey(username)));
	}

	public Optional<StaffUser> find(String username) {
		String tenant = this.redis.opsForValue().get(indexKey(username));
		if (tenant == null) {
			return Optional.empty();
		}
		Map<Object, Object> h = this.redis.opsForHash().entries(accountKey(tenant, username));
		if (h.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new StaffUser(username, tenant, StaffRole.valueOf(String.valueOf(h.get("role"))),
				String.valueOf(h.getOrDefault("person", "")), String.valueOf(h.getOrDefault("name", username))));
	}

	public List<StaffUser> all(String tenant) {
		List<StaffUser> users = new ArrayList<>();
		var names = this.redis.opsForSet().members(RedisKeys.of(tenant, "staff"));
		for (String name : names == null ? List.<String>of() : new java.util.TreeSet<>(names)) {
			find(name).ifPresent(users::add);
		}
		return users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		StaffUser user = find(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
		String hash = String.valueOf(this.redis.opsForHash().get(accountKey(user.tenant(), username), "hash"));
		return new StaffPrincipal(user, hash, isLocked(username));
	}

	void failed(String username) {
		String key = RedisKeys.of("console", "login-fails", username);
		Long fails = this.redis.opsForValue().increment(key);
		if (fails != null && fails == 1) {
			this.redis.expire(key, LOCK);
		}
		if (fails != null && fails >= MAX_FAILURES) {
			this.redis.opsForValue().set(RedisKeys.of("console", "login-lock", username), "1", LOCK);
			this.redis.delete(key);
		}
	}

	void succeeded(String username) {
		this.redis.delete(RedisKeys.of("console", "login-fails", username));
	}

	boolean isLocked(String username) {
		return Boolean.TRUE.equals(this.redis.hasKey(RedisKeys.of("console", "login-lock", username)));
	}

	private static String indexKey(String username) {
		return RedisKeys.of("console", "staff-index", username);
	}

	private static String accountKey(String tenant, String username) {
		return RedisKeys.of(tenant, "staff", username);
	}

}
