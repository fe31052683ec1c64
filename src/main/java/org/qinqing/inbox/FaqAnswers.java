package org.qinqing.inbox;

import java.util.Optional;

/**
 * The school's FAQ as the chat asks it: the answer to a question when the FAQ is sure enough, else empty (then a
 * teacher is offered). The FAQ module provides it; without one, every question goes to a teacher.
 */
public interface FaqAnswers {

	/** @return the answer's words and its topic id, or empty when the FAQ does not answer */
	Optional<Answer> answer(String tenant, String question);

	record Answer(String id, String text) {
	}

}
