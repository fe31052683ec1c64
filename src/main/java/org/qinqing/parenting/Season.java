package org.qinqing.parenting;

/**
 * A time of the school year a lesson belongs to ({@link SeasonCalendar} says which a date is in).
 */
public enum Season {

	/** September: the new school year. */
	AUTUMN_TERM("autumn-term"),
	/** December to February: the cold (heating, gas, electricity). */
	WINTER("winter"),
	/** About four weeks before the Spring Festival: the parents come home. */
	SPRING_FESTIVAL("spring-festival"),
	/** After the Spring Festival to March: the new term. */
	SPRING_TERM("spring-term"),
	/** May to July: before the summer holidays (drowning). */
	SUMMER("summer");

	private final String code;

	Season(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	static Season of(String code) {
		for (Season season : values()) {
			if (season.code.equals(code)) {
				return season;
			}
		}
		return null;
	}

}
