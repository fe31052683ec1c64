package org.qinqing.questions;

import java.util.List;
import java.util.Optional;

/**
 * What the matcher makes of a question.
 *
 * @param answered true exactly when the chat would reply with the first match's answer (see {@link FaqMatcher})
 * @param matches the best topics, at most three, best first; each score between 0 and 1
 */
public record FaqMatch(boolean answered, List<Scored> matches) {

	public FaqMatch {
		matches = List.copyOf(matches);
	}

	/**
	 * @param id the topic's id
	 * @param score how well the question fits the topic: 1 is as close as one of the topic's listed ways of asking,
	 * 0 shares nothing; comparable across questions, so one threshold serves all
	 */
	public record Scored(String id, double score) {
	}

	public static FaqMatch none() {
		return new FaqMatch(false, List.of());
	}

	public Optional<Scored> best() {
		return this.matches.isEmpty() ? Optional.empty() : Optional.of(this.matches.get(0));
	}

}
