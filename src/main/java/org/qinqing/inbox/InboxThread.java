package org.qinqing.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A question (or a message for the school) with what followed.
 *
 * @param number Q12
 * @param kind a question about a child, or a message for the school (给学校留言)
 * @param childId the child it is about (empty for a message for the school)
 * @param classId the child's class then
 * @param askerId the person who asked (empty for a visitor)
 * @param askerRole their role's code
 * @param teacherId the teacher it went to (empty: the school's leaders)
 * @param topic a message's topic (学习, 安全...), empty for a question
 * @param state waiting for an answer, answered, or solved
 * @param urgent it spoke of harm
 * @param filed when it was filed
 * @param firstAnswer when it was first answered
 * @param waitingSince when it began waiting for the answer it waits for (its filing, or the asker's last addition
 * to an answered thread)
 * @param entries the question, additions and answers, in order
 */
public record InboxThread(String number, Kind kind, String childId, String classId, String askerId, String askerRole,
		String teacherId, String topic, State state, boolean urgent, Instant filed, Optional<Instant> firstAnswer,
		Instant waitingSince, List<Entry> entries) {

	public enum Kind {

		QUESTION, MESSAGE

	}

	public enum State {

		OPEN, ANSWERED, SOLVED

	}

	public InboxThread {
		entries = List.copyOf(entries);
	}

	/** The words that opened it. */
	public String question() {
		return this.entries.isEmpty() ? "" : this.entries.get(0).text();
	}

	public Optional<Duration> timeToFirstAnswer() {
		return this.firstAnswer.map(at -> Duration.between(this.filed, at));
	}

	public boolean waiting() {
		return this.state == State.OPEN;
	}

}
