package org.qinqing.conversation;

/**
 * One numbered option of a {@link Step.Kind#PICK} step: the value kept as the answer and the words
 * shown. Neither may contain a tab or a line break (the options shown are kept in the session).
 */
public record Option(String value, String label) {

	public Option {
		if (value.contains("\t") || value.contains("\n") || label.contains("\t") || label.contains("\n")) {
			throw new IllegalArgumentException("An option is one line without tabs: " + value + " / " + label);
		}
	}

}
