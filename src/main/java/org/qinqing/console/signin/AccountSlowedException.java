package org.qinqing.console.signin;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/** The account is slowed down and the password was not checked: try again after {@link #retryAfter()}. */
class AccountSlowedException extends LockedException {

	private final Duration retryAfter;

	AccountSlowedException(Duration retryAfter) {
		super("account slowed down");
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

}
