package org.qinqing.talks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinqing.system.LuaScripts;
import org.qinqing.system.Pipelines;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * The record cards in Redis ({@link TalksKeys}): saved in one script that also marks the child talked to for the
 * month, so a month's compliance for a whole county is one read; read back in pipelines, never one per card.
 */
@Service
public class TalkCards {

	private static final RedisScript<String> SAVE = LuaScripts.load(String.class, "talks/save.lua");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final StringRedisTemplate redis;

	TalkCards(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * Saves a new card; returns it with its id. The store only: callers check the access rule first (as
	 * {@link TalkRecorder} does); public for the benchmark's seeding.
	 */
	public TalkCard save(String tenant, TalkCard card) {
		String id = this.redis.execute(SAVE, TalksKeys.forSaving(tenant, card.month(), card.childId()), write(card),
				card.childId(), card.teacherId(), String.valueOf(card.date().toEpochDay()));
		return card.withId(id);
	}

	/** Writes an edited card over the old one (same child, teacher and month: the indexes stay right). */
	void update(String tenant, TalkCard card) {
		TalkCard old = card(tenant, card.id()).orElseThrow();
		if (!old.month().equals(card.month()) || !old.childId().equals(card.childId())
				|| !old.teacherId().equals(card.teacherId())) {
			throw new IllegalArgumentException("A card keeps its child, teacher and month");
		}
		Pipelines.run(this.redis, ops -> {
			ops.opsForHash().put(TalksKeys.cards(tenant), card.id(), write(card));
			ops.opsForZSet().add(TalksKeys.monthCards(tenant, card.month()), card.id(), card.date().toEpochDay());
			ops.opsForZSet().add(TalksKeys.childCards(tenant, card.childId()), card.id(), card.date().toEpochDay());
		});
	}

	public Optional<TalkCard> card(String tenant, String id) {
		if (id == null || id.isBlank()) {
			return Optional.empty();
		}
		Object raw = this.redis.opsForHash().get(TalksKeys.cards(tenant), id);
		return raw == null ? Optional.empty() : Optional.of(read((String) raw));
	}

	/** Cards by id in one round trip, in the given order; missing ones left out. */
	List<TalkCard> cards(String tenant, Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Object> fields = new ArrayList<>(ids);
		List<Object> raws = this.redis.opsForHash().multiGet(TalksKeys.cards(tenant), fields);
		List<TalkCard> cards = new ArrayList<>();
		for (Object raw : raws) {
			if (raw != null) {
				cards.add(read((String) raw));
			}
		}
		return cards;
	}

	/** A month's cards, by day: two round trips. */
	List<TalkCard> ofMonth(String tenant, YearMonth month) {
		Set<String> ids = this.redis.opsForZSet().range(TalksKeys.monthCards(tenant, month), 0, -1);
		return cards(tenant, ids == null ? List.of() : ids);
	}

	/** A child's cards, newest first (at most 200): two round trips. */
	List<TalkCard> ofChild(String tenant, String childId) {
		Set<String> ids = this.redis.opsForZSet().reverseRange(TalksKeys.childCards(tenant, childId), 0, 199);
		return cards(tenant, ids == null ? List.of() : ids);
	}

	/** Who recorded a talk with each child in the month, by child id: one round trip for the whole tenant. */
	Map<String, Set<String>> talked(String tenant, YearMonth month) {
		Map<Object, Object> raw = this.redis.opsForHash().entries(TalksKeys.talked(tenant, month));
		Map<String, Set<String>> talked = new HashMap<>(raw.size() * 2);
		raw.forEach((child, by) -> talked.put((String) child, split((String) by)));
		return talked;
	}

	/** The same for some children only (one teacher's): one round trip. */
	Map<String, Set<String>> talked(String tenant, YearMonth month, Collection<String> childIds) {
		Map<String, Set<String>> talked = new HashMap<>();
		if (childIds.isEmpty()) {
			return talked;
		}
		List<Object> ids = new ArrayList<>(childIds);
		List<Object> raws = this.redis.opsForHash().multiGet(TalksKeys.talked(tenant, month), ids);
		for (int i = 0; i < ids.size(); i++) {
			if (raws.get(i) != null) {
				talked.put((String) ids.get(i), split((String) raws.get(i)));
			}
		}
		return talked;
	}

	/** Each child's latest card (by the talk's day), for these children: two round trips. */
	@SuppressWarnings("unchecked")
	Map<String, TalkCard> latest(String tenant, List<String> childIds, boolean sharedOnly) {
		Map<String, TalkCard> latest = new LinkedHashMap<>();
		if (childIds.isEmpty()) {
			return latest;
		}
		List<Object> results = Pipelines.run(this.redis, ops -> childIds
			.forEach(id -> ops.opsForZSet().reverseRange(TalksKeys.childCards(tenant, id), 0, 9)));
		Map<String, List<String>> idsByChild = new LinkedHashMap<>();
		Set<String> all = new LinkedHashSet<>();
		for (int i = 0; i < childIds.size(); i++) {
			List<String> ids = results.get(i) == null ? List.of() : new ArrayList<>((Set<String>) results.get(i));
			idsByChild.put(childIds.get(i), ids);
			all.addAll(ids);
		}
		Map<String, TalkCard> byId = new HashMap<>();
		cards(tenant, all).forEach(c -> byId.put(c.id(), c));
		idsByChild.forEach((child, ids) -> ids.stream()
			.map(byId::get)
			.filter(c -> c != null && (!sharedOnly || !c.secret()))
			.findFirst()
			.ifPresent(c -> latest.put(child, c)));
		return latest;
	}

	private static Set<String> split(String csv) {
		Set<String> ids = new LinkedHashSet<>();
		for (String id : csv.split(",")) {
			if (!id.isBlank()) {
				ids.add(id);
			}
		}
		return ids;
	}

	/** Times as ISO strings: Lua's cjson would write epoch milliseconds in a lossy float notation. */
	private static String write(TalkCard c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", c.id());
		m.put("child", c.childId());
		m.put("class", c.classId());
		m.put("teacher", c.teacherId());
		m.put("date", c.date().toString());
		m.put("mood", c.mood());
		m.put("topics", String.join(",", c.topics()));
		m.put("note", c.note());
		m.put("concern", c.concern());
		m.put("private", c.secret());
		m.put("savedBy", c.savedBy());
		m.put("savedAt", c.savedAt().toString());
		m.put("editedBy", c.editedBy());
		m.put("editedAt", c.editedAt() == null ? "" : c.editedAt().toString());
		return JSON.writeValueAsString(m);
	}

	@SuppressWarnings("unchecked")
	private static TalkCard read(String raw) {
		Map<String, Object> m = JSON.readValue(raw, Map.class);
		String topics = String.valueOf(m.getOrDefault("topics", ""));
		String edited = String.valueOf(m.getOrDefault("editedAt", ""));
		return new TalkCard(String.valueOf(m.get("id")), String.valueOf(m.get("child")), String.valueOf(m.get("class")),
				String.valueOf(m.get("teacher")), LocalDate.parse(String.valueOf(m.get("date"))),
				((Number) m.get("mood")).intValue(), topics.isEmpty() ? List.of() : List.of(topics.split(",")),
				String.valueOf(m.getOrDefault("note", "")), Boolean.TRUE.equals(m.get("concern")),
				Boolean.TRUE.equals(m.get("private")), String.valueOf(m.get("savedBy")),
				Instant.parse(String.valueOf(m.get("savedAt"))), String.valueOf(m.getOrDefault("editedBy", "")),
				edited.isEmpty() ? null : Instant.parse(edited));
	}

}
