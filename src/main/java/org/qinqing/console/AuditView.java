package org.qinqing.console;

import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;

/**
 * An audit entry worded for people: the action and the codes in its target (outcomes such as
 * {@code CHILD_ABSENT}, words such as {@code archive}) through {@code audit.action.*} and {@code audit.value.*}
 * messages, which each feature keeps in its own bundle; what has no message (a booking number, a child's id)
 * stays as it is.
 *
 * @param who the person's name (or the username of an entry from before names were kept)
 * @param how the sign-in it came from, or that it was done in chat
 */
record AuditView(ZonedDateTime at, String who, String how, String action, String target) {

	/** Codes as features write them: {@code mark-call}, {@code HELD}, {@code PARENT_NO_SHOW}, {@code archive}. */
	private static final Pattern CODE = Pattern.compile("[A-Za-z]+(?:[-_][A-Za-z]+)*");

	static AuditView of(AuditLog.Entry entry, java.time.ZoneId zone, MessageSource messages) {
		String who = entry.name().isBlank() ? entry.username() : entry.name();
		String how = entry.channel() == AuditLog.Channel.WECHAT ? message(messages, "audit.via.wechat", "")
				: entry.name().isBlank() ? "" : entry.username();
		return new AuditView(entry.at().atZone(zone), who, how,
				message(messages, "audit.action." + entry.action(), entry.action()), words(entry.target(), messages));
	}

	private static String words(String target, MessageSource messages) {
		Matcher m = CODE.matcher(target);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(message(messages, "audit.value." + m.group(), m.group())));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static String message(MessageSource messages, String key, String fallback) {
		return messages.getMessage(key, null, fallback, Locale.SIMPLIFIED_CHINESE);
	}

}
