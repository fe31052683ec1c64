package org.qinqing.questions;

import java.util.List;

/**
 * The words file ({@code bot-scripts/faq-synonyms.yaml}).
 *
 * @param groups words that mean the same here; each is replaced by its group's first word, in questions and FAQ alike
 * @param terms words kept whole although the segmenter would split them (两免一补)
 * @param filler words that carry no meaning for matching (particles, pronouns, politeness)
 */
public record FaqSynonyms(List<List<String>> groups, List<String> terms, List<String> filler) {

	public FaqSynonyms {
		groups = groups.stream().map(List::copyOf).toList();
		terms = List.copyOf(terms);
		filler = List.copyOf(filler);
	}

	public static FaqSynonyms none() {
		return new FaqSynonyms(List.of(), List.of(), List.of());
	}

}
