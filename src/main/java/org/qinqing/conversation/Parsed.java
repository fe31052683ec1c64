package org.qinqing.conversation;

import java.util.Map;

/**
 * The result of reading one answer: a value to keep, or a hint (a bot-scripts key, with what it fills in) to re-ask
 * with.
 */
public sealed interface Parsed {

	static Parsed ok(String value) {
		return new Ok(value);
	}

	static Parsed invalid(String hintKey) {
		return new Invalid(hintKey, Map.of());
	}

	static Parsed invalid(String hintKey, Map<String, String> params) {
		return new Invalid(hintKey, params);
	}

	record Ok(String value) implements Parsed {
	}

	record Invalid(String hintKey, Map<String, String> params) implements Parsed {

		public Invalid {
			params = Map.copyOf(params);
		}

	}

}
