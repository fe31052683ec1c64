package org.qinqing.conversation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.qinqing.people.Child;
import org.qinqing.people.PersonNames;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.BotScripts;
import org.springframework.stereotype.Component;

/**
 * Dates, times, weekdays and children worded the same way by every feature, from {@code bot-scripts/common.yaml}:
 * 周三 12月2日, 17:15, 子涵（三年级(1)班）. Children are named by given name and class only.
 */
@Component
public class Wording {

	private final BotScripts scripts;

	private final SchoolRecords records;

	private final List<String> weekdays;

	Wording(BotScripts scripts, SchoolRecords records) {
		this.scripts = scripts;
		this.records = records;
		scripts.require("common.day", "common.date", "common.time", "common.today", "common.tomorrow",
				"common.day-relative", "common.child-label", "common.list-separator", "common.teacher-name");
		this.weekdays = scripts.strings("common.weekdays");
		if (this.weekdays.size() != 7) {
			throw new IllegalStateException(scripts.fileOf("common.weekdays") + ": common.weekdays needs 7 days");
		}
	}

	/** 周三 */
	public String weekday(LocalDate date) {
		return this.weekdays.get(date.getDayOfWeek().getValue() - 1);
	}

	/** 周三 12月2日 */
	public String day(LocalDate date) {
		return this.scripts.text("common.day",
				Map.of("weekday", weekday(date), "month", date.getMonthValue(), "day", date.getDayOfMonth()));
	}

	/** 12月2日 */
	public String date(LocalDate date) {
		return this.scripts.text("common.date", Map.of("month", date.getMonthValue(), "day", date.getDayOfMonth()));
	}

	/** 周三 12月2日（明天）, for lists where "today" and "tomorrow" help. */
	public String dayFrom(LocalDate date, LocalDate today) {
		String day = day(date);
		if (date.equals(today)) {
			return this.scripts.text("common.day-relative", Map.of("day", day, "relative", this.scripts.text("common.today")));
		}
		if (date.equals(today.plusDays(1))) {
			return this.scripts.text("common.day-relative",
					Map.of("day", day, "relative", this.scripts.text("common.tomorrow")));
		}
		return day;
	}

	/** 17:15 */
	public String time(LocalTime at) {
		return this.scripts.text("common.time",
				Map.of("hour", String.format("%02d", at.getHour()), "minute", String.format("%02d", at.getMinute())));
	}

	public String time(LocalDateTime at) {
		return time(at.toLocalTime());
	}

	/** 周三 12月2日 17:15 */
	public String when(LocalDateTime at) {
		return day(at.toLocalDate()) + " " + time(at);
	}

	/** 12月2日 17:15: short enough for a template field. */
	public String shortWhen(LocalDateTime at) {
		return date(at.toLocalDate()) + " " + time(at);
	}

	/** 子涵 */
	public String givenName(Child child) {
		return PersonNames.givenName(child.name());
	}

	/** 子涵（三年级(1)班） */
	public String childLabel(String tenant, Child child) {
		String className = this.records.schoolClass(tenant, child.classId()).map(SchoolClass::name).orElse("");
		return this.scripts.text("common.child-label", Map.of("name", givenName(child), "class", className));
	}

	/** 王老师: how parents speak of a teacher, by surname. */
	public String teacher(String fullName) {
		return this.scripts.text("common.teacher-name", Map.of("name", fullName.isEmpty() ? "" : fullName.substring(0, 1)));
	}

	/** Items joined as a list in a sentence: 子涵、浩宇 */
	public String list(List<String> items) {
		return String.join(this.scripts.text("common.list-separator"), items);
	}

}
