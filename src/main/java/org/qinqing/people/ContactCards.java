package org.qinqing.people;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.qinqing.system.Pipelines;
import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.HashOperations;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Contact cards (联系卡), one per child, with every change kept as history (who, what, when), and
 * the archive rate (建档率) computed from them rather than typed in.
 */
@Service
public class ContactCards {

	/** One changed field; values are kept so a wrong edit can be put right. */
	public record Change(long at, String by, String field, String before, String after) {
	}

	/** Complete cards among left-behind children. */
	public record ArchiveRate(int complete, int leftBehind) {

		public double percent() {
			return this.leftBehind == 0 ? 100.0 : 100.0 * this.complete / this.leftBehind;
		}

	}

	private final StringRedisTemplate redis;

	private final SchoolRecords records;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	ContactCards(StringRedisTemplate redis, SchoolRecords records, Clock clock) {
		this.redis = redis;
		this.records = records;
		this.clock = clock;
	}

	public Map<CardField, String> card(String tenant, String childId) {
		HashOperations<String, String, String> hashes = this.redis.opsForHash();
		return fields(hashes.entries(cardKey(tenant, childId)));
	}

	/** The cards of these children, by child id, in one round trip. */
	@SuppressWarnings("unchecked")
	public Map<String, Map<CardField, String>> cards(String tenant, Collection<String> childIds) {
		List<String> ids = childIds.stream().distinct().toList();
		List<Object> raw = Pipelines.run(this.redis, ops -> ids.forEach(id -> ops.opsForHash().entries(cardKey(tenant, id))));
		Map<String, Map<CardField, String>> cards = new LinkedHashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			cards.put(ids.get(i), fields(raw.get(i) == null ? Map.of() : (Map<String, String>) raw.get(i)));
		}
		return cards;
	}

	private static Map<CardField, String> fields(Map<String, String> hash) {
		Map<CardField, String> card = new EnumMap<>(CardField.class);
		hash.forEach((key, value) -> {
			if (!key.startsWith("_")) {
				card.put(CardField.ofKey(key), value);
			}
		});
		return card;
	}

	/** Writes the changed fields and one history entry per field that really changed. */
	public List<Change> update(String tenant, String childId, Map<CardField, String> changes, String by) {
		return updateAll(tenant, Map.of(childId, changes), by).getOrDefault(childId, List.of());
	}

	/**
	 * Writes the changed fields of many cards with one history entry per field that really changed, in two
	 * round trips (the cards as they are, then every write); by child id, the changes made.
	 */
	public Map<String, List<Change>> updateAll(String tenant, Map<String, Map<CardField, String>> changesByChild, String by) {
		Map<String, Map<CardField, String>> before = changesByChild.size() == 1
				? Map.of(changesByChild.keySet().iterator().next(), card(tenant, changesByChild.keySet().iterator().next()))
				: cards(tenant, changesByChild.keySet());
		long now = this.clock.millis();
		Map<String, List<Change>> changed = new LinkedHashMap<>();
		changesByChild.forEach((childId, changes) -> {
			Map<CardField, String> card = before.getOrDefault(childId, Map.of());
			List<Change> list = new ArrayList<>();
			for (Map.Entry<CardField, String> entry : changes.entrySet()) {
				String value = entry.getValue() == null ? "" : entry.getValue().strip();
				String old = card.getOrDefault(entry.getKey(), "");
				if (!Objects.equals(old, value)) {
					list.add(new Change(now, by, entry.getKey().key(), old, value));
				}
			}
			if (!list.isEmpty()) {
				changed.put(childId, list);
			}
		});
		if (changed.isEmpty()) {
			return changed;
		}
		Pipelines.run(this.redis, ops -> changed.forEach((childId, list) -> {
			String key = cardKey(tenant, childId);
			for (Change change : list) {
				if (change.after().isEmpty()) {
					ops.opsForHash().delete(key, change.field());
				}
				else {
					ops.opsForHash().put(key, change.field(), change.after());
				}
				ops.opsForList().rightPush(historyKey(tenant, childId), this.json.writeValueAsString(change));
			}
			ops.opsForHash().putAll(key, Map.of("_changedAt", String.valueOf(now), "_changedBy", by));
		}));
		return changed;
	}

	public List<Change> history(String tenant, String childId) {
		List<String> raw = this.redis.opsForList().range(historyKey(tenant, childId), 0, -1);
		List<Change> changes = new ArrayList<>();
		for (String item : raw == null ? List.<String>of() : raw) {
			changes.add(this.json.readValue(item, Change.class));
		}
		return changes;
	}

	/** Required fields still empty on a child's card; empty when the card is complete. */
	public List<CardField> missing(String tenant, Child child) {
		return missing(child, card(tenant, child.id()));
	}

	/** Required fields still empty on this card of the child's. */
	public static List<CardField> missing(Child child, Map<CardField, String> card) {
		return CardField.requiredFor(child.leftBehind())
			.stream()
			.filter(field -> card.getOrDefault(field, "").isBlank())
			.toList();
	}

	/** The archive rate of every class in one pass over the children, by class id. */
	public Map<String, ArchiveRate> archiveRatesByClass(String tenant) {
		Map<String, int[]> counts = new java.util.HashMap<>();
		List<Child> leftBehind = this.records.children(tenant, this.records.ids(tenant, "child"))
			.values()
			.stream()
			.filter(child -> child.leftBehind().isLeftBehind())
			.toList();
		Map<String, Map<CardField, String>> cards = cards(tenant, leftBehind.stream().map(Child::id).toList());
		for (Child child : leftBehind) {
			int[] count = counts.computeIfAbsent(child.classId(), k -> new int[2]);
			count[1]++;
			if (missing(child, cards.get(child.id())).isEmpty()) {
				count[0]++;
			}
		}
		Map<String, ArchiveRate> rates = new java.util.HashMap<>();
		counts.forEach((classId, count) -> rates.put(classId, new ArchiveRate(count[0], count[1])));
		return rates;
	}

	/** The archive rate of a class, or of the whole school when {@code classId} is null. */
	public ArchiveRate archiveRate(String tenant, String classId) {
		Map<String, ArchiveRate> byClass = archiveRatesByClass(tenant);
		if (classId != null) {
			return byClass.getOrDefault(classId, new ArchiveRate(0, 0));
		}
		return new ArchiveRate(byClass.values().stream().mapToInt(ArchiveRate::complete).sum(),
				byClass.values().stream().mapToInt(ArchiveRate::leftBehind).sum());
	}

	private static String cardKey(String tenant, String childId) {
		return RedisKeys.of(tenant, "card", childId);
	}

	private static String historyKey(String tenant, String childId) {
		return RedisKeys.of(tenant, "card-history", childId);
	}

}
