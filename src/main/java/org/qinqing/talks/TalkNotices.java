package org.qinqing.talks;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qinqing.conversation.Wording;
import org.qinqing.notify.Addressed;
import org.qinqing.notify.Message;
import org.qinqing.notify.Outbox;
import org.qinqing.people.ChildRole;
import org.qinqing.people.Person;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.BotScripts;
import org.springframework.stereotype.Component;

/**
 * What the talks tell people through the outbox, each message keyed so that a job run twice (a restart, two
 * instances) sends once: a teacher's reminder per talk time, the leaders' missing list per month, the parents'
 * note per card (never the card's words), a concern per plan, a follow-up per plan and day.
 */
@Component
class TalkNotices {

	/** Names listed in a reminder before "等N个". */
	static final int NAMES_SHOWN = 12;

	private static final String P = "talks.";

	private final Outbox outbox;

	private final BotScripts scripts;

	private final Wording wording;

	private final SchoolRecords records;

	TalkNotices(Outbox outbox, BotScripts scripts, Wording wording, SchoolRecords records) {
		this.outbox = outbox;
		this.scripts = scripts;
		this.wording = wording;
		this.records = records;
		scripts.require(P + "remind", P + "remind-teacher", P + "remind-left", P + "remind-more", P + "remind-title", P + "remind-status",
				P + "missing", P + "missing-line", P + "missing-nobody", P + "missing-title", P + "missing-status",
				P + "parents", P + "parents-title", P + "parents-status", P + "concern", P + "concern-title",
				P + "concern-status", P + "follow-up", P + "follow-up-title", P + "follow-up-status");
	}

	/** The reminder key: one per teacher and talk time. */
	static String remindKey(String tenant, LocalDate slot, String teacherId) {
		return "talks:" + tenant + ":remind:" + slot + ":" + teacherId;
	}

	void remind(String tenant, LocalDate slot, Person teacher, List<Pupil> owed, int schoolDaysLeft, boolean countdown) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("teacher", teacher.name().isBlank() ? "" : text("remind-teacher", Map.of("name", teacher.name())));
		p.put("count", owed.size());
		p.put("names", names(owed));
		p.put("left", countdown ? text("remind-left", Map.of("n", schoolDaysLeft)) : "");
		Map<String, String> fields = fields(names(owed), slot, text("remind-status", Map.of("count", owed.size())));
		this.outbox.toPerson(tenant, teacher.id(), Message.of("talk-remind", remindKey(tenant, slot, teacher.id()),
				text("remind", p), text("remind-title"), fields));
	}

	/** The leaders' list of children still owed on the month's last school day, by class. */
	void missing(String tenant, YearMonth month, LocalDate day, List<OwedTalks.Standing> owed,
			Map<String, String> classNames, Map<String, Person> teachers) {
		Map<String, List<OwedTalks.Standing>> byClass = new LinkedHashMap<>();
		owed.forEach(s -> byClass.computeIfAbsent(s.pupil().classId(), c -> new ArrayList<>()).add(s));
		List<String> lines = new ArrayList<>();
		byClass.forEach((classId, list) -> {
			List<String> who = list.get(0).owedBy().stream().map(teachers::get).filter(t -> t != null)
				.map(t -> this.wording.teacher(t.name())).distinct().toList();
			lines.add(text("missing-line", Map.of("class", classNames.getOrDefault(classId, ""), "teacher",
					who.isEmpty() ? text("missing-nobody") : this.wording.list(who), "names",
					names(list.stream().map(OwedTalks.Standing::pupil).toList()))));
		});
		Map<String, Object> p = Map.of("count", owed.size(), "lines", String.join("\n", lines));
		this.outbox.toPeople(tenant, this.records.leaders(tenant),
				Message.of("talk-missing", "talks:" + tenant + ":missing:" + month, text("missing", p),
						text("missing-title"), fields(String.valueOf(owed.size()), day,
								text("missing-status", Map.of("count", owed.size())))));
	}

	/** The parents' short note: who talked with the child this month and the mood, nothing of what was said. */
	Addressed parents(String tenant, TalkCard card, String childName, String teacherName) {
		String mood = mood(card.mood());
		String body = text("parents", Map.of("teacher", this.wording.teacher(teacherName), "child", childName, "mood",
				mood));
		return this.outbox.toRole(tenant, card.childId(), ChildRole.PARENTS,
				Message.of("talk-parents", "talks:" + tenant + ":" + card.id() + ":parents", body, text("parents-title"),
						fields(childName, card.date(), text("parents-status"))));
	}

	void concern(String tenant, IndividualPlan plan, String childName, String className, String teacherName) {
		String body = text("concern", Map.of("teacher", this.wording.teacher(teacherName), "child", childName, "class",
				className, "plan", plan.id()));
		this.outbox.toPeople(tenant, this.records.leaders(tenant), Message.of("talk-concern",
				"talks:" + tenant + ":" + plan.id() + ":concern", body, text("concern-title"),
				fields(childName, LocalDate.ofInstant(plan.openedAt(), org.qinqing.system.SchoolTime.ZONE),
						text("concern-status"))));
	}

	void followUp(String tenant, IndividualPlan plan, LocalDate day, String childName) {
		String body = text("follow-up", Map.of("child", childName, "plan", plan.id(), "goal", plan.goal()));
		this.outbox.toPerson(tenant, plan.ownerId(), Message.of("talk-follow-up",
				"talks:" + tenant + ":" + plan.id() + ":follow-up:" + day, body, text("follow-up-title"),
				fields(childName, day, text("follow-up-status"))));
	}

	String mood(int mood) {
		return this.scripts.strings(P + "moods").get(mood - 1);
	}

	private String names(List<Pupil> pupils) {
		List<String> names = pupils.stream().limit(NAMES_SHOWN)
			.map(p -> org.qinqing.people.PersonNames.givenName(p.name())).toList();
		String listed = this.wording.list(names);
		return pupils.size() > NAMES_SHOWN ? listed + text("remind-more", Map.of("n", pupils.size())) : listed;
	}

	private Map<String, String> fields(String child, LocalDate day, String status) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("child", Message.field(child));
		fields.put("time", Message.field(this.wording.date(day)));
		fields.put("status", Message.field(status));
		return fields;
	}

	private String text(String key) {
		return this.scripts.text(P + key);
	}

	private String text(String key, Map<String, Object> params) {
		return this.scripts.text(P + key, params);
	}

}
