package org.qinqing.questions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.qinqing.console.StaffUser;
import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Each school's FAQ: the shipped files ({@link ShippedFaq}) are the default, and a school's admins edit a topic's
 * title, ways of asking and answer in the console, hide a topic, or add topics of their own (e.g. from a teacher's
 * answer in the inbox). Every change is a new version of the topic, kept with who made it and when.
 * <p>
 * In Redis, per tenant: {@code faq:history:<id>} a list of JSON versions, oldest first; {@code faq:current} a hash
 * of each changed topic's current version (a topic without one is the file's); {@code faq:version} a counter
 * raised by every change. {@link #content} reads only that counter while nothing changed (one GET per question),
 * and the hash once after a change: the new content has a new fingerprint, so the matcher builds that school's
 * index once.
 */
@Service
public class FaqEdits implements FaqSource {

	/** An answer longer than this is refused, as in the files. */
	public static final int MAX_ANSWER = FaqFiles.MAX_ANSWER;

	public static final int MIN_ASKS = FaqFiles.MIN_ASKS;

	/** A title or a way of asking longer than this is refused. */
	public static final int MAX_LINE = 100;

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final int MAX_ID = 40;

	/** Appends a version if the history still has the length it was read with, sets or clears the current one. */
	private static final RedisScript<Long> WRITE = RedisScript.of("""
			if redis.call('LLEN', KEYS[1]) ~= tonumber(ARGV[1]) then return 0 end
			redis.call('RPUSH', KEYS[1], ARGV[3])
			if ARGV[4] == '1' then redis.call('HDEL', KEYS[2], ARGV[2]) else redis.call('HSET', KEYS[2], ARGV[2], ARGV[3]) end
			return redis.call('INCR', KEYS[3])
			""", Long.class);

	public enum Action {

		/** An admin changed it in the console. */
		EDIT,
		/** Back to an earlier version. */
		REVERT,
		/** Back to the file's text. */
		DEFAULT,
		/** No longer answered. */
		HIDE,
		/** A topic the school added. */
		NEW,
		/** A teacher's answer in the inbox was taken into it. */
		PROMOTE

	}

	/**
	 * One version of a topic.
	 *
	 * @param version 1, 2, ... per topic
	 * @param from the version it went back to ({@link Action#REVERT}), else 0
	 * @param by the staff username; {@code name} their display name then
	 * @param at epoch milliseconds
	 */
	public record Version(int version, Action action, int from, String by, String name, long at, String title,
			List<String> asks, String answer, boolean hidden) {

		public Version {
			asks = asks == null ? List.of() : List.copyOf(asks);
		}

		public Instant when() {
			return Instant.ofEpochMilli(this.at);
		}

	}

	/** What an admin typed: a title, the ways of asking (one a line in the form), the answer. */
	public record Draft(String title, List<String> asks, String answer) {

		public Draft {
			title = title == null ? "" : title.strip();
			asks = asks == null ? List.of()
					: asks.stream().map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
			answer = answer == null ? "" : answer.strip();
		}

		/** The ways of asking as a textarea holds them, one a line. */
		public static List<String> lines(String text) {
			return text == null ? List.of() : List.of(text.split("\\R"));
		}

	}

	/**
	 * What became of a change: done (the topic's id and new version), or the form's fields that are wrong, each with the
	 * message key saying why ({@code faq.edit.*}).
	 */
	public record Outcome(String id, int version, Map<String, String> errors) {

		public boolean done() {
			return this.errors.isEmpty();
		}

		static Outcome refused(Map<String, String> errors) {
			return new Outcome("", 0, Map.copyOf(errors));
		}

	}

	private record Cached(String version, FaqContent content) {
	}

	private final StringRedisTemplate redis;

	private final FaqContent shipped;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	FaqEdits(StringRedisTemplate redis, QuestionsProperties properties) {
		this.redis = redis;
		this.shipped = new ShippedFaq(properties).shipped();
	}

	@Override
	public FaqContent shipped() {
		return this.shipped;
	}

	/** The shipped FAQ with the school's changes; one GET while nothing changed since the last call. */
	@Override
	public FaqContent content(String tenant) {
		String version = this.redis.opsForValue().get(versionKey(tenant));
		if (version == null) {
			return this.shipped;
		}
		Cached cached = this.cache.get(tenant);
		if (cached != null && cached.version().equals(version)) {
			return cached.content();
		}
		// the counter was read first: a change racing this read makes the next call read again
		FaqContent content = overlay(current(tenant));
		this.cache.put(tenant, new Cached(version, content));
		return content;
	}

	/** Each changed topic's current version, by id (a topic not here is the file's). */
	public Map<String, Version> current(String tenant) {
		Map<String, Version> current = new TreeMap<>();
		this.redis.opsForHash()
			.entries(currentKey(tenant))
			.forEach((id, raw) -> current.put(String.valueOf(id), read(String.valueOf(raw))));
		return current;
	}

	/** A topic's versions, oldest first; empty while it is the file's. */
	public List<Version> history(String tenant, String id) {
		List<String> raw = this.redis.opsForList().range(historyKey(tenant, id), 0, -1);
		return raw == null ? List.of() : raw.stream().map(this::read).toList();
	}

	/** The topic as the school has it now, hidden ones included; empty for an id the school never had. */
	public Optional<FaqTopic> topic(String tenant, String id) {
		Version version = current(tenant).get(id);
		Optional<FaqTopic> file = this.shipped.topic(id);
		if (version == null) {
			return file;
		}
		return Optional.of(topic(id, version, file.orElse(null)));
	}

	public boolean isShipped(String id) {
		return this.shipped.topic(id).isPresent();
	}

	/** Wrong fields of a draft, each with its message key; {@code asks} at least {@link #MIN_ASKS}. */
	public static Map<String, String> check(Draft draft) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (draft.title().isEmpty()) {
			errors.put("title", "faq.edit.title.empty");
		}
		else if (length(draft.title()) > MAX_LINE) {
			errors.put("title", "faq.edit.title.tooLong");
		}
		if (draft.asks().size() < MIN_ASKS) {
			errors.put("asks", "faq.edit.asks.tooFew");
		}
		else if (draft.asks().stream().anyMatch(a -> length(a) > MAX_LINE)) {
			errors.put("asks", "faq.edit.asks.tooLong");
		}
		if (draft.answer().isEmpty()) {
			errors.put("answer", "faq.edit.answer.empty");
		}
		else if (length(draft.answer()) > MAX_ANSWER) {
			errors.put("answer", "faq.edit.answer.tooLong");
		}
		return errors;
	}

	/** A topic's new text (an existing topic: the file's or the school's own). */
	public Outcome edit(String tenant, StaffUser by, String id, Draft draft) {
		return edit(tenant, by, id, draft, Action.EDIT);
	}

	/**
	 * A question asked in the inbox becomes a way of asking an existing topic, and the teacher's answer its answer
	 * when {@code answer} is given.
	 */
	public Outcome promote(String tenant, StaffUser by, String id, String ask, Optional<String> answer) {
		FaqTopic topic = topic(tenant, id).orElse(null);
		if (topic == null) {
			return Outcome.refused(Map.of("topic", "faq.edit.topic.unknown"));
		}
		List<String> asks = new ArrayList<>(topic.asks());
		asks.add(ask);
		return edit(tenant, by, id, new Draft(topic.title(), asks, answer.orElse(topic.answer())), Action.PROMOTE);
	}

	private Outcome edit(String tenant, StaffUser by, String id, Draft draft, Action action) {
		if (topic(tenant, id).isEmpty()) {
			return Outcome.refused(Map.of("topic", "faq.edit.topic.unknown"));
		}
		Map<String, String> errors = check(draft);
		if (!errors.isEmpty()) {
			return Outcome.refused(errors);
		}
		return write(tenant, by, id, action, 0, draft, false);
	}

	/**
	 * A topic of the school's own; {@code id} may be empty (then one is made: {@code school-1}, ...). The action is
	 * {@link Action#NEW} or {@link Action#PROMOTE}.
	 */
	public Outcome create(String tenant, StaffUser by, String id, Draft draft, boolean promoted) {
		Map<String, String> errors = new LinkedHashMap<>();
		String slug = id == null ? "" : id.strip().toLowerCase(java.util.Locale.ROOT);
		Set<String> taken = new HashSet<>(current(tenant).keySet());
		this.shipped.topics().forEach(t -> taken.add(t.id()));
		if (slug.isEmpty()) {
			int n = 1;
			while (taken.contains("school-" + n)) {
				n++;
			}
			slug = "school-" + n;
		}
		else if (!ID.matcher(slug).matches() || slug.length() > MAX_ID) {
			errors.put("id", "faq.edit.id.bad");
		}
		else if (taken.contains(slug)) {
			errors.put("id", "faq.edit.id.used");
		}
		errors.putAll(check(draft));
		if (!errors.isEmpty()) {
			return Outcome.refused(errors);
		}
		return write(tenant, by, slug, promoted ? Action.PROMOTE : Action.NEW, 0, draft, false);
	}

	/** Back to version {@code version} of the history, or to the file's text with 0; false if there is none. */
	public boolean revert(String tenant, StaffUser by, String id, int version) {
		List<Version> history = history(tenant, id);
		if (version == 0) {
			FaqTopic file = this.shipped.topic(id).orElse(null);
			if (file == null) {
				return false;
			}
			return write(tenant, by, id, Action.DEFAULT, 0, new Draft(file.title(), file.asks(), file.answer()),
					false).done();
		}
		if (version < 1 || version > history.size()) {
			return false;
		}
		Version earlier = history.get(version - 1);
		return write(tenant, by, id, Action.REVERT, version, new Draft(earlier.title(), earlier.asks(), earlier.answer()),
				earlier.hidden()).done();
	}

	/** The chat no longer answers this topic (until it is edited or reverted). */
	public boolean hide(String tenant, StaffUser by, String id) {
		FaqTopic topic = topic(tenant, id).orElse(null);
		if (topic == null) {
			return false;
		}
		return write(tenant, by, id, Action.HIDE, 0, new Draft(topic.title(), topic.asks(), topic.answer()), true).done();
	}

	private Outcome write(String tenant, StaffUser by, String id, Action action, int from, Draft draft, boolean hidden) {
		for (int attempt = 0; attempt < 5; attempt++) {
			long length = size(tenant, id);
			int number = (int) length + 1;
			Version version = new Version(number, action, from, by.username(), by.displayName(),
					System.currentTimeMillis(), draft.title(), draft.asks(), draft.answer(), hidden);
			Long done = this.redis.execute(WRITE, List.of(historyKey(tenant, id), currentKey(tenant), versionKey(tenant)),
					String.valueOf(length), id, this.json.writeValueAsString(version),
					action == Action.DEFAULT ? "1" : "0");
			if (done != null && done != 0) {
				return new Outcome(id, number, Map.of());
			}
		}
		return Outcome.refused(Map.of("topic", "faq.edit.busy"));
	}

	private long size(String tenant, String id) {
		Long size = this.redis.opsForList().size(historyKey(tenant, id));
		return size == null ? 0 : size;
	}

	private FaqContent overlay(Map<String, Version> current) {
		List<FaqTopic> topics = new ArrayList<>();
		for (FaqTopic file : this.shipped.topics()) {
			Version version = current.get(file.id());
			if (version == null) {
				topics.add(file);
			}
			else if (!version.hidden()) {
				topics.add(topic(file.id(), version, file));
			}
		}
		current.forEach((id, version) -> {
			if (this.shipped.topic(id).isEmpty() && !version.hidden()) {
				topics.add(topic(id, version, null));
			}
		});
		return new FaqContent(topics, this.shipped.synonyms());
	}

	private static FaqTopic topic(String id, Version version, FaqTopic file) {
		return new FaqTopic(id, version.title(), version.asks(), version.answer(), file == null ? null : file.link(),
				file == null ? "" : file.file());
	}

	private Version read(String raw) {
		return this.json.readValue(raw, Version.class);
	}

	private static int length(String text) {
		return text.codePointCount(0, text.length());
	}

	static String versionKey(String tenant) {
		return RedisKeys.of(tenant, "faq:version");
	}

	static String currentKey(String tenant) {
		return RedisKeys.of(tenant, "faq:current");
	}

	static String historyKey(String tenant, String id) {
		return RedisKeys.of(tenant, "faq:history", id);
	}

}
