package org.qinqing.console.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the console's sign-in resists guessing ({@code qinqing.console.sign-in.*}).
 *
 * <p>
 * A lock-out belongs to an (account, client address) pair, so nobody elsewhere can lock the rightful
 * user out: {@code maxFailures} wrong passwords within {@code window} lock that pair for
 * {@code lockFor} (a person who mistypes five times waits a quarter of an hour; a guesser gets five
 * tries per quarter hour per address). An attacker with many addresses is held back per account
 * instead: once {@code slowAfter} wrong passwords from all addresses together fall within
 * {@code window} (20: at least four addresses each locked, far beyond one person's typos), the
 * account is slowed until {@code slowFor} after its last failure, and while slowed at most one
 * password is checked every {@code slowGap}: 720 guesses an hour however many addresses, and a
 * person still gets in after a few seconds' wait. Addresses that signed in to the account within
 * {@code knownFor} skip that wait, so its owner is never kept out from their usual place.
 *
 * @param maxFailures wrong passwords from one address that lock the account for that address
 * @param window how long wrong passwords are counted, from the first one
 * @param lockFor how long a locked address waits
 * @param slowAfter wrong passwords for one account, from all addresses within {@code window}, that slow it down
 * @param slowFor how long an account stays slowed after its last wrong password
 * @param slowGap at most one password checked per this long while an account is slowed
 * @param knownFor how long an address that signed in counts as the account's own (skips the slow-down)
 * @param keepFor how long the failures are kept for the admins' page
 * @param keepAddresses at most this many addresses kept per account for that page (the latest)
 */
@ConfigurationProperties("qinqing.console.sign-in")
record SignInProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
		@DefaultValue("15m") Duration lockFor, @DefaultValue("20") int slowAfter,
		@DefaultValue("15m") Duration slowFor, @DefaultValue("5s") Duration slowGap,
		@DefaultValue("30d") Duration knownFor, @DefaultValue("24h") Duration keepFor,
		@DefaultValue("200") int keepAddresses) {

}
