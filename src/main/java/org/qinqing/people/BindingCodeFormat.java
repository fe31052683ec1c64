package org.qinqing.people;

import java.util.random.RandomGenerator;

/**
 * The shape of a binding code: 8 digits, the last a Damm check digit. A grandparent copying it from paper
 * can still type it, and the check digit catches every single wrong digit and every swap of two neighbours,
 * so a typo is told apart from a guess (a typo is answered kindly and does not count against the school);
 * a guesser must get the check digit right too, and then searches 10^7 codes.
 */
public final class BindingCodeFormat {

	public static final int LENGTH = 8;

	/** Damm's quasigroup of order 10 (weakly totally anti-symmetric). */
	private static final int[][] DAMM = { { 0, 3, 1, 7, 5, 9, 8, 6, 4, 2 }, { 7, 0, 9, 2, 1, 5, 4, 8, 6, 3 },
			{ 4, 2, 0, 6, 8, 7, 1, 3, 5, 9 }, { 1, 7, 5, 0, 9, 8, 3, 4, 2, 6 }, { 6, 1, 2, 3, 0, 4, 5, 9, 7, 8 },
			{ 3, 6, 7, 4, 2, 0, 9, 5, 8, 1 }, { 5, 8, 6, 9, 7, 2, 0, 1, 3, 4 }, { 8, 9, 4, 5, 3, 6, 2, 0, 1, 7 },
			{ 9, 4, 3, 8, 6, 1, 7, 2, 0, 5 }, { 2, 5, 8, 1, 4, 3, 6, 7, 9, 0 } };

	private BindingCodeFormat() {
	}

	/** A fresh code: 7 random digits and their check digit. */
	public static String generate(RandomGenerator random) {
		StringBuilder digits = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH - 1; i++) {
			digits.append((char) ('0' + random.nextInt(10)));
		}
		return digits.append(checkDigit(digits)).toString();
	}

	/** What was typed, without the spaces and dashes people put in long numbers ("1234 5678"). */
	public static String normalize(String typed) {
		return typed == null ? "" : typed.replaceAll("[\\s\\-－—]", "");
	}

	/** Eight digits, whatever their check digit: what people mean to be a code. */
	public static boolean looksLikeACode(String code) {
		return code.length() == LENGTH && code.chars().allMatch(c -> c >= '0' && c <= '9');
	}

	/** Eight digits with the right check digit. */
	public static boolean isValid(String code) {
		return looksLikeACode(code) && checkDigit(code.substring(0, LENGTH - 1)) == code.charAt(LENGTH - 1);
	}

	/** Seven digits and their check digit: a well-formed code (tests, and the guesses of a careful guesser). */
	public static String withCheckDigit(String sevenDigits) {
		return sevenDigits + checkDigit(sevenDigits);
	}

	static char checkDigit(CharSequence digits) {
		int interim = 0;
		for (int i = 0; i < digits.length(); i++) {
			interim = DAMM[interim][digits.charAt(i) - '0'];
		}
		return (char) ('0' + interim);
	}

}
