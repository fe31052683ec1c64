package org.qinqing.parenting.push;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a week's push is spread: messages per school day, each day inside what the account's template quota leaves
 * after the day's other messages and the reserve, and what the rate can send in the evening before quiet hours.
 * Days already sent show what went; the rest is carried to the following days at the same time.
 *
 * @param days in date order
 */
public record PushPlan(List<Day> days) {

	/** Most days a plan looks ahead: a push that needs more is left unplanned beyond (the quota is far too small). */
	static final int MAX_DAYS = 14;

	public PushPlan {
		days = List.copyOf(days);
	}

	/** @param count messages planned (or, for a past day, sent) that day */
	public record Day(LocalDate date, int count) {
	}

	/**
	 * @param sent messages already sent on earlier days (by date)
	 * @param today the first day still to plan
	 * @param todayAllowance what today may still send (its quota and evening left)
	 * @param dailyAllowance what a following day may send
	 * @param remaining people still to send to
	 */
	static PushPlan of(Map<LocalDate, Integer> sent, LocalDate today, int todayAllowance, int dailyAllowance,
			int remaining) {
		List<Day> days = new ArrayList<>();
		sent.entrySet()
			.stream()
			.filter(e -> e.getKey().isBefore(today))
			.sorted(Map.Entry.comparingByKey())
			.forEach(e -> days.add(new Day(e.getKey(), e.getValue())));
		int left = remaining;
		int first = Math.max(0, Math.min(todayAllowance, left));
		days.add(new Day(today, first + sent.getOrDefault(today, 0)));
		left -= first;
		LocalDate day = today;
		for (int i = 1; left > 0 && dailyAllowance > 0 && i < MAX_DAYS; i++) {
			day = day.plusDays(1);
			int count = Math.min(dailyAllowance, left);
			days.add(new Day(day, count));
			left -= count;
		}
		return new PushPlan(days);
	}

	/** What the account's day leaves for lessons: the quota less the reserve less what the day has used. */
	static int allowance(int dailyQuota, int reservePercent, long usedToday) {
		long share = (long) dailyQuota * (100 - reservePercent) / 100;
		return (int) Math.max(0, share - usedToday);
	}

	public int total() {
		return this.days.stream().mapToInt(Day::count).sum();
	}

	public int planned(LocalDate date) {
		return this.days.stream().filter(d -> d.date().equals(date)).mapToInt(Day::count).sum();
	}

}
