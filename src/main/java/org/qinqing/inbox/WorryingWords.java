package org.qinqing.inbox;

import java.util.List;

import org.qinqing.system.BotScripts;
import org.springframework.stereotype.Component;

/**
 * Words that speak of harm ({@code inbox.urgent-words}): matched after spaces, punctuation and full-width forms are
 * taken out, so "不 想 活了！" and voice recognition's "不想活了。" both count.
 */
@Component
class WorryingWords {

	private final List<String> words;

	WorryingWords(BotScripts scripts) {
		this.words = scripts.strings("inbox.urgent-words").stream().map(WorryingWords::plain).toList();
	}

	boolean in(String text) {
		String plain = plain(text);
		return this.words.stream().anyMatch(plain::contains);
	}

	/** Letters and digits only, in their plain forms. */
	static String plain(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().map(cp -> cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFEE0 : cp)
			.filter(Character::isLetterOrDigit)
			.forEach(out::appendCodePoint);
		return out.toString();
	}

}
