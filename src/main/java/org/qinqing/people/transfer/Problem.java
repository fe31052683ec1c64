package org.qinqing.people.transfer;

import java.util.List;

/** What is wrong with a row or the file: a message key of messages-import and its arguments. */
record Problem(String key, List<String> args) {

	Problem {
		args = List.copyOf(args);
	}

	static Problem of(String key, String... args) {
		return new Problem(key, List.of(args));
	}

}
