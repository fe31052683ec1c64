package org.qinqing.conversation;

/** The result of reading one answer: a value to keep, or a hint (a bot-scripts key) to re-ask with. */
public sealed interface Parsed {

	static Parsed ok(String value) {
		return new Ok(value);
	}

	static Parsed invalid(String hintKey) {
		return new Invalid(hintKey);
	}

	record Ok(String value) implements Parsed {
	}

	record Invalid(String hintKey) implements Parsed {
	}

}
