package org.qinqing.parenting.push;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One week's push as stored: the audience taken at its start and how far it has gone.
 *
 * @param audience people in the snapshot (-1: not taken yet)
 * @param cursor people handled so far, in the snapshot's order
 * @param queued messages handed to the outbox (a person may have two WeChat users)
 * @param unreachable people bound to nobody who follows
 * @param noLesson people who have had every lesson that fits them
 * @param sentByDay messages queued per school day
 * @param budgets what each day was allowed when it began
 */
public record WeekPush(LocalDate week, int audience, int cursor, int queued, int reached, int unreachable,
		int noLesson, Instant startedAt, Instant finishedAt, Map<LocalDate, Integer> sentByDay,
		Map<LocalDate, Integer> budgets, PushPlan plan) {

	public WeekPush {
		sentByDay = Map.copyOf(sentByDay);
		budgets = Map.copyOf(budgets);
	}

	public boolean started() {
		return this.audience >= 0;
	}

	public boolean finished() {
		return this.finishedAt != null;
	}

	public int remaining() {
		return Math.max(0, this.audience - this.cursor);
	}

	/** Share of the audience handled, 0..100. */
	public int percent() {
		return this.audience <= 0 ? (started() ? 100 : 0) : (int) (100L * this.cursor / this.audience);
	}

	public int sentOn(LocalDate day) {
		return this.sentByDay.getOrDefault(day, 0);
	}

}
