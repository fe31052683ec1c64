package org.qinqing.questions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and checks the FAQ files: {@code bot-scripts/faq/*.yaml} (a {@code topics} list each) and
 * {@code bot-scripts/faq-synonyms.yaml}. Anything wrong stops the start with a {@link FaqFileException} that names
 * the file, the topic and the field, as {@code system.BotScripts} does for missing wording.
 */
public final class FaqFiles {

	public static final String TOPICS = "classpath*:bot-scripts/faq/*.yaml";

	public static final String SYNONYMS = "classpath*:bot-scripts/faq-synonyms.yaml";

	/** At least this many ways of asking per topic. */
	public static final int MIN_ASKS = 3;

	/** An answer longer than this is refused (aim for 120: one short WeChat message a grandparent reads). */
	public static final int MAX_ANSWER = 300;

	private static final Set<String> TOPIC_FIELDS = Set.of("id", "title", "asks", "answer", "link");

	private static final Set<String> SYNONYM_FIELDS = Set.of("same", "terms", "filler");

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private FaqFiles() {
	}

	/** The shipped FAQ. */
	public static FaqContent load() {
		return load(TOPICS, SYNONYMS);
	}

	/** The FAQ from the files matching {@code topicsPattern} and the synonyms file matching {@code synonymsPattern}. */
	public static FaqContent load(String topicsPattern, String synonymsPattern) {
		List<FaqTopic> topics = new ArrayList<>();
		Resource[] topicFiles = resources(topicsPattern);
		if (topicFiles.length == 0) {
			throw new FaqFileException(topicsPattern + ": no FAQ file found");
		}
		for (Resource resource : topicFiles) {
			try (InputStream in = resource.getInputStream()) {
				topics.addAll(topics(name(resource), in));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read " + name(resource), ex);
			}
		}
		FaqSynonyms synonyms = FaqSynonyms.none();
		Resource[] synonymFiles = resources(synonymsPattern);
		if (synonymFiles.length == 0) {
			throw new FaqFileException(synonymsPattern + ": the FAQ's synonyms file is missing");
		}
		try (InputStream in = synonymFiles[0].getInputStream()) {
			synonyms = synonyms(name(synonymFiles[0]), in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + name(synonymFiles[0]), ex);
		}
		return content(topics, synonyms);
	}

	/** Checks what holds across files: every id once. */
	public static FaqContent content(List<FaqTopic> topics, FaqSynonyms synonyms) {
		Map<String, FaqTopic> seen = new HashMap<>();
		for (FaqTopic topic : topics) {
			FaqTopic earlier = seen.putIfAbsent(topic.id(), topic);
			if (earlier != null) {
				throw new FaqFileException(topic.file() + ": topic '" + topic.id() + "': field 'id' is already used in "
						+ earlier.file());
			}
		}
		return new FaqContent(topics, synonyms);
	}

	/** One topics file; {@code file} names it in errors (e.g. {@code bot-scripts/faq/school-days.yaml}). */
	public static List<FaqTopic> topics(String file, InputStream in) {
		Object root = yaml(file, in);
		if (!(root instanceof Map<?, ?> map) || !(map.get("topics") instanceof List<?> list)) {
			throw new FaqFileException(file + ": field 'topics' is missing: the file must hold a 'topics' list");
		}
		for (Object key : map.keySet()) {
			if (!"topics".equals(key)) {
				throw new FaqFileException(file + ": unknown field '" + key + "' (only 'topics')");
			}
		}
		List<FaqTopic> topics = new ArrayList<>();
		Set<String> ids = new java.util.HashSet<>();
		for (int i = 0; i < list.size(); i++) {
			FaqTopic topic = topic(file, i, list.get(i));
			if (!ids.add(topic.id())) {
				throw new FaqFileException(file + ": topic '" + topic.id() + "': field 'id' is used twice in this file");
			}
			topics.add(topic);
		}
		return topics;
	}

	private static FaqTopic topic(String file, int index, Object raw) {
		String where = file + ": topics[" + index + "]";
		if (!(raw instanceof Map<?, ?> map)) {
			throw new FaqFileException(where + ": a topic must have the fields id, title, asks, answer");
		}
		String id = string(map, "id");
		if (id == null || id.isEmpty()) {
			throw new FaqFileException(where + ": field 'id' is missing");
		}
		if (!ID.matcher(id).matches()) {
			throw new FaqFileException(where + ": field 'id' must be lower-case English words joined by '-', not '"
					+ id + "'");
		}
		where = file + ": topic '" + id + "'";
		for (Object key : map.keySet()) {
			if (!TOPIC_FIELDS.contains(String.valueOf(key))) {
				throw new FaqFileException(where + ": unknown field '" + key + "' (fields: id, title, asks, answer, link)");
			}
		}
		String title = string(map, "title");
		if (title == null || title.isEmpty()) {
			throw new FaqFileException(where + ": field 'title' is missing or empty");
		}
		if (!(map.get("asks") instanceof List<?> rawAsks)) {
			throw new FaqFileException(where + ": field 'asks' is missing: list at least " + MIN_ASKS + " ways of asking");
		}
		List<String> asks = new ArrayList<>();
		for (Object ask : rawAsks) {
			String text = ask == null ? "" : String.valueOf(ask).strip();
			if (text.isEmpty()) {
				throw new FaqFileException(where + ": field 'asks' has an empty entry");
			}
			asks.add(text);
		}
		if (asks.size() < MIN_ASKS) {
			throw new FaqFileException(where + ": field 'asks' needs at least " + MIN_ASKS + " ways of asking, has "
					+ asks.size());
		}
		String answer = string(map, "answer");
		if (answer == null || answer.isEmpty()) {
			throw new FaqFileException(where + ": field 'answer' is missing or empty");
		}
		if (answer.length() > MAX_ANSWER) {
			throw new FaqFileException(where + ": field 'answer' has " + answer.length() + " characters, at most "
					+ MAX_ANSWER);
		}
		String link = string(map, "link");
		if (link != null && !link.matches("https?://\\S+")) {
			throw new FaqFileException(where + ": field 'link' must be a web address (http:// or https://)");
		}
		return new FaqTopic(id, title, asks, answer, link == null || link.isEmpty() ? null : link, file);
	}

	/** The synonyms file; {@code file} names it in errors. */
	public static FaqSynonyms synonyms(String file, InputStream in) {
		Object root = yaml(file, in);
		if (!(root instanceof Map<?, ?> map)) {
			throw new FaqFileException(file + ": field 'same' is missing: the file must hold 'same', 'terms', 'filler'");
		}
		for (Object key : map.keySet()) {
			if (!SYNONYM_FIELDS.contains(String.valueOf(key))) {
				throw new FaqFileException(file + ": unknown field '" + key + "' (fields: same, terms, filler)");
			}
		}
		List<List<String>> groups = new ArrayList<>();
		Map<String, Integer> groupOf = new HashMap<>();
		List<?> same = list(file, map, "same");
		for (int i = 0; i < same.size(); i++) {
			String where = file + ": field 'same[" + i + "]'";
			if (!(same.get(i) instanceof List<?> rawGroup)) {
				throw new FaqFileException(where + " must be a list of words, e.g. [孩子, 娃]");
			}
			List<String> group = new ArrayList<>();
			for (Object word : rawGroup) {
				String text = word == null ? "" : String.valueOf(word).strip();
				if (text.isEmpty()) {
					throw new FaqFileException(where + " has an empty word");
				}
				Integer earlier = groupOf.putIfAbsent(text, i);
				if (earlier != null) {
					throw new FaqFileException(where + ": the word '" + text + "' is already in same[" + earlier + "]");
				}
				group.add(text);
			}
			if (group.size() < 2) {
				throw new FaqFileException(where + " needs at least two words");
			}
			groups.add(group);
		}
		List<String> terms = words(file, map, "terms");
		for (String term : terms) {
			if (groupOf.containsKey(term)) {
				throw new FaqFileException(file + ": field 'terms': '" + term + "' is already in same["
						+ groupOf.get(term) + "]");
			}
		}
		return new FaqSynonyms(groups, terms, words(file, map, "filler"));
	}

	private static List<?> list(String file, Map<?, ?> map, String field) {
		Object value = map.get(field);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw new FaqFileException(file + ": field '" + field + "' must be a list");
		}
		return list;
	}

	private static List<String> words(String file, Map<?, ?> map, String field) {
		List<String> words = new ArrayList<>();
		for (Object word : list(file, map, field)) {
			String text = word == null ? "" : String.valueOf(word).strip();
			if (text.isEmpty()) {
				throw new FaqFileException(file + ": field '" + field + "' has an empty word");
			}
			words.add(text);
		}
		return words;
	}

	private static Object yaml(String file, InputStream in) {
		try {
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (YAMLException ex) {
			throw new FaqFileException(file + ": not valid YAML: " + ex.getMessage().lines().findFirst().orElse(""));
		}
	}

	private static String string(Map<?, ?> map, String field) {
		Object value = map.get(field);
		return value == null ? null : String.valueOf(value).strip();
	}

	private static Resource[] resources(String pattern) {
		try {
			Resource[] found = new PathMatchingResourcePatternResolver().getResources(pattern);
			Arrays.sort(found, Comparator.comparing(FaqFiles::name));
			return found;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + pattern, ex);
		}
	}

	/** A resource's path from {@code bot-scripts/} (or from the classpath root), as an editor finds it. */
	static String name(Resource resource) {
		try {
			String url = resource.getURL().toString();
			int root = url.lastIndexOf("bot-scripts/");
			if (root >= 0) {
				return url.substring(root);
			}
			for (String marker : new String[] { "/test-classes/", "/classes/", "!/" }) {
				int at = url.lastIndexOf(marker);
				if (at >= 0) {
					return url.substring(at + marker.length());
				}
			}
			return String.valueOf(resource.getFilename());
		}
		catch (IOException ex) {
			return String.valueOf(resource.getFilename());
		}
	}

	/** A FAQ file is wrong; the message names the file, the topic and the field. */
	public static final class FaqFileException extends IllegalStateException {

		FaqFileException(String message) {
			super(message);
		}

	}

}
