package org.qinqing.questions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One FAQ: its topics and the synonyms its matcher uses, immutable. A school's own edits ({@link FaqEdits}) make a new
 * content; the matcher keeps one index per content, found by {@link #fingerprint()}, so an edit rebuilds only
 * that tenant's index and tenants with the same content share one.
 */
public final class FaqContent {

	private final List<FaqTopic> topics;

	private final Map<String, FaqTopic> byId = new LinkedHashMap<>();

	private final FaqSynonyms synonyms;

	private final String fingerprint;

	public FaqContent(List<FaqTopic> topics, FaqSynonyms synonyms) {
		this.topics = List.copyOf(topics);
		this.synonyms = synonyms;
		for (FaqTopic topic : this.topics) {
			if (this.byId.putIfAbsent(topic.id(), topic) != null) {
				throw new IllegalArgumentException("FAQ id '" + topic.id() + "' is used twice");
			}
		}
		this.fingerprint = digest(this.topics, synonyms);
	}

	public List<FaqTopic> topics() {
		return this.topics;
	}

	public Optional<FaqTopic> topic(String id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	public FaqSynonyms synonyms() {
		return this.synonyms;
	}

	/** A digest of everything the index is built from. */
	public String fingerprint() {
		return this.fingerprint;
	}

	private static String digest(List<FaqTopic> topics, FaqSynonyms synonyms) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (FaqTopic topic : topics) {
				update(sha, topic.id());
				update(sha, topic.title());
				topic.asks().forEach(ask -> update(sha, ask));
				update(sha, topic.answer());
				update(sha, String.valueOf(topic.link()));
			}
			synonyms.groups().forEach(group -> group.forEach(word -> update(sha, "s:" + word)));
			synonyms.terms().forEach(term -> update(sha, "t:" + term));
			synonyms.filler().forEach(word -> update(sha, "f:" + word));
			return HexFormat.of().formatHex(sha.digest(), 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void update(MessageDigest sha, String text) {
		sha.update(text.getBytes(StandardCharsets.UTF_8));
		sha.update((byte) 0);
	}

}
