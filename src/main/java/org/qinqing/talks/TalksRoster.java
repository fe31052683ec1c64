package org.qinqing.talks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qinqing.people.CareScope;
import org.qinqing.people.Child;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.Pipelines;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * The left-behind children as {@link Pupil}s: their head teacher (the class's), paired teacher (the child's record,
 * which the teachers' page keeps in step with the teacher's), and since when they are here. The first day the talks
 * see a child is kept as its arrival; on a tenant's first use every child counts as here before (no false newcomers).
 * A few round trips for any number of children.
 */
@Service
class TalksRoster {

	/** What "here before" is stored as on a tenant's first use. */
	static final LocalDate BEFORE = LocalDate.of(2000, 1, 1);

	private final SchoolRecords records;

	private final StringRedisTemplate redis;

	TalksRoster(SchoolRecords records, StringRedisTemplate redis) {
		this.records = records;
		this.redis = redis;
	}

	/** Every left-behind child of the tenant, by class and name. */
	List<Pupil> all(String tenant, LocalDate today) {
		return of(tenant, this.records.children(tenant, this.records.ids(tenant, "child")).values(), today);
	}

	/** The left-behind children a teacher looks after (the one access rule's scope). */
	List<Pupil> lookedAfter(String tenant, CareScope scope, LocalDate today) {
		if (scope.everyone()) {
			return all(tenant, today);
		}
		Map<String, Child> children = new LinkedHashMap<>();
		this.records.childrenOf(tenant, scope.classIds()).values().forEach(l -> l.forEach(c -> children.put(c.id(), c)));
		children.putAll(this.records.children(tenant, scope.childIds()));
		return of(tenant, children.values().stream().filter(scope::covers).toList(), today);
	}

	@SuppressWarnings("unchecked")
	List<Pupil> of(String tenant, Collection<Child> children, LocalDate today) {
		List<Child> left = children.stream()
			.filter(c -> c.leftBehind().isLeftBehind())
			.sorted(java.util.Comparator.comparing(Child::classId).thenComparing(Child::name).thenComparing(Child::id))
			.toList();
		if (left.isEmpty()) {
			return List.of();
		}
		Map<String, SchoolClass> classes = this.records.classes(tenant, left.stream().map(Child::classId).toList());
		List<Object> ids = new ArrayList<>(left.stream().map(Child::id).toList());
		List<Object> read = Pipelines.run(this.redis, ops -> {
			ops.opsForHash().multiGet(TalksKeys.since(tenant), ids);
			ops.opsForHash().size(TalksKeys.since(tenant));
		});
		List<Object> since = (List<Object>) read.get(0);
		boolean firstUse = ((Number) read.get(1)).longValue() == 0;
		Map<String, String> unseen = new LinkedHashMap<>();
		List<Pupil> pupils = new ArrayList<>(left.size());
		for (int i = 0; i < left.size(); i++) {
			Child c = left.get(i);
			LocalDate from;
			if (since.get(i) != null) {
				from = LocalDate.parse((String) since.get(i));
			}
			else {
				from = firstUse ? BEFORE : today;
				unseen.put(c.id(), from.toString());
			}
			SchoolClass sc = classes.get(c.classId());
			pupils.add(new Pupil(c.id(), c.name(), c.classId(), sc == null ? "" : sc.headTeacherId(), c.pairedTeacherId(),
					from));
		}
		if (!unseen.isEmpty()) {
			// HSETNX: another instance may have seen them first; the earlier day stays
			Pipelines.run(this.redis,
					ops -> unseen.forEach((id, day) -> ops.opsForHash().putIfAbsent(TalksKeys.since(tenant), id, day)));
		}
		return pupils;
	}

	/** Marks children as here since {@code day} (the demo's, and a test's, history). */
	void arrived(String tenant, Map<String, LocalDate> days) {
		Pipelines.run(this.redis, ops -> days
			.forEach((id, day) -> ops.opsForHash().put(TalksKeys.since(tenant), id, day.toString())));
	}

}
