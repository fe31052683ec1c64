package org.qinqing.support;

import org.qinqing.system.SchoolTime;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * Dates for tests, derived from the day the suite runs (school time), never pinned: a pinned date
 * rots once it has passed, and the suite must pass on any day and at any hour (CI also runs it under
 * {@code faketime}). Taken once per JVM, so a run that crosses midnight keeps one set of dates.
 */
public final class TestDates {

	/** The schools' zone, as the app's clock uses it. */
	public static final ZoneId SCHOOL_ZONE = SchoolTime.ZONE;

	/** Today, school time, when the suite started. */
	public static final LocalDate TODAY = LocalDate.now(SCHOOL_ZONE);

	/** The first Monday after today: a whole school week that lies ahead of the real clock. */
	public static final LocalDate NEXT_MONDAY = TODAY.with(TemporalAdjusters.next(DayOfWeek.MONDAY));

	/** The Monday of the week {@code weeks} weeks before this one: a week that lies wholly in the past. */
	public static LocalDate mondayWeeksAgo(int weeks) {
		return TODAY.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks);
	}

	private TestDates() {
	}

}
