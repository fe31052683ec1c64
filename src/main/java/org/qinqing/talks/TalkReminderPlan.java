package org.qinqing.talks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who is reminded at a talk time, and of what; pure. Nobody on a day that is no school day or in a month that owes
 * nothing; else each teacher with children still owed, with those children only; from the countdown day on, the
 * school days left in the month too.
 */
final class TalkReminderPlan {

	private TalkReminderPlan() {
	}

	/**
	 * @param schoolDaysLeft school days from the talk time's day to the month's end, that day included
	 * @param countdown whether the reminder says them (from the countdown day on)
	 */
	record Reminder(String teacherId, List<Pupil> owed, int schoolDaysLeft, boolean countdown) {
	}

	static List<Reminder> at(LocalDate slot, TalkSettings settings, List<OwedTalks.Standing> standings) {
		SchoolCalendar calendar = settings.calendar();
		if (slot.getDayOfWeek() != settings.talkDay() || !calendar.isSchoolDay(slot)
				|| !calendar.owes(java.time.YearMonth.from(slot))) {
			return List.of();
		}
		int left = calendar.schoolDaysFrom(slot);
		boolean countdown = slot.getDayOfMonth() >= settings.countdownFrom();
		List<Reminder> reminders = new ArrayList<>();
		for (Map.Entry<String, List<Pupil>> e : OwedTalks.byTeacher(standings).entrySet()) {
			reminders.add(new Reminder(e.getKey(), e.getValue(), left, countdown));
		}
		return reminders;
	}

}
