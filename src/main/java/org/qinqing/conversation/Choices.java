package org.qinqing.conversation;

import java.util.List;
import java.util.Optional;

/** Reads a numbered choice the way people type or say it: "2", "２", "二", "第2个", "2." */
final class Choices {

	private static final String CHINESE_DIGITS = "零一二三四五六七八九";

	private Choices() {
	}

	static Optional<Integer> number(String input, int max) {
		String s = input.strip();
		if (s.startsWith("第")) {
			s = s.substring(1);
		}
		s = s.replaceFirst("[个項项条号.、]$", "");
		int value;
		if (s.matches("\\d{1,3}")) {
			value = Integer.parseInt(s);
		}
		else if (s.length() == 1 && CHINESE_DIGITS.indexOf(s.charAt(0)) > 0) {
			value = CHINESE_DIGITS.indexOf(s.charAt(0));
		}
		else if (s.equals("十")) {
			value = 10;
		}
		else {
			return Optional.empty();
		}
		return value >= 1 && value <= max ? Optional.of(value) : Optional.empty();
	}

	/** Index (from 0) of the option picked by number or by its words. */
	static Optional<Integer> pick(String input, List<String> options) {
		Optional<Integer> number = number(input, options.size());
		if (number.isPresent()) {
			return Optional.of(number.get() - 1);
		}
		int index = options.indexOf(input.strip());
		return index >= 0 ? Optional.of(index) : Optional.empty();
	}

	static String numbered(List<String> options) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < options.size(); i++) {
			text.append('\n').append(i + 1).append(". ").append(options.get(i));
		}
		return text.toString();
	}

}
