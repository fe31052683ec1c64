package org.qinqing.console.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpSession;
import org.qinqing.console.StaffAccounts;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Component;

/** What the sign-in page and the admin's dashboard say about the guard. */
@Component
public class SignInNotices {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final MessageSource messages;

	private final SignInProperties properties;

	private final SignInReport report;

	private final StaffAccounts accounts;

	private final Clock clock;

	SignInNotices(MessageSource messages, SignInProperties properties, SignInReport report, StaffAccounts accounts,
			Clock clock) {
		this.messages = messages;
		this.properties = properties;
		this.report = report;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** Why the last sign-in in this session failed, from the exception Spring Security kept there. */
	public String loginError(HttpSession session) {
		Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		Instant now = this.clock.instant();
		if (failure instanceof AddressLockedException locked && locked.until().isAfter(now)) {
			long minutes = Math.max(1, (Duration.between(now, locked.until()).toSeconds() + 59) / 60);
			return text("login.locked", TIME.format(locked.until().atZone(SignInReport.SCHOOL_ZONE)), minutes);
		}
		if (failure instanceof AccountSlowedException slowed) {
			return text("login.slowed", Math.max(1, (slowed.retryAfter().toMillis() + 999) / 1000));
		}
		if (failure instanceof InternalAuthenticationServiceException) {
			return text("login.unavailable");
		}
		return text("login.failed");
	}

	/** The lock-out rule in a sentence, with the numbers in force. */
	public String rules() {
		return text("login.lockout", this.properties.maxFailures(), this.properties.window().toMinutes(),
				this.properties.lockFor().toMinutes());
	}

	/** The tenant's accounts slowed down now, for the dashboard's notice. */
	public List<String> slowedAccounts(String tenant) {
		return this.report.slowed(this.accounts.usernames(tenant));
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

}
