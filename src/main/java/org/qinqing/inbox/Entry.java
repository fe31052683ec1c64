package org.qinqing.inbox;

import java.time.Instant;

/**
 * One message of a thread.
 *
 * @param type what it is
 * @param by the person who wrote it (empty for a visitor)
 * @param role their role's code (parent, guardian, teacher, admin, visitor)
 * @param at when
 * @param text the words (voice recognition included)
 */
public record Entry(Type type, String by, String role, Instant at, String text) {

	public enum Type {

		/** The question or message that opened the thread. */
		ASK,
		/** The asker added to it. */
		ADD,
		/** A teacher's (or the school's) answer. */
		ANSWER

	}

}
