package org.qinqing.questions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * One FAQ content's in-memory Lucene index: a document per topic holding its title and ways of asking as words
 * ({@link FaqAnalysis#words}) and as character pairs ({@link FaqAnalysis#grams}), and its answer's words at a
 * lower weight. Topics are ranked by BM25.
 * <p>
 * The score a caller sees is BM25's, made comparable across questions: divided by the most the question could
 * score (each of its terms' weight: BM25 gives a term less than its idf, however often a topic repeats it), so
 * words the FAQ never uses pull it down; but a question is counted at least as heavy as a typical way of asking
 * listed in the FAQ (times {@code floor}), so two common words cannot be as sure as a full sentence; and scaled so
 * that the FAQ's own ways of asking score 1 at the median (capped at 1). Both references come from this content's
 * own asks, so a school's edited FAQ keeps the scale.
 * <p>
 * Immutable and thread-safe; built in some tens of milliseconds, so a school's edit rebuilds it cheaply.
 */
final class FaqIndex {

	static final String ID = "id";

	static final String WORDS = "words";

	static final String GRAMS = "grams";

	static final String ANSWER = "answer";

	/** Questions are matched on their first characters only: a long letter is not an FAQ question. */
	static final int MAX_CHARS = 200;

	private static final float K1 = 1.2f;

	private static final float B = 0.75f;

	/**
	 * @param threshold the first topic's score must reach this for the chat to answer
	 * @param margin and lead the second topic's by this much
	 * @param gramsWeight the character pairs' weight beside the words' (1)
	 * @param answerWeight the answer's words' weight
	 * @param floor a question weighs at least this many times the median weight of the FAQ's listed asks
	 */
	record Tuning(double threshold, double margin, double gramsWeight, double answerWeight, double floor) {
	}

	/** A question as terms, with the most it could score. */
	private record Prepared(Query query, double weight) {
	}

	private final FaqContent content;

	private final Tuning tuning;

	private final FaqAnalysis analysis;

	private final IndexSearcher searcher;

	private final int docCount;

	/** The least weight a question is counted with. */
	private final double minWeight;

	/** The median score of the FAQ's listed asks on their own topic, before scaling: what scores 1. */
	private final double scale;

	FaqIndex(FaqContent content, Tuning tuning) {
		this.content = content;
		this.tuning = tuning;
		this.analysis = new FaqAnalysis(content.synonyms());
		Analyzer analyzer = new PerFieldAnalyzerWrapper(this.analysis.wordsAnalyzer(),
				Map.of(GRAMS, this.analysis.gramsAnalyzer()));
		ByteBuffersDirectory directory = new ByteBuffersDirectory();
		IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity(K1, B))
			.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
		try (IndexWriter writer = new IndexWriter(directory, config)) {
			for (FaqTopic topic : content.topics()) {
				Document doc = new Document();
				doc.add(new StoredField(ID, topic.id()));
				List<String> questions = new ArrayList<>();
				questions.add(topic.title());
				questions.addAll(topic.asks());
				for (String question : questions) {
					doc.add(new TextField(WORDS, question, Field.Store.NO));
					doc.add(new TextField(GRAMS, question, Field.Store.NO));
				}
				doc.add(new TextField(ANSWER, topic.answer(), Field.Store.NO));
				writer.addDocument(doc);
			}
			// one segment (a few dozen documents fit the writer's buffer), read in place: no commit, no merge
			DirectoryReader reader = DirectoryReader.open(writer);
			this.searcher = new IndexSearcher(reader);
			this.searcher.setSimilarity(new BM25Similarity(K1, B));
			this.docCount = reader.numDocs();
			List<Prepared> asks = new ArrayList<>();
			List<Integer> askDocs = new ArrayList<>();
			for (int doc = 0; doc < this.docCount; doc++) {
				String id = this.searcher.storedFields().document(doc).get(ID);
				for (String ask : content.topic(id).orElseThrow().asks()) {
					Prepared prepared = prepare(ask);
					if (prepared != null) {
						asks.add(prepared);
						askDocs.add(doc);
					}
				}
			}
			this.minWeight = tuning.floor() * median(asks.stream().mapToDouble(Prepared::weight).toArray());
			this.scale = median(askScores(asks, askDocs));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	FaqContent content() {
		return this.content;
	}

	Tuning tuning() {
		return this.tuning;
	}

	FaqAnalysis analysis() {
		return this.analysis;
	}

	FaqMatch match(String text) {
		try {
			Prepared prepared = prepare(text);
			if (prepared == null) {
				return FaqMatch.none();
			}
			double reference = Math.max(prepared.weight(), this.minWeight) * this.scale;
			List<FaqMatch.Scored> scored = new ArrayList<>();
			for (ScoreDoc hit : this.searcher.search(prepared.query(), 3).scoreDocs) {
				double score = Math.min(1.0, hit.score / reference);
				String id = this.searcher.storedFields().document(hit.doc).get(ID);
				scored.add(new FaqMatch.Scored(id, Math.round(score * 1000) / 1000.0));
			}
			return new FaqMatch(answered(scored), scored);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Prepared prepare(String text) throws IOException {
		String question = text == null ? "" : text.strip();
		if (question.length() > MAX_CHARS) {
			question = question.substring(0, MAX_CHARS);
		}
		Set<String> words = new LinkedHashSet<>(this.analysis.words(question));
		Set<String> grams = new LinkedHashSet<>(this.analysis.grams(question));
		if (words.isEmpty() && grams.isEmpty()) {
			return null;
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		double weight = 0;
		for (String word : words) {
			query.add(new TermQuery(new Term(WORDS, word)), BooleanClause.Occur.SHOULD);
			weight += weight(WORDS, word);
			if (this.tuning.answerWeight() > 0) {
				query.add(boosted(ANSWER, word, this.tuning.answerWeight()), BooleanClause.Occur.SHOULD);
				weight += this.tuning.answerWeight() * weight(ANSWER, word);
			}
		}
		for (String gram : grams) {
			query.add(boosted(GRAMS, gram, this.tuning.gramsWeight()), BooleanClause.Occur.SHOULD);
			weight += this.tuning.gramsWeight() * weight(GRAMS, gram);
		}
		return new Prepared(query.build(), weight);
	}

	/** The confidence rule, on the rounded scores the caller sees. */
	private boolean answered(List<FaqMatch.Scored> scored) {
		if (scored.isEmpty()) {
			return false;
		}
		double first = scored.get(0).score();
		double second = scored.size() > 1 ? scored.get(1).score() : 0;
		return first >= this.tuning.threshold() && first - second >= this.tuning.margin() - 1e-9;
	}

	/** Each listed ask's score on its own topic, before scaling. */
	private double[] askScores(List<Prepared> asks, List<Integer> docs) throws IOException {
		double[] scores = new double[asks.size()];
		for (int i = 0; i < asks.size(); i++) {
			Prepared ask = asks.get(i);
			for (ScoreDoc hit : this.searcher.search(ask.query(), this.docCount).scoreDocs) {
				if (hit.doc == docs.get(i)) {
					scores[i] = hit.score / Math.max(ask.weight(), this.minWeight);
				}
			}
		}
		return scores;
	}

	private static double median(double[] values) {
		if (values.length == 0) {
			return 1;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		double median = sorted[sorted.length / 2];
		return median > 0 ? median : 1;
	}

	private static BoostQuery boosted(String field, String term, double weight) {
		return new BoostQuery(new TermQuery(new Term(field, term)), (float) weight);
	}

	/** A term's BM25 idf, as Lucene computes it: the most it can add to a topic's score. A term the FAQ never uses has the highest. */
	private double weight(String field, String term) throws IOException {
		long df = this.searcher.getIndexReader().docFreq(new Term(field, term));
		return Math.log(1 + (this.docCount - df + 0.5) / (df + 0.5));
	}

}
