package org.qinqing.questions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * How questions and FAQ entries become terms, the same way on both sides. {@link #words}: smartcn's HMM segmenter
 * (its own dictionary; full-width letters folded), punctuation dropped, the synonyms file applied (each word of a
 * group replaced by the group's first word, terms glued back whole), filler words dropped. {@link #grams}: the
 * characters of those words run together, in pairs (孩子怎么预约 → 孩子 子怎 怎么 么预 预约), so a typo, a missing
 * word break or a word the segmenter cuts differently in another sentence still shares most pairs.
 */
final class FaqAnalysis {

	private final Analyzer words;

	private final Analyzer grams;

	FaqAnalysis(FaqSynonyms synonyms) {
		SynonymMap map = synonymMap(synonyms);
		CharArraySet filler = new CharArraySet(synonyms.filler(), true);
		this.words = new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String field) {
				Tokenizer source = new HMMChineseTokenizer();
				return new TokenStreamComponents(source, meaningful(source, map, filler));
			}
		};
		this.grams = new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String field) {
				Tokenizer source = new HMMChineseTokenizer();
				return new TokenStreamComponents(source, new JoinedBigramFilter(meaningful(source, map, filler)));
			}
		};
	}

	Analyzer wordsAnalyzer() {
		return this.words;
	}

	Analyzer gramsAnalyzer() {
		return this.grams;
	}

	List<String> words(String text) {
		return terms(this.words, text);
	}

	List<String> grams(String text) {
		return terms(this.grams, text);
	}

	private static TokenStream meaningful(Tokenizer source, SynonymMap map, CharArraySet filler) {
		TokenStream stream = new WordsOnlyFilter(new LowerCaseFilter(source));
		if (map != null) {
			stream = new FlattenGraphFilter(new SynonymGraphFilter(stream, map, true));
		}
		return new StopFilter(stream, filler);
	}

	private static List<String> terms(Analyzer analyzer, String text) {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("f", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms;
	}

	/**
	 * Every word of a group maps to its group's first word as one token, however the segmenter cuts either (孩子他爸 →
	 * 爸爸妈妈); a term or a filler phrase the segmenter would cut is glued back (两 免 一 补 → 两免一补).
	 */
	private static SynonymMap synonymMap(FaqSynonyms synonyms) {
		Analyzer segmenter = new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String field) {
				Tokenizer source = new HMMChineseTokenizer();
				return new TokenStreamComponents(source, new WordsOnlyFilter(new LowerCaseFilter(source)));
			}
		};
		try (segmenter) {
			SynonymMap.Builder builder = new SynonymMap.Builder(true);
			int rules = 0;
			for (List<String> group : synonyms.groups()) {
				String canonical = group.get(0).toLowerCase(java.util.Locale.ROOT);
				for (String word : group) {
					rules += rule(builder, segmenter, word, canonical, word == group.get(0));
				}
			}
			for (String term : synonyms.terms()) {
				rules += rule(builder, segmenter, term, term.toLowerCase(java.util.Locale.ROOT), true);
			}
			for (String word : synonyms.filler()) {
				rules += rule(builder, segmenter, word, word.toLowerCase(java.util.Locale.ROOT), true);
			}
			return rules == 0 ? null : builder.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Adds "word → canonical" unless it is the canonical word the segmenter keeps whole anyway. */
	private static int rule(SynonymMap.Builder builder, Analyzer segmenter, String word, String canonical,
			boolean isCanonical) {
		List<String> tokens = terms(segmenter, word);
		if (tokens.isEmpty() || (isCanonical && tokens.size() == 1)) {
			return 0;
		}
		CharsRefBuilder input = new CharsRefBuilder();
		SynonymMap.Builder.join(tokens.toArray(String[]::new), input);
		builder.add(input.get(), new CharsRef(canonical), false);
		return 1;
	}

	/** Drops tokens with no letter or digit (punctuation, symbols, emoji). */
	static final class WordsOnlyFilter extends FilteringTokenFilter {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		WordsOnlyFilter(TokenStream input) {
			super(input);
		}

		@Override
		protected boolean accept() {
			for (int i = 0; i < this.term.length(); i++) {
				if (Character.isLetterOrDigit(this.term.charAt(i))) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * The characters of all incoming tokens run together, emitted as overlapping pairs; a single character alone.
	 * Pairs span word breaks on purpose: a segmenter that cuts a sentence differently still yields the same pairs.
	 */
	static final class JoinedBigramFilter extends TokenFilter {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

		private final StringBuilder chars = new StringBuilder();

		private boolean read;

		private int next;

		JoinedBigramFilter(TokenStream input) {
			super(input);
		}

		@Override
		public boolean incrementToken() throws IOException {
			if (!this.read) {
				while (this.input.incrementToken()) {
					this.chars.append(this.term);
				}
				this.read = true;
			}
			int length = this.chars.length();
			int width = Math.min(2, length);
			if (width == 0 || this.next + width > length) {
				return false;
			}
			clearAttributes();
			this.term.setEmpty().append(this.chars, this.next, this.next + width);
			this.offset.setOffset(this.next, this.next + width);
			this.next++;
			return true;
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			this.chars.setLength(0);
			this.read = false;
			this.next = 0;
		}

	}

}
