package org.qinqing.parenting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.qinqing.people.Role;
import org.qinqing.system.SchoolTime;

/**
 * Which lesson a person gets next: of the lessons for their audience (a parent's or both, a guardian's or both;
 * someone who is both gets both kinds) and their children's grades, and that they have not had, a seasonal lesson
 * in its season first, then the lessons for any time, in programme order; a seasonal lesson out of its season only
 * when nothing else is left. Pure: the date comes from the caller, the clock only through {@link #thisWeek}.
 * <p>
 * A guardian fits about 16 of the year's 26 lessons but is sent one every week: once they have had every lesson that
 * fits them, the week's lesson ({@link #weekly}) is one of them again, to go over, in season first, turning with the
 * week so that it is not the same one twice running.
 */
public final class LessonSelection {

	private final List<Lesson> lessons;

	private final SeasonCalendar calendar;

	public LessonSelection(List<Lesson> lessons, SeasonCalendar calendar) {
		this.lessons = lessons.stream().sorted(Comparator.comparingInt(Lesson::order)).toList();
		this.calendar = calendar;
	}

	/** The next lesson for this person on {@code date}, or empty when they have had every one that fits them. */
	public Optional<Lesson> next(Learner learner, LocalDate date) {
		Set<Season> now = this.calendar.of(date);
		List<Lesson> open = fitting(learner).stream().filter(l -> !learner.had().contains(l.id())).toList();
		return open.stream()
			.filter(l -> !l.seasons().isEmpty() && l.seasons().stream().anyMatch(now::contains))
			.findFirst()
			.or(() -> open.stream().filter(l -> l.seasons().isEmpty()).findFirst())
			.or(() -> open.stream().findFirst());
	}

	/**
	 * The week's lesson (the push, 家长课堂): {@link #next}, or once every fitting lesson was had, one of them again, in
	 * season first, chosen by the week so that reviews go round; empty only when no lesson fits the person at all.
	 */
	public Optional<Lesson> weekly(Learner learner, LocalDate date) {
		return next(learner, date).or(() -> review(learner, date));
	}

	private Optional<Lesson> review(Learner learner, LocalDate date) {
		Set<Season> now = this.calendar.of(date);
		List<Lesson> fitting = fitting(learner);
		List<Lesson> inSeason = fitting.stream().filter(l -> l.seasons().stream().anyMatch(now::contains)).toList();
		List<Lesson> anyTime = fitting.stream().filter(l -> l.seasons().isEmpty()).toList();
		List<Lesson> pool = !inSeason.isEmpty() ? inSeason : !anyTime.isEmpty() ? anyTime : fitting;
		if (pool.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(pool.get((int) Math.floorMod(Math.floorDiv(date.toEpochDay(), 7), (long) pool.size())));
	}

	/** {@link #next} for today, school time, by the clock. */
	public Optional<Lesson> thisWeek(Learner learner, Clock clock) {
		return next(learner, SchoolTime.today(clock));
	}

	/** The lessons for this person's audience and grades, in programme order, had or not. */
	public List<Lesson> fitting(Learner learner) {
		return this.lessons.stream().filter(l -> forAudience(l, learner.roles()) && forGrades(l, learner)).toList();
	}

	private static boolean forAudience(Lesson lesson, Set<Role> roles) {
		if (roles.contains(Role.PARENT) && roles.contains(Role.GUARDIAN)) {
			return true;
		}
		return roles.stream().anyMatch(lesson.audience()::includes);
	}

	private static boolean forGrades(Lesson lesson, Learner learner) {
		return learner.grades().isEmpty() || learner.grades().stream().anyMatch(lesson::fitsGrade);
	}

}
