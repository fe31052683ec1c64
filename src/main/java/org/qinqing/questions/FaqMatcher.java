package org.qinqing.questions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Matches a guardian's question to the FAQ of their school. {@link #match} gives the three best topics with
 * scores from 0 to 1 and whether the chat would answer: the best score reaches {@code qinqing.questions.threshold}
 * and leads the second by {@code qinqing.questions.margin}. {@link #reply} is that answer, present exactly when
 * {@code answered} is true; otherwise the question is for a person.
 * <p>
 * One index per FAQ content (by its fingerprint), built on first use and kept for the most recent contents, so
 * schools with the shipped FAQ share one and a school's edit costs one rebuild of a few milliseconds.
 */
@Component
public class FaqMatcher {

	private static final Logger log = LoggerFactory.getLogger(FaqMatcher.class);

	private static final int CACHED_CONTENTS = 64;

	/** Character pairs count half as much as words: they catch typos and other word breaks, words carry meaning. */
	private static final double GRAMS_WEIGHT = 0.5;

	/** An answer's words count a fifth as much as the ways of asking: they help, but an answer says more than it is asked. */
	private static final double ANSWER_WEIGHT = 0.2;

	/** A question counts at least twice as heavy as a typical listed ask, so two common words are never sure. */
	private static final double FLOOR = 2.0;

	private final FaqSource source;

	private final QuestionsProperties properties;

	private final Map<String, FaqIndex> indexes = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, FaqIndex> eldest) {
			return size() > CACHED_CONTENTS;
		}
	};

	public FaqMatcher(FaqSource source, QuestionsProperties properties) {
		this.source = source;
		this.properties = properties;
		// the segmenter's dictionaries load with the first index: at start, not with the first question
		long start = System.nanoTime();
		index(source.shipped());
		log.info("FAQ matcher ready: {} topics, index built in {} ms", source.shipped().topics().size(),
				(System.nanoTime() - start) / 1_000_000);
	}

	public FaqMatch match(String tenant, String text) {
		return index(this.source.content(tenant)).match(text);
	}

	/** The topic whose answer the chat sends for this question, or empty when it is one for a person. */
	public Optional<FaqTopic> reply(String tenant, String text) {
		FaqContent content = this.source.content(tenant);
		FaqMatch match = index(content).match(text);
		return match.answered() ? content.topic(match.matches().get(0).id()) : Optional.empty();
	}

	public Optional<FaqTopic> topic(String tenant, String id) {
		return this.source.content(tenant).topic(id);
	}

	public FaqContent content(String tenant) {
		return this.source.content(tenant);
	}

	public double threshold() {
		return this.properties.threshold();
	}

	public double margin() {
		return this.properties.margin();
	}

	FaqIndex index(FaqContent content) {
		synchronized (this.indexes) {
			FaqIndex index = this.indexes.get(content.fingerprint());
			if (index != null) {
				return index;
			}
		}
		// built outside the lock: other schools' questions are not held up by one school's rebuild
		FaqIndex built = new FaqIndex(content, tuning(this.properties));
		synchronized (this.indexes) {
			FaqIndex raced = this.indexes.putIfAbsent(content.fingerprint(), built);
			return raced != null ? raced : built;
		}
	}

	static FaqIndex.Tuning tuning(QuestionsProperties properties) {
		return new FaqIndex.Tuning(properties.threshold(), properties.margin(), GRAMS_WEIGHT, ANSWER_WEIGHT, FLOOR);
	}

}
