package org.qinqing.parenting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.qinqing.people.Role;
import org.qinqing.system.SchoolTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The selection rules without Spring, on dates derived from today by an injected clock: the audience (a parent's,
 * a guardian's, both kinds for someone who is both), the children's grades, a seasonal lesson first in its season and
 * only when nothing else is left out of it, programme order, and never a lesson twice; and the season calendar.
 */
class LessonSelectionTests {

	private static final SpringFestivals FESTIVALS = SpringFestivals.fromClasspath();

	private static final SeasonCalendar CALENDAR = new SeasonCalendar(FESTIVALS);

	private static final LocalDate TODAY = LocalDate.now(SchoolTime.ZONE);

	private static Lesson lesson(String id, int order, Audience audience, int from, int to, Season... seasons) {
		return new Lesson(id, order, id, "安全", audience, from, to, Set.of(seasons), List.of(id, id + "2"), "s", "b",
				new Lesson.Question("q", List.of("a", "b"), 1, "r", "w"), "");
	}

	private static final List<Lesson> LESSONS = List.of(lesson("g-early", 1, Audience.GUARDIAN, 1, 6),
			lesson("p-early", 2, Audience.PARENT, 1, 6), lesson("both-low", 3, Audience.BOTH, 1, 2),
			lesson("both-high", 4, Audience.BOTH, 5, 6), lesson("drowning", 20, Audience.BOTH, 1, 6, Season.SUMMER),
			lesson("festival", 15, Audience.BOTH, 1, 6, Season.SPRING_FESTIVAL));

	private final LessonSelection selection = new LessonSelection(LESSONS, CALENDAR);

	private static Learner learner(Set<Role> roles, Set<Integer> grades, String... had) {
		return new Learner("p1", roles, grades, Set.of(had));
	}

	/** The next date on or after today that falls on this day of the year. */
	private static LocalDate next(int month, int day) {
		LocalDate date = MonthDay.of(month, day).atYear(TODAY.getYear());
		return date.isBefore(TODAY) ? date.plusYears(1) : date;
	}

	private static Clock clockAt(LocalDate date) {
		return Clock.fixed(date.atTime(10, 0).atZone(SchoolTime.ZONE).toInstant(), ZoneOffset.UTC);
	}

	@Test
	void aGuardianGetsGuardianAndBothLessonsAParentParentAndBothSomeoneWhoIsBothEither() {
		Clock october = clockAt(next(10, 15));
		assertThat(this.selection.fitting(learner(Set.of(Role.GUARDIAN), Set.of(1)))).extracting(Lesson::id)
			.containsExactly("g-early", "both-low", "festival", "drowning");
		assertThat(this.selection.fitting(learner(Set.of(Role.PARENT), Set.of(1)))).extracting(Lesson::id)
			.containsExactly("p-early", "both-low", "festival", "drowning");
		assertThat(this.selection.thisWeek(learner(Set.of(Role.GUARDIAN), Set.of(3)), october).orElseThrow().id())
			.isEqualTo("g-early");
		assertThat(this.selection.thisWeek(learner(Set.of(Role.PARENT), Set.of(3)), october).orElseThrow().id())
			.isEqualTo("p-early");
		assertThat(this.selection.fitting(learner(Set.of(Role.PARENT, Role.GUARDIAN), Set.of(1))))
			.extracting(Lesson::id).contains("g-early", "p-early");
	}

	@Test
	void onlyLessonsInTheChildrensGradeBand() {
		Clock october = clockAt(next(10, 15));
		Learner lowGrades = learner(Set.of(Role.GUARDIAN), Set.of(1), "g-early");
		assertThat(this.selection.thisWeek(lowGrades, october).orElseThrow().id()).isEqualTo("both-low");
		Learner highGrades = learner(Set.of(Role.GUARDIAN), Set.of(6), "g-early");
		assertThat(this.selection.thisWeek(highGrades, october).orElseThrow().id()).isEqualTo("both-high");
		// two children: either's band fits
		assertThat(this.selection.fitting(learner(Set.of(Role.GUARDIAN), Set.of(1, 6)))).extracting(Lesson::id)
			.contains("both-low", "both-high");
	}

	@Test
	void aSeasonalLessonComesFirstInItsSeasonAndOutOfItOnlyWhenNothingElseIsLeft() {
		Learner guardian = learner(Set.of(Role.GUARDIAN), Set.of(1));
		assertThat(this.selection.thisWeek(guardian, clockAt(next(6, 10))).orElseThrow().id()).isEqualTo("drowning");
		LocalDate festival = FESTIVALS.in(next(6, 1).getYear() + 1).orElseThrow();
		assertThat(this.selection.thisWeek(guardian, clockAt(festival.minusDays(10))).orElseThrow().id())
			.isEqualTo("festival");
		// in October: the programme, and the seasonal ones only when the rest is had (programme order among them)
		Clock october = clockAt(next(10, 15));
		assertThat(this.selection.thisWeek(guardian, october).orElseThrow().id()).isEqualTo("g-early");
		Learner rest = learner(Set.of(Role.GUARDIAN), Set.of(1), "g-early", "both-low");
		assertThat(this.selection.thisWeek(rest, october).orElseThrow().id()).isEqualTo("festival");
	}

	@Test
	void neverALessonTwice() {
		Clock june = clockAt(next(6, 10));
		Learner had = learner(Set.of(Role.PARENT), Set.of(5), "drowning", "p-early", "both-high", "festival");
		assertThat(this.selection.thisWeek(had, june)).isEmpty();
		Learner some = learner(Set.of(Role.PARENT), Set.of(5), "drowning");
		assertThat(this.selection.thisWeek(some, june).orElseThrow().id()).isEqualTo("p-early");
		// the weekly lesson goes on once all were had: one of them again, in season first, turning with the week
		assertThat(this.selection.weekly(some, next(6, 10)).orElseThrow().id()).isEqualTo("p-early");
		assertThat(this.selection.weekly(had, next(6, 10)).orElseThrow().id()).isEqualTo("drowning");
		Set<String> reviews = new java.util.HashSet<>();
		for (int week = 0; week < 4; week++) {
			reviews.add(this.selection.weekly(had, next(10, 20).plusWeeks(week)).orElseThrow().id());
		}
		assertThat(reviews).hasSizeGreaterThan(1).doesNotContain("drowning");
		// a seasonal lesson is kept for its season: in October the week goes over one had rather than the festival's
		Learner allButSeasons = learner(Set.of(Role.PARENT), Set.of(1, 5), "p-early", "both-low", "both-high");
		assertThat(this.selection.thisWeek(allButSeasons, clockAt(next(10, 20))).orElseThrow().id()).isEqualTo("festival");
		assertThat(this.selection.weekly(allButSeasons, next(10, 20)).orElseThrow().id())
			.isIn("p-early", "both-low", "both-high");
		// with too few had to go round, a new one out of season rather than the same one again every week
		Learner two = learner(Set.of(Role.PARENT), Set.of(5), "p-early", "both-high");
		assertThat(this.selection.weekly(two, next(10, 20)).orElseThrow().id()).isEqualTo("festival");
	}

	@Test
	void theSeasonCalendar() {
		assertThat(CALENDAR.of(next(9, 10))).containsExactly(Season.AUTUMN_TERM);
		assertThat(CALENDAR.of(next(10, 20))).isEmpty();
		assertThat(CALENDAR.of(next(12, 10))).contains(Season.WINTER).doesNotContain(Season.SPRING_FESTIVAL);
		assertThat(CALENDAR.of(next(6, 1))).containsExactly(Season.SUMMER);
		LocalDate festival = FESTIVALS.in(next(6, 1).getYear() + 1).orElseThrow();
		assertThat(CALENDAR.of(festival.minusDays(SeasonCalendar.BEFORE_FESTIVAL_DAYS))).contains(Season.SPRING_FESTIVAL);
		assertThat(CALENDAR.of(festival.minusDays(SeasonCalendar.BEFORE_FESTIVAL_DAYS + 1)))
			.doesNotContain(Season.SPRING_FESTIVAL);
		assertThat(CALENDAR.of(festival)).doesNotContain(Season.SPRING_FESTIVAL, Season.SPRING_TERM);
		assertThat(CALENDAR.of(festival.plusDays(SeasonCalendar.TERM_AFTER_FESTIVAL_DAYS))).contains(Season.SPRING_TERM);
		assertThat(CALENDAR.of(LocalDate.of(festival.getYear(), 3, 31))).contains(Season.SPRING_TERM);
		assertThat(CALENDAR.of(LocalDate.of(festival.getYear(), 4, 1))).isEmpty();
	}

	@Test
	void termsRunSeptemberToJanuaryAndFebruaryToAugust() {
		LocalDate autumn = next(11, 1);
		assertThat(Term.of(autumn).id()).isEqualTo(autumn.getYear() + "-autumn");
		assertThat(Term.of(autumn.plusMonths(2)).id()).isEqualTo(autumn.getYear() + "-autumn");
		assertThat(Term.of(autumn.plusMonths(3)).id()).isEqualTo((autumn.getYear() + 1) + "-spring");
		assertThat(Term.of(autumn).contains(Term.of(autumn).end())).isTrue();
	}

}
