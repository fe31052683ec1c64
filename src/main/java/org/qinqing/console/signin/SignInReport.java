package org.qinqing.console.signin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * What the admins see of failed sign-ins, for the accounts they are given (their tenant's): two
 * pipelined round trips, one for the accounts and one for their addresses.
 */
@Component
class SignInReport {

	/** The page's times are school times. */
	static final ZoneId SCHOOL_ZONE = org.qinqing.system.SchoolTime.ZONE;

	/**
	 * @param masked the address as people see it, with {@code tag} to tell equal masks apart
	 * @param lockedUntil when this address may try this account again, or null when it is not locked
	 */
	record AddressFailures(String masked, String tag, long count, Instant first, Instant last, Instant lockedUntil) {

		public boolean locked() {
			return this.lockedUntil != null;
		}

	}

	/**
	 * @param windowFailures wrong passwords from all addresses within the current window
	 * @param slowedUntil when the slow-down ends if no more wrong passwords come, or null when not slowed
	 */
	record AccountFailures(String username, long windowFailures, Instant slowedSince, Instant slowedUntil,
			List<AddressFailures> addresses) {

		public boolean slowed() {
			return this.slowedUntil != null;
		}

		public Instant last() {
			return this.addresses.isEmpty() ? Instant.EPOCH : this.addresses.get(0).last();
		}

	}

	private final StringRedisTemplate redis;

	private final SignInProperties properties;

	private final Clock clock;

	SignInReport(StringRedisTemplate redis, SignInProperties properties, Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.clock = clock;
	}

	/** The accounts with failures kept or a slow-down on: slowed ones first, then by the latest failure. */
	List<AccountFailures> accounts(Collection<String> usernames) {
		List<String> names = List.copyOf(usernames);
		int keep = this.properties.keepAddresses();
		List<Object> perAccount = this.redis.executePipelined((RedisCallback<Object>) connection -> {
			for (String name : names) {
				SignInKeys keys = SignInKeys.of(name);
				connection.zSetCommands().zRevRange(raw(keys.addresses()), 0, keep - 1);
				connection.stringCommands().get(raw(keys.slowed()));
				connection.keyCommands().pTtl(raw(keys.slowed()));
				connection.stringCommands().get(raw(keys.accountFailures()));
			}
			return null;
		});
		List<String> pairUsers = new ArrayList<>();
		List<String> pairHashes = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			for (Object hash : (Collection<?>) perAccount.get(4 * i)) {
				pairUsers.add(names.get(i));
				pairHashes.add(String.valueOf(hash));
			}
		}
		List<Object> perPair = pairUsers.isEmpty() ? List.of()
				: this.redis.executePipelined((RedisCallback<Object>) connection -> {
					for (int i = 0; i < pairUsers.size(); i++) {
						SignInKeys keys = SignInKeys.of(pairUsers.get(i), pairHashes.get(i));
						connection.hashCommands().hGetAll(raw(keys.pairInfo()));
						connection.keyCommands().pTtl(raw(keys.pairLock()));
					}
					return null;
				});
		Instant now = this.clock.instant();
		List<AccountFailures> accounts = new ArrayList<>();
		int pair = 0;
		for (int i = 0; i < names.size(); i++) {
			List<AddressFailures> rows = new ArrayList<>();
			int pairs = ((Collection<?>) perAccount.get(4 * i)).size();
			for (int j = 0; j < pairs; j++, pair++) {
				Map<?, ?> info = (Map<?, ?>) perPair.get(2 * pair);
				if (info == null || info.isEmpty()) {
					continue;
				}
				long lockTtl = number(perPair.get(2 * pair + 1));
				rows.add(new AddressFailures(String.valueOf(info.get("address")), pairHashes.get(pair).substring(0, 4),
						number(info.get("count")), Instant.ofEpochMilli(number(info.get("first"))),
						Instant.ofEpochMilli(number(info.get("last"))), lockTtl > 0 ? now.plusMillis(lockTtl) : null));
			}
			rows.sort(Comparator.comparing(AddressFailures::last).reversed());
			long slowTtl = number(perAccount.get(4 * i + 2));
			Object since = perAccount.get(4 * i + 1);
			if (!rows.isEmpty() || slowTtl > 0) {
				accounts.add(new AccountFailures(names.get(i), number(perAccount.get(4 * i + 3)),
						since == null ? null : Instant.ofEpochMilli(number(since)),
						slowTtl > 0 ? now.plusMillis(slowTtl) : null, rows));
			}
		}
		accounts.sort(Comparator.comparing(AccountFailures::slowed).thenComparing(AccountFailures::last).reversed());
		return accounts;
	}

	/** The accounts slowed down now, in the order given: one pipelined round trip. */
	List<String> slowed(Collection<String> usernames) {
		List<String> names = List.copyOf(usernames);
		List<Object> ttls = this.redis.executePipelined((RedisCallback<Object>) connection -> {
			names.forEach(name -> connection.keyCommands().pTtl(raw(SignInKeys.of(name).slowed())));
			return null;
		});
		List<String> slowed = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			if (number(ttls.get(i)) > 0) {
				slowed.add(names.get(i));
			}
		}
		return slowed;
	}

	private static byte[] raw(String key) {
		return key.getBytes(StandardCharsets.UTF_8);
	}

	private static long number(Object value) {
		if (value instanceof Number n) {
			return n.longValue();
		}
		return value == null ? 0 : Long.parseLong(String.valueOf(value));
	}

}
