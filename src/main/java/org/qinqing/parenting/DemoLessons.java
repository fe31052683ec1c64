package org.qinqing.parenting;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.qinqing.people.Child;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.system.RedisKeys;
import org.qinqing.system.SchoolTime;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * A demo school's parenting history, so its reach page and tile show real-looking figures on first start: every
 * Friday of the term so far (at least the last {@link #MIN_WEEKS}) each parent and guardian of a left-behind child
 * was given the lesson the rules pick; most families read most weeks and answer mostly right; about one family in
 * nine never opened one. A demo started again later gets the Fridays it missed. Deterministic, so a reset looks the
 * same.
 */
@Service
public class DemoLessons {

	static final int MIN_WEEKS = 4;

	private static final int MAX_WEEKS = 22;

	/** One family in this many never opens a lesson: the list to follow up. */
	private static final int NEVER_ONE_IN = 9;

	private final Learners learners;

	private final LessonCatalogue catalogue;

	private final StringRedisTemplate redis;

	private final Clock clock;

	DemoLessons(Learners learners, LessonCatalogue catalogue, StringRedisTemplate redis, Clock clock) {
		this.learners = learners;
		this.catalogue = catalogue;
		this.redis = redis;
		this.clock = clock;
	}

	/**
	 * Seeds the weeks not seeded yet for the families of the left-behind {@code children}; {@code keepReading} (the
	 * simulator's personas) are never among those who never opened one. Returns the lessons given.
	 */
	public int seed(String tenant, Collection<Child> children, Collection<Person> people,
			Collection<SchoolClass> classes, Set<String> keepReading) {
		if (this.catalogue.all().isEmpty()) {
			return 0;
		}
		String marker = RedisKeys.of(tenant, "demo", "parenting-through");
		String through = this.redis.opsForValue().get(marker);
		LocalDate today = SchoolTime.today(this.clock);
		List<LocalDate> fridays = fridays(today);
		if (fridays.isEmpty()) {
			return 0;
		}
		LocalDate seeded = through == null ? null : LocalDate.parse(through);
		Map<String, Integer> grades = new HashMap<>();
		classes.forEach(c -> grades.put(c.id(), c.grade()));
		Map<String, Child> leftBehind = new LinkedHashMap<>();
		children.stream().filter(c -> c.leftBehind().isLeftBehind()).forEach(c -> leftBehind.put(c.id(), c));
		List<Person> family = people.stream()
			.filter(p -> p.isFamily() && p.childIds().stream().anyMatch(leftBehind::containsKey))
			.sorted(java.util.Comparator.comparing(Person::id))
			.toList();
		Map<String, History> histories = this.learners.histories(tenant, family.stream().map(Person::id).toList());
		int given = 0;
		for (LocalDate friday : fridays) {
			if (seeded != null && !friday.isAfter(seeded)) {
				continue;
			}
			Map<String, String> lessons = new LinkedHashMap<>();
			for (Person person : family) {
				Set<String> had = new HashSet<>(histories.get(person.id()).had().keySet());
				Learner learner = new Learner(person.id(), Set.of(person.role()), gradesOf(person, leftBehind, grades),
						had);
				this.catalogue.selection().weekly(learner, friday).ifPresent(l -> lessons.put(person.id(), l.id()));
			}
			this.learners.given(tenant, lessons, SchoolTime.instant(friday.atTime(19, 0)), friday);
			histories = this.learners.histories(tenant, family.stream().map(Person::id).toList());
			given += lessons.size();
			reads(tenant, family, lessons, friday, today, keepReading, leftBehind);
		}
		this.redis.opsForValue().set(marker, fridays.get(fridays.size() - 1).toString());
		return given;
	}

	/** Who read that week's lesson and how they answered, by each family's habit. */
	private void reads(String tenant, List<Person> family, Map<String, String> lessons, LocalDate friday,
			LocalDate today, Set<String> keepReading, Map<String, Child> leftBehind) {
		List<Learners.Activity> activities = new ArrayList<>();
		for (Person person : family) {
			String lessonId = lessons.get(person.id());
			String familyId = person.childIds().stream().map(leftBehind::get).filter(java.util.Objects::nonNull)
				.map(Child::familyId).findFirst().orElse(person.id());
			Random habit = new Random(familyId.hashCode());
			boolean never = !keepReading.contains(person.id()) && habit.nextInt(NEVER_ONE_IN) == 0;
			// a guardian at home reads more often than a parent at work far away
			int readsInTen = person.role() == Role.GUARDIAN ? 6 + habit.nextInt(4) : 3 + habit.nextInt(4);
			int answersInTen = Math.max(0, habit.nextInt(12) - 3);
			Random week = new Random((person.id() + friday).hashCode());
			if (lessonId == null || never || week.nextInt(10) >= readsInTen) {
				continue;
			}
			LocalDateTime at = friday.atTime(LocalTime.of(19, 30)).plusMinutes(week.nextInt(60 * 20));
			if (at.toLocalDate().isAfter(today)) {
				at = friday.atTime(20, 0);
			}
			int choice = 0;
			Lesson lesson = this.catalogue.find(lessonId).orElseThrow();
			// some families read and never answer; most answer now and then
			if (week.nextInt(10) < answersInTen) {
				int options = lesson.question().options().size();
				choice = week.nextInt(10) < 7 ? lesson.question().answer() : 1 + (lesson.question().answer() % options);
			}
			activities.add(new Learners.Activity(person.id(), lessonId, SchoolTime.instant(at), choice,
					choice > 0 && lesson.question().isRight(choice)));
		}
		this.learners.record(tenant, activities);
	}

	private static Set<Integer> gradesOf(Person person, Map<String, Child> children, Map<String, Integer> grades) {
		Set<Integer> of = new HashSet<>();
		person.childIds().stream().map(children::get).filter(java.util.Objects::nonNull)
			.map(c -> grades.get(c.classId())).filter(java.util.Objects::nonNull).forEach(of::add);
		return of;
	}

	/** The push Fridays of the term so far (at least the last few), oldest first; not today's, not yet sent. */
	static List<LocalDate> fridays(LocalDate today) {
		LocalDate last = today.with(TemporalAdjusters.previous(DayOfWeek.FRIDAY));
		LocalDate start = Term.of(today).start();
		List<LocalDate> fridays = new ArrayList<>();
		for (LocalDate f = last; fridays.size() < MAX_WEEKS && (!f.isBefore(start) || fridays.size() < MIN_WEEKS);
				f = f.minusWeeks(1)) {
			fridays.add(0, f);
		}
		return fridays;
	}

}
