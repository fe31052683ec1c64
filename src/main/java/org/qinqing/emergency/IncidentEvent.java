package org.qinqing.emergency;

import java.time.Instant;

/**
 * One line of an incident's timeline. Holds ids and short words, never a phone number.
 *
 * @param by who did it (a person id; empty for the system)
 * @param step the chain step it belongs to, or null
 * @param person who it is about (the person told, who acknowledged, who was phoned), or empty
 * @param detail a few words: a relation (奶奶), why someone is unreachable, a close note
 * @param message the outbox's message id of a notice, or empty
 */
record IncidentEvent(Type type, Instant at, String by, ChainStep step, String person, String detail, String message) {

	enum Type {

		REPORTED, DRAFTED, NOTIFIED, UNREACHABLE, ACKNOWLEDGED, CALLED, ALERTED, LATE, REPORT_SENT, CLOSED

	}

	IncidentEvent {
		by = by == null ? "" : by;
		person = person == null ? "" : person;
		detail = detail == null ? "" : detail;
		message = message == null ? "" : message;
	}

	static IncidentEvent of(Type type, Instant at, String by) {
		return new IncidentEvent(type, at, by, null, "", "", "");
	}

}
