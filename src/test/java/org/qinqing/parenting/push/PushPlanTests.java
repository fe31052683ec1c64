package org.qinqing.parenting.push;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qinqing.support.TestDates;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan alone: what the quota leaves each day, and the rest carried to the next days. */
class PushPlanTests {

	private static final LocalDate FRIDAY = TestDates.NEXT_MONDAY.plusDays(4);

	@Test
	void aQuotaOf100With10PercentReserveSends250Over90And90And70() {
		int daily = PushPlan.allowance(100, 10, 0);
		PushPlan plan = PushPlan.of(Map.of(), FRIDAY, daily, daily, 250);
		assertThat(plan.days()).containsExactly(new PushPlan.Day(FRIDAY, 90), new PushPlan.Day(FRIDAY.plusDays(1), 90),
				new PushPlan.Day(FRIDAY.plusDays(2), 70));
		assertThat(plan.total()).isEqualTo(250);
	}

	@Test
	void whatTheDayHasUsedComesOffTheFirstDayOnly() {
		assertThat(PushPlan.allowance(100, 10, 30)).isEqualTo(60);
		assertThat(PushPlan.allowance(100, 10, 95)).isZero();
		PushPlan plan = PushPlan.of(Map.of(), FRIDAY, PushPlan.allowance(100, 10, 30), 90, 100);
		assertThat(plan.days()).extracting(PushPlan.Day::count).containsExactly(60, 40);
	}

	@Test
	void daysSentStayAsTheyWentAndTheRestIsPlannedFromToday() {
		PushPlan plan = PushPlan.of(Map.of(FRIDAY, 90), FRIDAY.plusDays(1), 90, 90, 160);
		assertThat(plan.days()).extracting(PushPlan.Day::count).containsExactly(90, 90, 70);
		assertThat(plan.planned(FRIDAY.plusDays(2))).isEqualTo(70);
	}

	@Test
	void aCounty150000AgainstA100000QuotaTakesTwoDays() {
		int daily = PushPlan.allowance(100_000, 10, 0);
		PushPlan plan = PushPlan.of(Map.of(), FRIDAY, daily, daily, 150_000);
		assertThat(plan.days()).extracting(PushPlan.Day::count).containsExactly(90_000, 60_000);
	}

}
