package org.qinqing.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Reads numbers and numbered choices the way people type or say them: "2", "２", "二", "第2个", "2.", "十二", "1 3". */
final class Choices {

	private static final String CHINESE_DIGITS = "零一二三四五六七八九";

	/** Between several choices: spaces and commas of both widths, 、 ; and the words people say between them. */
	private static final String SEPARATORS = "[\\s,，、;；/]+";

	private static final String SPOKEN_AND = "和|跟|与|及|还有|以及";

	private Choices() {
	}

	static Optional<Integer> number(String input, int max) {
		return number(input, 1, max);
	}

	/** A whole number from {@code min} to {@code max}, in digits or Chinese numerals up to 99. */
	static Optional<Integer> number(String input, int min, int max) {
		String s = input.strip();
		if (s.startsWith("第")) {
			s = s.substring(1);
		}
		s = s.replaceFirst("[个項项条号.、]$", "");
		Optional<Integer> value = s.matches("\\d{1,3}") ? Optional.of(Integer.parseInt(s)) : chinese(s);
		return value.filter(v -> v >= min && v <= max);
	}

	/** 三, 十, 十二, 二十, 二十三 (and 两 for 2). */
	static Optional<Integer> chinese(String s) {
		s = s.replace('两', '二');
		if (s.isEmpty() || s.length() > 3) {
			return Optional.empty();
		}
		int ten = s.indexOf('十');
		if (ten < 0) {
			return s.length() == 1 ? digit(s.charAt(0)) : Optional.empty();
		}
		int tens = ten == 0 ? 1 : (ten == 1 ? digit(s.charAt(0)).orElse(-1) : -1);
		int ones = ten == s.length() - 1 ? 0 : (ten == s.length() - 2 ? digit(s.charAt(ten + 1)).orElse(-1) : -1);
		return tens < 1 || ones < 0 ? Optional.empty() : Optional.of(tens * 10 + ones);
	}

	private static Optional<Integer> digit(char c) {
		int value = CHINESE_DIGITS.indexOf(c);
		return value > 0 ? Optional.of(value) : Optional.empty();
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

	/**
	 * Indexes (from 0, in the options' order) of several options picked at once: "1 3", "1、3", "1,3", "一和三", "13"
	 * when there are fewer than ten options, or their words ("学习 心理"). Empty when any part picks nothing.
	 */
	static Optional<List<Integer>> several(String input, List<String> options) {
		Optional<Integer> whole = pick(input, options);
		if (whole.isPresent()) {
			return Optional.of(List.of(whole.get()));
		}
		TreeSet<Integer> picked = new TreeSet<>();
		for (String part : input.strip().split(SEPARATORS)) {
			if (!part.isEmpty() && !severalPart(part, options, picked)) {
				return Optional.empty();
			}
		}
		return picked.isEmpty() ? Optional.empty() : Optional.of(new ArrayList<>(picked));
	}

	private static boolean severalPart(String part, List<String> options, TreeSet<Integer> picked) {
		Optional<Integer> one = pick(part, options);
		if (one.isPresent()) {
			picked.add(one.get());
			return true;
		}
		String[] spoken = part.split(SPOKEN_AND);
		if (spoken.length > 1) {
			for (String word : spoken) {
				if (!word.isEmpty() && !severalPart(word, options, picked)) {
					return false;
				}
			}
			return true;
		}
		// "13" or "一三": one option per digit, when no option needs two digits
		if (options.size() < 10 && part.length() > 1) {
			List<Integer> digits = new ArrayList<>();
			for (char c : part.toCharArray()) {
				Optional<Integer> n = Character.isDigit(c) ? Optional.of(c - '0') : digit(c);
				if (n.isEmpty() || n.get() < 1 || n.get() > options.size()) {
					return false;
				}
				digits.add(n.get() - 1);
			}
			picked.addAll(digits);
			return true;
		}
		return false;
	}

	static String numbered(List<String> options) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < options.size(); i++) {
			text.append('\n').append(i + 1).append(". ").append(options.get(i));
		}
		return text.toString();
	}

}
