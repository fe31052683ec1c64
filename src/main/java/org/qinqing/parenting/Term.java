package org.qinqing.parenting;

import java.time.LocalDate;

/**
 * A school term, the span reach is counted over: the autumn term from September to January, the spring term from
 * February to August (the summer holidays count with the term before them).
 *
 * @param id e.g. {@code 2026-autumn} (the autumn term of the school year 2026/27) or {@code 2027-spring}
 */
public record Term(String id, LocalDate start, LocalDate end) {

	public static Term of(LocalDate date) {
		int month = date.getMonthValue();
		if (month >= 9) {
			return autumn(date.getYear());
		}
		if (month == 1) {
			return autumn(date.getYear() - 1);
		}
		return new Term(date.getYear() + "-spring", LocalDate.of(date.getYear(), 2, 1),
				LocalDate.of(date.getYear(), 8, 31));
	}

	private static Term autumn(int year) {
		return new Term(year + "-autumn", LocalDate.of(year, 9, 1), LocalDate.of(year + 1, 1, 31));
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(this.start) && !date.isAfter(this.end);
	}

}
