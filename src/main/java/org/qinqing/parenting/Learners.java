package org.qinqing.parenting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qinqing.system.Pipelines;
import org.qinqing.system.SchoolTime;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * What each parent and guardian had, read and answered, and who stopped the weekly push (退订). Each person's
 * history is one hash; the term's readers and right answers are also sets, for the reach figures. Every write is
 * idempotent (a first read stays the first, a set member stays one), so a retried request or a double tap counts
 * once; reads of many people go in one pipeline.
 */
@Service
public class Learners {

	static final String CHAT = "chat";

	static final String PUSH = "push";

	private final StringRedisTemplate redis;

	Learners(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/** The histories of these people, in one round trip (someone with none has an empty one). */
	@SuppressWarnings("unchecked")
	public Map<String, History> histories(String tenant, Collection<String> personIds) {
		List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(personIds));
		Map<String, History> histories = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return histories;
		}
		List<Object> hashes = Pipelines.run(this.redis,
				ops -> ids.forEach(id -> ops.opsForHash().entries(ParentingKeys.person(tenant, id))));
		for (int i = 0; i < ids.size(); i++) {
			Map<String, String> hash = hashes.get(i) == null ? Map.of() : (Map<String, String>) hashes.get(i);
			histories.put(ids.get(i), History.of(ids.get(i), hash));
		}
		return histories;
	}

	public History history(String tenant, String personId) {
		return histories(tenant, List.of(personId)).get(personId);
	}

	/**
	 * Records lessons given (person → lesson) at {@code at}, in one round trip; with a {@code week}, as that week's
	 * push (its retry then finds the same lesson), else as pulled in chat. A lesson given before stays as it was.
	 */
	public void given(String tenant, Map<String, String> lessonByPerson, Instant at, LocalDate week) {
		if (lessonByPerson.isEmpty()) {
			return;
		}
		String how = SchoolTime.local(at).toLocalDate() + "|" + (week == null ? CHAT : PUSH) + "|" + at.toEpochMilli();
		Pipelines.run(this.redis, ops -> lessonByPerson.forEach((person, lesson) -> {
			String key = ParentingKeys.person(tenant, person);
			ops.opsForHash().putIfAbsent(key, ParentingKeys.HAD + lesson, how);
			if (week != null) {
				ops.opsForHash().putIfAbsent(key, ParentingKeys.WEEK + week, lesson);
			}
		}));
	}

	/**
	 * Records that the person read the lesson (its page opened, or its question answered); only the first time is
	 * kept. The term and week counted are those of the read's school date.
	 *
	 * @return whether this was their first read of it
	 */
	public boolean read(String tenant, String personId, String lessonId, Instant at) {
		List<Object> results = Pipelines.run(this.redis, ops -> read(ops, tenant, new Activity(personId, lessonId, at, 0, false)));
		return Boolean.TRUE.equals(results.get(0));
	}

	/** Records an answer (it reads the lesson too); a right one counts the person among the term's right answers. */
	public void answered(String tenant, String personId, String lessonId, int choice, boolean right, Instant at) {
		record(tenant, List.of(new Activity(personId, lessonId, at, choice, right)));
	}

	/** A read ({@code choice} 0) or an answer, for {@link #record}. */
	public record Activity(String personId, String lessonId, Instant at, int choice, boolean right) {
	}

	/** Many reads and answers in one round trip (the demo's term, a benchmark's county). */
	public void record(String tenant, List<Activity> activities) {
		Pipelines.run(this.redis, ops -> activities.forEach(a -> {
			read(ops, tenant, a);
			if (a.choice() > 0) {
				String term = Term.of(SchoolTime.local(a.at()).toLocalDate()).id();
				ops.opsForHash().put(ParentingKeys.person(tenant, a.personId()), ParentingKeys.ANSWER + a.lessonId(),
						a.choice() + "|" + (a.right() ? "1" : "0") + "|" + a.at().toEpochMilli());
				if (a.right()) {
					ops.opsForSet().add(ParentingKeys.rightAnswers(tenant, term), a.personId());
				}
			}
		}));
	}

	private static void read(org.springframework.data.redis.core.RedisOperations<String, String> ops, String tenant,
			Activity a) {
		LocalDate day = SchoolTime.local(a.at()).toLocalDate();
		ops.opsForHash().putIfAbsent(ParentingKeys.person(tenant, a.personId()), ParentingKeys.READ + a.lessonId(),
				String.valueOf(a.at().toEpochMilli()));
		ops.opsForSet().add(ParentingKeys.readers(tenant, Term.of(day).id()), a.personId());
		ops.opsForSet().add(ParentingKeys.readersOfWeek(tenant, Weeks.start(day)), a.personId());
		ops.opsForSet().add(ParentingKeys.readersEver(tenant), a.personId());
	}

	/** The lesson the person looks at in chat now, where 上一课/下一课 move from. */
	public void cursor(String tenant, String personId, String lessonId) {
		this.redis.opsForHash().put(ParentingKeys.person(tenant, personId), ParentingKeys.CURSOR, lessonId);
	}

	public void unsubscribe(String tenant, String personId) {
		this.redis.opsForSet().add(ParentingKeys.unsubscribed(tenant), personId);
	}

	public void subscribe(String tenant, String personId) {
		this.redis.opsForSet().remove(ParentingKeys.unsubscribed(tenant), personId);
	}

	public boolean subscribed(String tenant, String personId) {
		return !Boolean.TRUE.equals(this.redis.opsForSet().isMember(ParentingKeys.unsubscribed(tenant), personId));
	}

	/** Who said 退订, in one round trip. */
	public Set<String> unsubscribed(String tenant) {
		return members(ParentingKeys.unsubscribed(tenant));
	}

	/** The reach figures' four sets for the term and week of {@code day}, in one round trip. */
	Readers readers(String tenant, LocalDate day) {
		String term = Term.of(day).id();
		List<Object> sets = Pipelines.run(this.redis, ops -> {
			ops.opsForSet().members(ParentingKeys.readers(tenant, term));
			ops.opsForSet().members(ParentingKeys.rightAnswers(tenant, term));
			ops.opsForSet().members(ParentingKeys.readersEver(tenant));
			ops.opsForSet().members(ParentingKeys.readersOfWeek(tenant, Weeks.start(day)));
		});
		return new Readers(set(sets.get(0)), set(sets.get(1)), set(sets.get(2)), set(sets.get(3)));
	}

	/**
	 * @param read who read a lesson in the term; {@code right} who answered one right in it; {@code ever} who ever
	 * read one; {@code week} who read one in the lesson week ({@link Weeks}: since the last push day)
	 */
	record Readers(Set<String> read, Set<String> right, Set<String> ever, Set<String> week) {
	}

	private Set<String> members(String key) {
		Set<String> members = this.redis.opsForSet().members(key);
		return members == null ? Set.of() : members;
	}

	@SuppressWarnings("unchecked")
	private static Set<String> set(Object value) {
		return value == null ? Set.of() : new HashSet<>((Collection<String>) value);
	}

}
