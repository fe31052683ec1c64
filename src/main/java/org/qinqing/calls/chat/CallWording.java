package org.qinqing.calls.chat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.qinqing.people.Child;
import org.qinqing.people.Person;
import org.qinqing.people.PersonNames;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.BotScripts;
import org.springframework.stereotype.Component;

/** Dates, times, children and teachers worded for chat from {@code bot-scripts/calls.yaml}. */
@Component
class CallWording {

	private final BotScripts scripts;

	private final SchoolRecords records;

	private final List<String> weekdays;

	CallWording(BotScripts scripts, SchoolRecords records) {
		this.scripts = scripts;
		this.records = records;
		this.weekdays = scripts.strings("calls.weekdays");
		if (this.weekdays.size() != 7) {
			throw new IllegalStateException(scripts.fileOf("calls.weekdays") + ": calls.weekdays needs 7 days");
		}
		scripts.require("calls.day", "calls.today", "calls.tomorrow", "calls.day-relative", "calls.time",
				"calls.child-label", "calls.head-teacher", "calls.any-teacher");
	}

	/** 周三 12月2日 */
	String day(LocalDate date) {
		return this.scripts.text("calls.day", Map.of("weekday", this.weekdays.get(date.getDayOfWeek().getValue() - 1),
				"month", date.getMonthValue(), "day", date.getDayOfMonth()));
	}

	/** 12月2日 */
	String date(LocalDate date) {
		return this.scripts.text("calls.date", Map.of("month", date.getMonthValue(), "day", date.getDayOfMonth()));
	}

	/** 周三 12月2日（明天）, for lists where "today" and "tomorrow" help. */
	String dayFrom(LocalDate date, LocalDate today) {
		String day = day(date);
		if (date.equals(today)) {
			return this.scripts.text("calls.day-relative", Map.of("day", day, "relative", text("calls.today")));
		}
		if (date.equals(today.plusDays(1))) {
			return this.scripts.text("calls.day-relative", Map.of("day", day, "relative", text("calls.tomorrow")));
		}
		return day;
	}

	/** 17:15 */
	String time(LocalDateTime at) {
		return this.scripts.text("calls.time",
				Map.of("hour", String.valueOf(at.getHour()), "minute", String.format("%02d", at.getMinute())));
	}

	/** 周三 12月2日 17:15 */
	String slot(LocalDateTime at) {
		return day(at.toLocalDate()) + " " + time(at);
	}

	String givenName(Child child) {
		return PersonNames.givenName(child.name());
	}

	/** 子涵（三年级(1)班） */
	String childLabel(String tenant, Child child) {
		String className = this.records.schoolClass(tenant, child.classId()).map(SchoolClass::name).orElse("");
		return this.scripts.text("calls.child-label", Map.of("name", givenName(child), "class", className));
	}

	String childLabel(String tenant, String childId) {
		return this.records.child(tenant, childId).map(child -> childLabel(tenant, child)).orElse("");
	}

	/** 班主任王老师: the teacher who brings the child to the call. */
	String bringingTeacher(String tenant, Child child) {
		return this.records.schoolClass(tenant, child.classId())
			.flatMap(c -> this.records.person(tenant, c.headTeacherId()))
			.map(Person::name)
			.filter(name -> !name.isBlank())
			.map(name -> this.scripts.text("calls.head-teacher", Map.of("name", name.substring(0, 1))))
			.orElse(text("calls.any-teacher"));
	}

	String text(String key) {
		return this.scripts.text(key);
	}

	String text(String key, Map<String, ?> params) {
		return this.scripts.text(key, params);
	}

}
