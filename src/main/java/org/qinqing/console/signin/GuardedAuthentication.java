package org.qinqing.console.signin;

import java.time.Clock;

import org.qinqing.console.StaffAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The console's one way to sign in: Spring Security's password check (BCrypt, unknown names answered
 * like wrong passwords), wrapped in the guard. A locked address or a slowed account's surplus attempt
 * is refused before the password is looked at. The client address is the request's remote address,
 * which Tomcat takes from the proxy's X-Forwarded-For in prod ({@code forward-headers-strategy: native}).
 * Unknown usernames are counted and locked like real ones, so the answers do not tell which exist.
 */
@Component
class GuardedAuthentication implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(GuardedAuthentication.class);

	private final DaoAuthenticationProvider passwords;

	private final ClientAddresses addresses;

	private final SignInAttempts attempts;

	private final Clock clock;

	GuardedAuthentication(StaffAccounts accounts, PasswordEncoder encoder, ClientAddresses addresses,
			SignInAttempts attempts, Clock clock) throws Exception {
		this.passwords = new DaoAuthenticationProvider(accounts::loadUserByUsername);
		this.passwords.setPasswordEncoder(encoder);
		this.passwords.afterPropertiesSet();
		this.addresses = addresses;
		this.attempts = attempts;
		this.clock = clock;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = String.valueOf(authentication.getName());
		String remote = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		try {
			ClientAddress address = this.addresses.of(remote);
			SignInAttempts.Verdict verdict = this.attempts.check(username, address);
			switch (verdict.outcome()) {
				case LOCKED -> throw new AddressLockedException(this.clock.instant().plus(verdict.retryAfter()));
				case SLOWED -> throw new AccountSlowedException(verdict.retryAfter());
				case CHECK -> {
				}
			}
			try {
				Authentication signedIn = this.passwords.authenticate(authentication);
				this.attempts.succeeded(username, address);
				return signedIn;
			}
			catch (BadCredentialsException wrong) {
				SignInAttempts.Failure failure = this.attempts.failed(username, address);
				if (failure.slowedNow()) {
					log.warn("Sign-ins to account {} are slowed down: {} wrong passwords from all addresses",
							printable(username), failure.accountFailures());
				}
				if (failure.lockedFor() != null) {
					log.warn("Sign-ins to account {} from {} are locked for {} after too many wrong passwords",
							printable(username), address.masked(), failure.lockedFor().toMinutes() + " min");
					throw new AddressLockedException(this.clock.instant().plus(failure.lockedFor()));
				}
				throw wrong;
			}
		}
		catch (DataAccessException ex) {
			throw new InternalAuthenticationServiceException("sign-in guard unavailable", ex);
		}
	}

	/** A typed username as it may go into a log line: no line breaks, not too long. */
	static String printable(String username) {
		String clean = username.replaceAll("\\p{Cntrl}", "?");
		return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
	}

}
