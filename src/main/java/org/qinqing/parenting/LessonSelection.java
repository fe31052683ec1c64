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
 * The week's lesson ({@link #weekly}: the push, 家长课堂) differs once the new lessons in season and for any time are
 * used up: a guardian fits about 16 of the year's 26 but is sent one every week. Rather than a seasonal lesson out of
 * its season (过完年 in December, drowning in October), the week goes over one already had, in season first, turning
 * with the week; a new lesson out of season only while the person has had too few to go over.
 */
public final class LessonSelection {

	/** Lessons had before the week goes over them rather than give a seasonal one out of its season. */
	static final int REVIEW_POOL = 3;

	private final List<Lesson> lessons;

	private final SeasonCalendar calendar;

	public LessonSelection(List<Lesson> lessons, SeasonCalendar calendar) {
		this.lessons = lessons.stream().sorted(Comparator.comparingInt(Lesson::order)).toList();
		this.calendar = calendar;
	}

	/** The next lesson for this person on {@code date}, or empty when they have had every one that fits them. */
	public Optional<Lesson> next(Learner learner, LocalDate date) {
		List<Lesson> open = notHad(learner);
		return inSeasonOrAnyTime(open, date).or(() -> open.stream().findFirst());
	}

	/**
	 * The week's lesson: new in season, new for any time, then one had to go over once there are a few to go round
	 * ({@value #REVIEW_POOL}; with fewer the same one would come back week after week), else new out of season.
	 */
	public Optional<Lesson> weekly(Learner learner, LocalDate date) {
		List<Lesson> open = notHad(learner);
		boolean fewHad = fitting(learner).size() - open.size() < REVIEW_POOL;
		return inSeasonOrAnyTime(open, date)
			.or(() -> fewHad ? Optional.empty() : review(learner, date))
			.or(() -> open.stream().findFirst())
			.or(() -> review(learner, date));
	}

	private List<Lesson> notHad(Learner learner) {
		return fitting(learner).stream().filter(l -> !learner.had().contains(l.id())).toList();
	}

	private Optional<Lesson> inSeasonOrAnyTime(List<Lesson> lessons, LocalDate date) {
		Set<Season> now = this.calendar.of(date);
		return lessons.stream()
			.filter(l -> l.seasons().stream().anyMatch(now::contains))
			.findFirst()
			.or(() -> lessons.stream().filter(l -> l.seasons().isEmpty()).findFirst());
	}

	private Optional<Lesson> review(Learner learner, LocalDate date) {
		Set<Season> now = this.calendar.of(date);
		List<Lesson> fitting = fitting(learner).stream().filter(l -> learner.had().contains(l.id())).toList();
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
