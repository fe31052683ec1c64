package org.qinqing.parenting;

import java.time.LocalDate;
import java.time.Month;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which seasons of the school year a school date is in (a date may be in several: late January is winter and before
 * the Spring Festival). September is the autumn term's start; December to February winter; the 28 days before the
 * Spring Festival (the parents coming home) up to its eve; from the week after it to the end of March the spring
 * term's start; May to July summer (before the holidays). Pure: the date comes from the caller's clock.
 */
public final class SeasonCalendar {

	/** How long before the Spring Festival its lessons are timely: the parents come home, the children wait. */
	static final int BEFORE_FESTIVAL_DAYS = 28;

	/** The spring term starts about this long after the Spring Festival. */
	static final int TERM_AFTER_FESTIVAL_DAYS = 7;

	private final SpringFestivals festivals;

	public SeasonCalendar(SpringFestivals festivals) {
		this.festivals = festivals;
	}

	public Set<Season> of(LocalDate date) {
		Set<Season> seasons = EnumSet.noneOf(Season.class);
		Month month = date.getMonth();
		if (month == Month.SEPTEMBER) {
			seasons.add(Season.AUTUMN_TERM);
		}
		if (month == Month.DECEMBER || month == Month.JANUARY || month == Month.FEBRUARY) {
			seasons.add(Season.WINTER);
		}
		if (month.getValue() >= 5 && month.getValue() <= 7) {
			seasons.add(Season.SUMMER);
		}
		// the coming festival may be next year's (December) or this year's
		for (int year : new int[] { date.getYear(), date.getYear() + 1 }) {
			this.festivals.in(year).ifPresent(festival -> {
				if (!date.isBefore(festival.minusDays(BEFORE_FESTIVAL_DAYS)) && date.isBefore(festival)) {
					seasons.add(Season.SPRING_FESTIVAL);
				}
			});
		}
		this.festivals.in(date.getYear()).ifPresent(festival -> {
			if (!date.isBefore(festival.plusDays(TERM_AFTER_FESTIVAL_DAYS)) && month.getValue() <= 3) {
				seasons.add(Season.SPRING_TERM);
			}
		});
		return seasons;
	}

}
