package org.qinqing.emergency;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A call a teacher says they made: {@code 已电话通知 奶奶 10:42}, {@code 已电话通知 E3 爸爸}, {@code 已打电话奶奶10点42}.
 * The time is today's (school time) and defaults to now; the incident's number may be left out.
 *
 * @param number the incident's number, or empty
 * @param relation whom they phoned (奶奶, 爸爸, or a name)
 * @param at when, or empty for now
 */
record CallNote(String number, String relation, Optional<LocalTime> at) {

	/** A time a little ahead of the clock is a clock's difference, not yesterday's. */
	static final java.time.Duration SLACK = java.time.Duration.ofMinutes(5);

	private static final Pattern NUMBER = Pattern.compile("\\b([Ee]\\d+)\\b");

	private static final Pattern TIME = Pattern.compile("(\\d{1,2})\\s*[:：点时]\\s*(\\d{1,2})?\\s*分?");

	/** What follows the command's words; empty when it names nobody, or an impossible time. */
	static Optional<CallNote> parse(String rest) {
		String text = rest.strip();
		String number = "";
		Matcher n = NUMBER.matcher(text);
		if (n.find()) {
			number = n.group(1).toUpperCase(java.util.Locale.ROOT);
			text = (text.substring(0, n.start()) + " " + text.substring(n.end())).strip();
		}
		Optional<LocalTime> at = Optional.empty();
		Matcher t = TIME.matcher(text);
		if (t.find()) {
			int hour = Integer.parseInt(t.group(1));
			int minute = t.group(2) == null ? 0 : Integer.parseInt(t.group(2));
			if (hour > 23 || minute > 59) {
				return Optional.empty();
			}
			at = Optional.of(LocalTime.of(hour, minute));
			text = (text.substring(0, t.start()) + " " + text.substring(t.end())).strip();
		}
		String relation = text.replaceAll("[\\s,，。.、]+", "");
		return relation.isEmpty() ? Optional.empty() : Optional.of(new CallNote(number, relation, at));
	}

	/**
	 * When the call was, in school time: the time said at its latest not after now (a call said at 23:50 just past
	 * midnight was yesterday's; a few minutes ahead is a clock's difference, today), or now.
	 */
	LocalDateTime when(LocalDateTime now) {
		LocalDate today = now.toLocalDate();
		return this.at.map(today::atTime).map(t -> t.isAfter(now.plus(SLACK)) ? t.minusDays(1) : t).orElse(now);
	}

}
