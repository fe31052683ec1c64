package org.qinqing.parenting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.system.SchoolTime;
import org.springframework.stereotype.Component;

/**
 * Which lesson the chat shows a person: this week's (the one given in the last seven days, else the next that fits
 * them, which then counts as given), the one before or after the one they look at, or the one a keyword names.
 * A lesson shown for the first time is recorded as given, so the weekly push never sends it again.
 */
@Component
class LessonChat {

	/** A lesson given this many days ago or less is still this week's. */
	static final int WEEK_DAYS = 7;

	/** The lesson to show and the lead that says which it is (a bot-scripts key under parenting.). */
	record Shown(Lesson lesson, String leadKey) {
	}

	private final LearnerProfiles profiles;

	private final Learners learners;

	private final LessonCatalogue catalogue;

	private final Clock clock;

	LessonChat(LearnerProfiles profiles, Learners learners, LessonCatalogue catalogue, Clock clock) {
		this.profiles = profiles;
		this.learners = learners;
		this.catalogue = catalogue;
		this.clock = clock;
	}

	Optional<Shown> thisWeek(String tenant, String personId) {
		LearnerProfiles.Profile profile = this.profiles.of(tenant, personId);
		if (profile == null) {
			return Optional.empty();
		}
		LocalDate today = today();
		Optional<Lesson> recent = profile.history()
			.latest()
			.filter(id -> !profile.history().had().get(id).isBefore(today.minusDays(WEEK_DAYS - 1)))
			.flatMap(this.catalogue::find);
		if (recent.isPresent()) {
			return show(tenant, personId, recent.get(), "lesson-lead-week");
		}
		return given(tenant, profile, this.catalogue.selection().weekly(profile.learner(), today()), "lesson-lead-week");
	}

	Optional<Shown> previous(String tenant, String personId) {
		History history = this.learners.history(tenant, personId);
		List<String> had = history.hadInOrder();
		int at = had.indexOf(history.cursor());
		int before = at < 0 ? had.size() - 2 : at - 1;
		if (before < 0) {
			return Optional.empty();
		}
		return this.catalogue.find(had.get(before)).flatMap(l -> show(tenant, personId, l, "lesson-lead-previous"));
	}

	Optional<Shown> next(String tenant, String personId) {
		LearnerProfiles.Profile profile = this.profiles.of(tenant, personId);
		if (profile == null) {
			return Optional.empty();
		}
		List<String> had = profile.history().hadInOrder();
		int at = had.indexOf(profile.history().cursor());
		if (at >= 0 && at < had.size() - 1) {
			return this.catalogue.find(had.get(at + 1)).flatMap(l -> show(tenant, personId, l, "lesson-lead-next"));
		}
		return fresh(tenant, profile, "lesson-lead-next");
	}

	Optional<Shown> byKeyword(String tenant, String personId, String word) {
		Optional<Lesson> lesson = this.catalogue.byKeyword(word);
		lesson.ifPresent(l -> this.learners.given(tenant, Map.of(personId, l.id()), this.clock.instant(), null));
		return lesson.flatMap(l -> show(tenant, personId, l, "lesson-lead-keyword"));
	}

	private Optional<Shown> fresh(String tenant, LearnerProfiles.Profile profile, String leadKey) {
		return given(tenant, profile, this.catalogue.selection().next(profile.learner(), today()), leadKey);
	}

	/** Shows the lesson and counts it as given (the push will not send it again as new). */
	private Optional<Shown> given(String tenant, LearnerProfiles.Profile profile, Optional<Lesson> next, String leadKey) {
		String personId = profile.person().id();
		next.ifPresent(l -> this.learners.given(tenant, Map.of(personId, l.id()), this.clock.instant(), null));
		return next.flatMap(l -> show(tenant, personId, l, leadKey));
	}

	private Optional<Shown> show(String tenant, String personId, Lesson lesson, String leadKey) {
		this.learners.cursor(tenant, personId, lesson.id());
		return Optional.of(new Shown(lesson, leadKey));
	}

	private LocalDate today() {
		return SchoolTime.today(this.clock);
	}

}
