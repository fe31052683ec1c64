package org.qinqing.parenting.push;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinqing.system.LuaScripts;
import org.qinqing.system.Pipelines;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The weekly push's Redis side: a week's snapshot of its audience (a list, taken once), its cursor and figures (a
 * hash; the cursor moves only with {@code parenting/push/advance.lua}, which counts a batch once), and the weeks
 * pushed, for the console's history.
 */
@Component
class PushStore {

	/** A week's figures are kept this long; its audience list only until the push is finished. */
	private static final Duration KEEP = Duration.ofDays(400);

	/** Ids pushed in one command while taking a snapshot. */
	private static final int CHUNK = 1000;

	private static final RedisScript<Long> ADVANCE = LuaScripts.load(Long.class, "parenting/push/advance.lua");

	private final StringRedisTemplate redis;

	private final JsonMapper json = JsonMapper.builder().build();

	PushStore(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * Takes the week's audience: the list is written first and the size last, so a crash half way leaves no size
	 * and the next run takes it again. Two round trips for any audience.
	 */
	void snapshot(String tenant, LocalDate week, List<String> audience, PushPlan plan, Instant at) {
		String list = PushKeys.audience(tenant, week);
		String hash = PushKeys.week(tenant, week);
		Pipelines.run(this.redis, ops -> {
			ops.delete(list);
			for (int from = 0; from < audience.size(); from += CHUNK) {
				ops.opsForList().rightPushAll(list, audience.subList(from, Math.min(audience.size(), from + CHUNK)));
			}
			ops.expire(list, KEEP);
		});
		Pipelines.run(this.redis, ops -> {
			ops.opsForHash().putAll(hash, Map.of("cursor", "0", "startedAt", String.valueOf(at.toEpochMilli()), "plan",
					writePlan(plan)));
			ops.opsForHash().put(hash, "audience", String.valueOf(audience.size()));
			ops.expire(hash, KEEP);
			ops.opsForZSet().add(PushKeys.weeks(tenant), week.toString(), week.toEpochDay());
		});
	}

	Optional<WeekPush> week(String tenant, LocalDate week) {
		Map<Object, Object> hash = this.redis.opsForHash().entries(PushKeys.week(tenant, week));
		return hash.isEmpty() ? Optional.empty() : Optional.of(read(week, hash));
	}

	/** The latest weeks pushed, newest first: one range and one pipeline. */
	List<WeekPush> latest(String tenant, int limit) {
		Set<String> weeks = this.redis.opsForZSet().reverseRange(PushKeys.weeks(tenant), 0, limit - 1L);
		if (weeks == null || weeks.isEmpty()) {
			return List.of();
		}
		List<LocalDate> dates = weeks.stream().map(LocalDate::parse).toList();
		List<Object> hashes = Pipelines.run(this.redis,
				ops -> dates.forEach(date -> ops.opsForHash().entries(PushKeys.week(tenant, date))));
		List<WeekPush> found = new ArrayList<>();
		for (int i = 0; i < dates.size(); i++) {
			Map<?, ?> hash = (Map<?, ?>) hashes.get(i);
			if (hash != null && !hash.isEmpty()) {
				found.add(read(dates.get(i), hash));
			}
		}
		return found;
	}

	List<String> audience(String tenant, LocalDate week, int from, int count) {
		List<String> ids = this.redis.opsForList().range(PushKeys.audience(tenant, week), from, from + count - 1L);
		return ids == null ? List.of() : ids;
	}

	/** Moves the cursor from {@code from} to {@code to} and counts the batch; false when it had moved already. */
	boolean advance(String tenant, LocalDate week, int from, int to, int queued, int reached, int unreachable,
			int noLesson, LocalDate day) {
		Long moved = this.redis.execute(ADVANCE, List.of(PushKeys.week(tenant, week)), String.valueOf(from),
				String.valueOf(to), String.valueOf(queued), String.valueOf(reached), String.valueOf(unreachable),
				String.valueOf(noLesson), "day:" + day);
		return Long.valueOf(1).equals(moved);
	}

	/** A day's budget, fixed when it begins, and the plan as it stands then. */
	void startDay(String tenant, LocalDate week, LocalDate day, int budget, PushPlan plan) {
		this.redis.opsForHash()
			.putAll(PushKeys.week(tenant, week), Map.of("budget:" + day, String.valueOf(budget), "plan", writePlan(plan)));
	}

	void replan(String tenant, LocalDate week, PushPlan plan) {
		this.redis.opsForHash().put(PushKeys.week(tenant, week), "plan", writePlan(plan));
	}

	void finish(String tenant, LocalDate week, PushPlan plan, Instant at) {
		this.redis.opsForHash()
			.putAll(PushKeys.week(tenant, week), Map.of("finishedAt", String.valueOf(at.toEpochMilli()), "plan",
					writePlan(plan)));
		this.redis.delete(PushKeys.audience(tenant, week));
	}

	private WeekPush read(LocalDate week, Map<?, ?> hash) {
		Map<LocalDate, Integer> sent = new HashMap<>();
		Map<LocalDate, Integer> budgets = new HashMap<>();
		hash.forEach((k, v) -> {
			String field = String.valueOf(k);
			if (field.startsWith("day:")) {
				sent.put(LocalDate.parse(field.substring(4)), Integer.parseInt(String.valueOf(v)));
			}
			else if (field.startsWith("budget:")) {
				budgets.put(LocalDate.parse(field.substring(7)), Integer.parseInt(String.valueOf(v)));
			}
		});
		return new WeekPush(week, number(hash.get("audience"), -1), number(hash.get("cursor"), 0),
				number(hash.get("queued"), 0), number(hash.get("reached"), 0), number(hash.get("unreachable"), 0),
				number(hash.get("noLesson"), 0), instant(hash.get("startedAt")), instant(hash.get("finishedAt")), sent,
				budgets, readPlan(hash.get("plan")));
	}

	private String writePlan(PushPlan plan) {
		List<Map<String, Object>> days = plan.days()
			.stream()
			.map(d -> Map.<String, Object>of("date", d.date().toString(), "count", d.count()))
			.toList();
		return this.json.writeValueAsString(days);
	}

	private PushPlan readPlan(Object raw) {
		if (raw == null) {
			return new PushPlan(List.of());
		}
		List<?> days = this.json.readValue(String.valueOf(raw), List.class);
		return new PushPlan(days.stream()
			.map(d -> (Map<?, ?>) d)
			.map(d -> new PushPlan.Day(LocalDate.parse(String.valueOf(d.get("date"))),
					((Number) d.get("count")).intValue()))
			.toList());
	}

	private static int number(Object value, int otherwise) {
		return value == null ? otherwise : Integer.parseInt(String.valueOf(value));
	}

	private static Instant instant(Object millis) {
		return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(String.valueOf(millis)));
	}

}
