package org.qinqing.talks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinqing.jobs.DueJobs;
import org.qinqing.system.SchoolTime;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Individual plans in Redis: opened by a talk's concern, filled in and closed (with a note) in the console. Each
 * follow-up day is a due job ({@link #FOLLOW_UP}, subject {@code <plan>:<day>}) that reminds the owner at
 * {@link #FOLLOW_UP_TIME}; changing the days or closing the plan cancels the ones no longer wanted.
 */
@Service
class IndividualPlans {

	static final String FOLLOW_UP = "talks-follow-up";

	/** After quiet hours, before lessons. */
	static final LocalTime FOLLOW_UP_TIME = LocalTime.of(8, 0);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final StringRedisTemplate redis;

	private final DueJobs jobs;

	IndividualPlans(StringRedisTemplate redis, DueJobs jobs) {
		this.redis = redis;
		this.jobs = jobs;
	}

	IndividualPlan open(String tenant, TalkCard card, Instant now) {
		String id = "P" + this.redis.opsForValue().increment(TalksKeys.planSequence(tenant));
		IndividualPlan plan = new IndividualPlan(id, card.childId(), card.classId(), card.id(), card.teacherId(), "", "",
				List.of(), true, now, null, "");
		write(tenant, plan);
		this.redis.opsForZSet().add(TalksKeys.openPlans(tenant), id, now.toEpochMilli());
		this.redis.opsForZSet().add(TalksKeys.allPlans(tenant), id, now.toEpochMilli());
		return plan;
	}

	Optional<IndividualPlan> plan(String tenant, String id) {
		Object raw = this.redis.opsForHash().get(TalksKeys.plans(tenant), id);
		return raw == null ? Optional.empty() : Optional.of(read((String) raw));
	}

	/** Open plans first (oldest first), then closed ones (newest first); two round trips. */
	List<IndividualPlan> all(String tenant) {
		Set<String> ids = this.redis.opsForZSet().reverseRange(TalksKeys.allPlans(tenant), 0, 499);
		if (ids == null || ids.isEmpty()) {
			return List.of();
		}
		List<Object> raws = this.redis.opsForHash().multiGet(TalksKeys.plans(tenant), new ArrayList<>(ids));
		List<IndividualPlan> plans = new ArrayList<>();
		raws.stream().filter(r -> r != null).forEach(r -> plans.add(read((String) r)));
		plans.sort(java.util.Comparator.comparing((IndividualPlan p) -> !p.open())
			.thenComparing(p -> p.open() ? p.openedAt().toEpochMilli() : -p.openedAt().toEpochMilli()));
		return plans;
	}

	long openCount(String tenant) {
		Long n = this.redis.opsForZSet().size(TalksKeys.openPlans(tenant));
		return n == null ? 0 : n;
	}

	/** Saves the details and moves the follow-up reminders to the new days (past days get none). */
	IndividualPlan update(String tenant, IndividualPlan old, IndividualPlan changed, Instant now) {
		write(tenant, changed);
		LocalDateTime schoolNow = SchoolTime.local(now);
		for (LocalDate day : old.followUps()) {
			if (!changed.followUps().contains(day)) {
				this.jobs.cancel(tenant, FOLLOW_UP, subject(changed.id(), day));
			}
		}
		if (changed.open()) {
			for (LocalDate day : changed.followUps()) {
				LocalDateTime at = day.atTime(FOLLOW_UP_TIME);
				if (at.isAfter(schoolNow)) {
					this.jobs.schedule(tenant, FOLLOW_UP, subject(changed.id(), day), SchoolTime.instant(at), Map.of());
				}
			}
		}
		return changed;
	}

	IndividualPlan close(String tenant, IndividualPlan plan, String note, Instant now) {
		IndividualPlan closed = plan.closed(note, now);
		write(tenant, closed);
		this.redis.opsForZSet().remove(TalksKeys.openPlans(tenant), plan.id());
		plan.followUps().forEach(day -> this.jobs.cancel(tenant, FOLLOW_UP, subject(plan.id(), day)));
		return closed;
	}

	static String subject(String planId, LocalDate day) {
		return planId + ":" + day;
	}

	private void write(String tenant, IndividualPlan p) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", p.id());
		m.put("child", p.childId());
		m.put("class", p.classId());
		m.put("card", p.cardId());
		m.put("owner", p.ownerId());
		m.put("goal", p.goal());
		m.put("measures", p.measures());
		m.put("followUps", p.followUps().stream().map(LocalDate::toString).toList());
		m.put("open", p.open());
		m.put("openedAt", p.openedAt().toString());
		m.put("closedAt", p.closedAt() == null ? "" : p.closedAt().toString());
		m.put("closeNote", p.closeNote());
		this.redis.opsForHash().put(TalksKeys.plans(tenant), p.id(), JSON.writeValueAsString(m));
	}

	@SuppressWarnings("unchecked")
	private static IndividualPlan read(String raw) {
		Map<String, Object> m = JSON.readValue(raw, Map.class);
		List<LocalDate> days = ((List<String>) m.getOrDefault("followUps", List.of())).stream().map(LocalDate::parse)
			.toList();
		String closedAt = String.valueOf(m.getOrDefault("closedAt", ""));
		return new IndividualPlan((String) m.get("id"), (String) m.get("child"), (String) m.get("class"),
				(String) m.get("card"), (String) m.get("owner"), (String) m.get("goal"), (String) m.get("measures"), days,
				Boolean.TRUE.equals(m.get("open")), Instant.parse((String) m.get("openedAt")),
				closedAt.isEmpty() ? null : Instant.parse(closedAt), (String) m.get("closeNote"));
	}

}
