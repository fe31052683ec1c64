package org.qinqing.talks;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The defaults a school starts with; the console's talk settings ({@link TalkSettingsStore}) override them per school.
 *
 * @param talkDay the weekday of the talk period (Tuesday afternoon's activity period)
 * @param talkTime when on that day teachers are reminded of the children still owed
 * @param missingTime when on the month's last school day the leaders get the list still missing
 * @param countdownFrom from this day of the month, reminders say how many school days are left
 * @param rule whether either teacher's talk satisfies a child's month, or both must talk
 * @param autumnStart first day of the autumn term (MM-dd)
 * @param autumnEnd last day of the autumn term, in January
 * @param springStart first day of the spring term
 * @param springEnd last day of the spring term, in July
 * @param closed days off inside the terms: {@code 01-01, 10-01..10-07, 05-01..05-05}
 * @param minSchoolDays a month (or a newcomer's rest of a month) with fewer school days owes no talk
 * @param parentsAfter the parents' note waits this long after a card is saved, so 保密 can still stop it
 */
@ConfigurationProperties("qinqing.talks")
public record TalksProperties(@DefaultValue("TUESDAY") DayOfWeek talkDay, @DefaultValue("14:00") LocalTime talkTime,
		@DefaultValue("16:00") LocalTime missingTime, @DefaultValue("20") int countdownFrom,
		@DefaultValue("EITHER") OwedRule rule, @DefaultValue("09-01") String autumnStart,
		@DefaultValue("01-15") String autumnEnd, @DefaultValue("02-24") String springStart,
		@DefaultValue("07-05") String springEnd, @DefaultValue("01-01, 10-01..10-07, 05-01..05-05") String closed,
		@DefaultValue("5") int minSchoolDays, @DefaultValue("10m") Duration parentsAfter) {

	TalkSettings defaults() {
		return new TalkSettings(new SchoolCalendar(SchoolCalendar.monthDay(this.autumnStart),
				SchoolCalendar.monthDay(this.autumnEnd), SchoolCalendar.monthDay(this.springStart),
				SchoolCalendar.monthDay(this.springEnd), SchoolCalendar.parseClosed(this.closed), this.minSchoolDays),
				this.rule, this.talkDay, this.talkTime, this.missingTime, this.countdownFrom);
	}

}
