package org.qinqing.console.signin;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/** Too many wrong passwords for this account from this address: it may try again at {@link #until()}. */
class AddressLockedException extends LockedException {

	private final Instant until;

	AddressLockedException(Instant until) {
		super("locked for this address");
		this.until = until;
	}

	Instant until() {
		return this.until;
	}

}
