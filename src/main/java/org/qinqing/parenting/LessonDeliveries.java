package org.qinqing.parenting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinqing.notify.Message;
import org.qinqing.parenting.push.WeeklyLessons;
import org.qinqing.people.Directory;
import org.qinqing.people.Person;
import org.qinqing.people.SchoolRecords;
import org.springframework.stereotype.Service;

/**
 * What the weekly push sends ({@link WeeklyLessons}): who it is for, each person's
 * lesson of a week with its message, and the record that it went. Everything in a few pipelined round trips.
 */
@Service
public class LessonDeliveries implements WeeklyLessons {

	static final String KIND = "lesson";

	private final SchoolRecords records;

	private final Directory directory;

	private final Learners learners;

	private final LearnerProfiles profiles;

	private final LessonCatalogue catalogue;

	private final LessonLinks links;

	private final LessonWording wording;

	LessonDeliveries(SchoolRecords records, Directory directory, Learners learners, LearnerProfiles profiles,
			LessonCatalogue catalogue, LessonLinks links, LessonWording wording) {
		this.records = records;
		this.directory = directory;
		this.learners = learners;
		this.profiles = profiles;
		this.catalogue = catalogue;
		this.links = links;
		this.wording = wording;
	}

	/**
	 * Everyone the weekly lesson is for: the parents and guardians of the tenant's children who are bound to a WeChat
	 * user and have not said 退订, by person id. Four round trips: the people's ids, their records, their bindings,
	 * the unsubscribed.
	 */
	@Override
	public List<String> audience(String tenant) {
		List<String> family = new ArrayList<>();
		for (Person person : this.records.people(tenant, this.records.ids(tenant, "person")).values()) {
			if (person.isFamily() && !person.childIds().isEmpty()) {
				family.add(person.id());
			}
		}
		Map<String, Long> bound = this.directory.boundCounts(tenant, family);
		Set<String> unsubscribed = this.learners.unsubscribed(tenant);
		return family.stream()
			.filter(id -> bound.getOrDefault(id, 0L) > 0 && !unsubscribed.contains(id))
			.sorted()
			.toList();
	}

	/**
	 * The lesson of {@code week} (the school date of that week's push day) for each of these people: the one recorded
	 * for that week if there is one, else the next that fits them and they have not had. People with no lesson left
	 * are absent. Marks nothing.
	 */
	@Override
	public Map<String, Planned> compose(String tenant, List<String> personIds, LocalDate week) {
		Map<String, Planned> planned = new LinkedHashMap<>();
		this.profiles.of(tenant, personIds).forEach((id, profile) -> {
			Optional<Lesson> lesson = Optional.ofNullable(profile.history().weeks().get(week))
				.flatMap(this.catalogue::find)
				.or(() -> this.catalogue.selection().weekly(profile.learner(), week));
			lesson.ifPresent(l -> planned.put(id, new Planned(l.id(), message(tenant, id, l, week))));
		});
		return planned;
	}

	/** Records that these people were given these lessons for {@code week} (person id → lesson id), in one trip. */
	@Override
	public void recordSent(String tenant, LocalDate week, Map<String, String> lessonByPerson, Instant at) {
		this.learners.given(tenant, lessonByPerson, at, week);
	}

	/** The push of one lesson to one person: text inside the service window, else a template with the link. */
	Message message(String tenant, String personId, Lesson lesson, LocalDate week) {
		String link = this.links.forPerson(tenant, lesson.id(), personId);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("lesson", Message.field(lesson.title()));
		fields.put("topic", Message.field(lesson.topic()));
		fields.put("how", Message.field(this.wording.pushHow()));
		return Message.of(KIND, KIND + ":" + tenant + ":" + week + ":" + personId, this.wording.push(lesson, link),
				this.wording.pushTitle(), fields).linking(link);
	}

}
