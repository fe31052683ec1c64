package org.qinqing.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Console accounts in Redis, passwords hashed (BCrypt through Spring Security's delegating encoder).
 * Usernames are unique across tenants, so the sign-in form needs no tenant field. Not a
 * {@code UserDetailsService} bean on purpose: sign-in goes only through the guarded provider in
 * {@code console.signin}, never through one Spring Security would build around this.
 */
@Service
public class StaffAccounts {

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
		for (String name : usernames(tenant)) {
			find(name).ifPresent(users::add);
		}
		return users;
	}

	/** The tenant's usernames, sorted. */
	public Set<String> usernames(String tenant) {
		Set<String> names = this.redis.opsForSet().members(RedisKeys.of(tenant, "staff"));
		return names == null ? new TreeSet<>() : new TreeSet<>(names);
	}

	/** Spring Security's view of an account, with its password hash, for the password check. */
	public UserDetails loadUserByUsername(String username) {
		StaffUser user = find(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
		String hash = String.valueOf(this.redis.opsForHash().get(accountKey(user.tenant(), username), "hash"));
		return new StaffPrincipal(user, hash);
	}

	/** Present while {@code username} is an account; a sign-in script checks it without reading the account. */
	public static String indexKey(String username) {
		return RedisKeys.of("console", "staff-index", username);
	}

	private static String accountKey(String tenant, String username) {
		return RedisKeys.of(tenant, "staff", username);
	}

}
