package org.qinqing.conversation;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date the way people say one, relative to today (school time): 今天, 昨天, 前天, 12月3日, 12月3号, 3号,
 * 12-3, 2026-12-3, 周二 / 星期二 (the last one). A date without a year or a month is the latest such date not after
 * the step's latest date, so "28号" on 2 December means 28 November when December's 28th may not be given yet.
 */
final class DateAnswers {

	private static final Map<String, Integer> RELATIVE = Map.of("今天", 0, "今日", 0, "昨天", -1, "昨日", -1, "前天", -2,
			"明天", 1, "后天", 2);

	private static final Pattern FULL = Pattern.compile("(\\d{4})[年\\-/.](\\S{1,3}?)[月\\-/.](\\S{1,3}?)[日号]?");

	private static final Pattern MONTH_DAY = Pattern.compile("(\\S{1,3}?)[月\\-/.](\\S{1,3}?)[日号]?");

	private static final Pattern DAY = Pattern.compile("(\\S{1,3}?)[日号]");

	private static final Pattern WEEKDAY = Pattern.compile("(?:上)?(?:周|星期|礼拜)([一二三四五六日天1-7])");

	private DateAnswers() {
	}

	static Optional<LocalDate> read(String input, LocalDate today, LocalDate latest) {
		String s = input.strip().replace(" ", "");
		if (RELATIVE.containsKey(s)) {
			return Optional.of(today.plusDays(RELATIVE.get(s)));
		}
		try {
			Matcher m = FULL.matcher(s);
			if (m.matches()) {
				return of(Integer.parseInt(m.group(1)), m.group(2), m.group(3));
			}
			m = MONTH_DAY.matcher(s);
			if (m.matches()) {
				Optional<LocalDate> thisYear = of(latest.getYear(), m.group(1), m.group(2));
				return thisYear.map(d -> d.isAfter(latest) ? d.minusYears(1) : d);
			}
			m = DAY.matcher(s);
			if (m.matches()) {
				Optional<Integer> day = Choices.number(m.group(1), 1, 31);
				if (day.isEmpty()) {
					return Optional.empty();
				}
				LocalDate month = latest.withDayOfMonth(1);
				for (int back = 0; back < 3; back++, month = month.minusMonths(1)) {
					if (day.get() <= month.lengthOfMonth() && !month.withDayOfMonth(day.get()).isAfter(latest)) {
						return Optional.of(month.withDayOfMonth(day.get()));
					}
				}
				return Optional.empty();
			}
			m = WEEKDAY.matcher(s);
			if (m.matches()) {
				String w = m.group(1);
				int value = "日天".contains(w) ? 7 : w.matches("\\d") ? Integer.parseInt(w) : Choices.chinese(w).orElse(0);
				DayOfWeek wanted = DayOfWeek.of(value);
				if (s.startsWith("上")) {
					return Optional.of(today.with(DayOfWeek.MONDAY).minusWeeks(1).with(wanted));
				}
				LocalDate date = latest;
				while (date.getDayOfWeek() != wanted) {
					date = date.minusDays(1);
				}
				return Optional.of(date);
			}
		}
		catch (DateTimeException | NumberFormatException ex) {
			return Optional.empty();
		}
		return Optional.empty();
	}

	private static Optional<LocalDate> of(int year, String month, String day) {
		Optional<Integer> m = Choices.number(month, 1, 12);
		Optional<Integer> d = Choices.number(day, 1, 31);
		if (m.isEmpty() || d.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.of(year, m.get(), d.get()));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

}
