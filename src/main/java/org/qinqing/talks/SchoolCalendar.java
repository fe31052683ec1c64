package org.qinqing.talks;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.qinqing.system.SchoolDays;

/**
 * The school year as the talks count it: two terms (autumn from September into January, spring from late February
 * into July), the days the school is closed inside them (National Day week...), and weekdays. A month owes talks
 * when it has at least {@code minSchoolDays} school days: so January (two weeks before the winter holiday) and
 * September owe, while August, and a February or July with only a few days of term, owe nothing.
 *
 * @param autumnStart the autumn term's first day (September)
 * @param autumnEnd its last day (next January)
 * @param springStart the spring term's first day (February or March)
 * @param springEnd its last day (July)
 * @param closed days off inside the terms, each a range of month-days (a range may not cross a year's end)
 * @param minSchoolDays a month with fewer school days owes nothing
 */
public record SchoolCalendar(MonthDay autumnStart, MonthDay autumnEnd, MonthDay springStart, MonthDay springEnd,
		List<Closed> closed, int minSchoolDays) {

	/** Days the school is closed, from {@code first} to {@code last} (month-days, both included). */
	public record Closed(MonthDay first, MonthDay last) {

		boolean contains(LocalDate date) {
			MonthDay day = MonthDay.from(date);
			return !day.isBefore(this.first) && !day.isAfter(this.last);
		}

		/** {@code 10-01..10-07}, or one day {@code 05-01}. */
		static Closed parse(String text) {
			String[] parts = text.strip().split("\\.\\.|~|至");
			MonthDay first = monthDay(parts[0]);
			MonthDay last = parts.length > 1 ? monthDay(parts[1]) : first;
			if (last.isBefore(first)) {
				throw new IllegalArgumentException(text);
			}
			return new Closed(first, last);
		}

		@Override
		public String toString() {
			return this.first.equals(this.last) ? format(this.first) : format(this.first) + ".." + format(this.last);
		}

	}

	public SchoolCalendar {
		closed = List.copyOf(closed);
		if (minSchoolDays < 0) {
			throw new IllegalArgumentException("minSchoolDays " + minSchoolDays);
		}
	}

	/** Closed ranges written one per line or separated by commas: {@code 10-01..10-07, 05-01..05-05}. */
	public static List<Closed> parseClosed(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return java.util.Arrays.stream(text.split("[,，;；\\n]+")).filter(s -> !s.isBlank()).map(Closed::parse).toList();
	}

	public static MonthDay monthDay(String text) {
		String[] md = text.strip().split("[-/.月]");
		return MonthDay.of(Integer.parseInt(md[0].strip()), Integer.parseInt(md[1].replace("日", "").strip()));
	}

	public static String format(MonthDay day) {
		return String.format("%02d-%02d", day.getMonthValue(), day.getDayOfMonth());
	}

	/** Whether the date is in a term (either end included). */
	public boolean inTerm(LocalDate date) {
		MonthDay day = MonthDay.from(date);
		boolean autumn = !day.isBefore(this.autumnStart) || !day.isAfter(this.autumnEnd);
		boolean spring = !day.isBefore(this.springStart) && !day.isAfter(this.springEnd);
		return autumn || spring;
	}

	public boolean isSchoolDay(LocalDate date) {
		return SchoolDays.isWeekday(date) && inTerm(date) && this.closed.stream().noneMatch(c -> c.contains(date));
	}

	/** School days of the month from {@code from} (included) to the month's end. */
	public int schoolDaysFrom(LocalDate from) {
		int days = 0;
		for (LocalDate d = from; d.getMonth() == from.getMonth(); d = d.plusDays(1)) {
			days += isSchoolDay(d) ? 1 : 0;
		}
		return days;
	}

	public int schoolDays(YearMonth month) {
		return schoolDaysFrom(month.atDay(1));
	}

	public boolean owes(YearMonth month) {
		return schoolDays(month) >= Math.max(1, this.minSchoolDays);
	}

	/** The month's last school day, or empty in a month without any. */
	public Optional<LocalDate> lastSchoolDay(YearMonth month) {
		for (LocalDate d = month.atEndOfMonth(); d.getMonth() == month.getMonth(); d = d.minusDays(1)) {
			if (isSchoolDay(d)) {
				return Optional.of(d);
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether a child who joined on {@code since} owes a talk in {@code month}: yes when they were there before the
	 * month began, or joined with at least {@code minSchoolDays} school days of it left; else from the next month.
	 */
	public boolean owesJoiner(LocalDate since, YearMonth month) {
		if (since.isBefore(month.atDay(1))) {
			return true;
		}
		if (YearMonth.from(since).isAfter(month)) {
			return false;
		}
		return schoolDaysFrom(since) >= Math.max(1, this.minSchoolDays);
	}

}
