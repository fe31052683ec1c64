package org.qinqing.emergency;

import java.time.LocalDate;

/** The school term a day is in: the autumn term from 1 September (through January), the spring term from 1 February. */
final class SchoolTerm {

	private SchoolTerm() {
	}

	static LocalDate start(LocalDate day) {
		if (day.getMonthValue() >= 9) {
			return LocalDate.of(day.getYear(), 9, 1);
		}
		if (day.getMonthValue() >= 2) {
			return LocalDate.of(day.getYear(), 2, 1);
		}
		return LocalDate.of(day.getYear() - 1, 9, 1);
	}

}
