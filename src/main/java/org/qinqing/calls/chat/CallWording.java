package org.qinqing.calls.chat;

import java.time.LocalDateTime;
import java.util.Map;

import org.qinqing.conversation.Wording;
import org.qinqing.people.Child;
import org.qinqing.people.Person;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.BotScripts;
import org.springframework.stereotype.Component;

/**
 * What the calls chat words its own way, beside the shared {@link Wording} (days, dates, children): a time as the
 * chat says it, a slot, a booked child by id, the teacher who brings the child, and the texts of
 * {@code bot-scripts/calls.yaml}.
 */
@Component
class CallWording {

	private final BotScripts scripts;

	private final SchoolRecords records;

	private final Wording shared;

	CallWording(BotScripts scripts, SchoolRecords records, Wording shared) {
		this.scripts = scripts;
		this.records = records;
		this.shared = shared;
		scripts.require("calls.time", "calls.head-teacher", "calls.any-teacher");
	}

	/** 9:15, 17:15: the chat does not pad the hour (the notices, by {@link Wording#time}, say 09:15). */
	String time(LocalDateTime at) {
		return this.scripts.text("calls.time",
				Map.of("hour", String.valueOf(at.getHour()), "minute", String.format("%02d", at.getMinute())));
	}

	/** 周三 12月2日 9:15 */
	String slot(LocalDateTime at) {
		return this.shared.day(at.toLocalDate()) + " " + time(at);
	}

	/** A booked child's {@link Wording#childLabel}, or empty when the child is gone. */
	String childLabel(String tenant, String childId) {
		return this.records.child(tenant, childId).map(child -> this.shared.childLabel(tenant, child)).orElse("");
	}

	/** 班主任王老师: the teacher who brings the child to the call. */
	String bringingTeacher(String tenant, Child child) {
		return this.records.schoolClass(tenant, child.classId())
			.flatMap(c -> this.records.person(tenant, c.headTeacherId()))
			.map(Person::name)
			.filter(name -> !name.isBlank())
			.map(name -> this.scripts.text("calls.head-teacher", Map.of("teacher", this.shared.teacher(name))))
			.orElse(text("calls.any-teacher"));
	}

	String text(String key) {
		return this.scripts.text(key);
	}

	String text(String key, Map<String, ?> params) {
		return this.scripts.text(key, params);
	}

}
