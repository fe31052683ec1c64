package org.qinqing.console.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.qinqing.system.RedisKeys;

/**
 * The sign-in guard's keys, all under the {@code {console}} hash tag (usernames are unique across
 * tenants), so one script may touch an account's and an address's keys together. A typed username
 * is anything a visitor sends: one that is not a plain name goes into keys as a hash.
 */
final class SignInKeys {

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

	private final String account;

	private final String pair;

	private SignInKeys(String account, String pair) {
		this.account = account;
		this.pair = pair;
	}

	static SignInKeys of(String username, String addressHash) {
		String account = part(username);
		return new SignInKeys(account, account + ":" + addressHash);
	}

	static SignInKeys of(String username) {
		return new SignInKeys(part(username), null);
	}

	/** Wrong passwords from this address within the window. */
	String pairFailures() {
		return key("signin-fails", this.pair);
	}

	/** Present while this address is locked out of this account. */
	String pairLock() {
		return key("signin-lock", this.pair);
	}

	/** Present while this address counts as one the account signed in from. */
	String known() {
		return key("signin-known", this.pair);
	}

	/** For the admins' page: the address's masked form, count, first and last failure (app millis). */
	String pairInfo() {
		return key("signin-pair", this.pair);
	}

	/** Wrong passwords for this account from all addresses within the window. */
	String accountFailures() {
		return key("signin-account-fails", this.account);
	}

	/** Present while the account is slowed down; holds when that began (app millis). */
	String slowed() {
		return key("signin-slow", this.account);
	}

	/** Taken for {@code slowGap} by each password checked while the account is slowed. */
	String gate() {
		return key("signin-gate", this.account);
	}

	/** Address hashes with failures for this account, scored by the last one (app millis). */
	String addresses() {
		return key("signin-addresses", this.account);
	}

	private static String key(String area, String id) {
		return RedisKeys.of("console", area, id);
	}

	static String part(String username) {
		String name = username == null ? "" : username;
		if (PLAIN.matcher(name).matches()) {
			return name;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
			return "~" + HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
