package org.qinqing.conversation;

/** Folds what phones and voice recognition produce into plain input: full-width digits, end punctuation. */
final class TextNormalizer {

	private TextNormalizer() {
	}

	static String normalize(String raw) {
		StringBuilder out = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c >= '０' && c <= '９') {
				out.append((char) (c - '０' + '0'));
			}
			else if (c == '\u3000') {
				out.append(' ');
			}
			else {
				out.append(c);
			}
		}
		// voice recognition ends sentences with 。 or ！; a lone "?" is a command, keep it
		String s = out.toString().strip();
		while (s.length() > 1 && "。.！!，,～~".indexOf(s.charAt(s.length() - 1)) >= 0) {
			s = s.substring(0, s.length() - 1).strip();
		}
		return s;
	}

}
