package org.qinqing.talks;

import java.time.YearMonth;
import java.util.List;

import org.qinqing.system.RedisKeys;

/** The talks' Redis keys, all under the tenant's hash tag. */
final class TalksKeys {

	private TalksKeys() {
	}

	/** The counter numbering cards (T1, T2...). */
	static String cardSequence(String tenant) {
		return RedisKeys.of(tenant, "talks:seq");
	}

	/** Hash: card id → the card as JSON. */
	static String cards(String tenant) {
		return RedisKeys.of(tenant, "talks:cards");
	}

	/**
	 * Hash: child id → the ids of whoever recorded a talk with the child that month, comma-separated. One HGETALL is
	 * a month's compliance for the whole tenant.
	 */
	static String talked(String tenant, YearMonth month) {
		return RedisKeys.of(tenant, "talks:talked", month.toString());
	}

	/** Sorted set of a month's cards by the talk's day (epoch day): the export and the console's list. */
	static String monthCards(String tenant, YearMonth month) {
		return RedisKeys.of(tenant, "talks:month", month.toString());
	}

	/** Sorted set of a child's cards by the talk's day (epoch day): the last talk, the child's history. */
	static String childCards(String tenant, String childId) {
		return RedisKeys.of(tenant, "talks:child", childId);
	}

	/** Hash: child id → the first day the talks knew them as a left-behind pupil (ISO date). */
	static String since(String tenant) {
		return RedisKeys.of(tenant, "talks:since");
	}

	/** Hash: the school's talk settings as saved in the console (calendar, rule, times). */
	static String settings(String tenant) {
		return RedisKeys.of(tenant, "talks:settings");
	}

	/** The counter numbering individual plans (P1, P2...). */
	static String planSequence(String tenant) {
		return RedisKeys.of(tenant, "talks:plan-seq");
	}

	/** Hash: plan id → the plan as JSON. */
	static String plans(String tenant) {
		return RedisKeys.of(tenant, "talks:plans");
	}

	/** Sorted set of open plans by when they were opened (epoch ms). */
	static String openPlans(String tenant) {
		return RedisKeys.of(tenant, "talks:plans-open");
	}

	/** Sorted set of every plan by when it was opened (epoch ms). */
	static String allPlans(String tenant) {
		return RedisKeys.of(tenant, "talks:plans-all");
	}

	/** The card a teacher saved last, while 保密 may still stop its parents' note (expires then). */
	static String lastSaved(String tenant, String teacherId) {
		return RedisKeys.of(tenant, "talks:last", teacherId);
	}

	/** Keys of {@code talks/save.lua}: sequence, cards, the month's talked hash, month's cards, child's cards. */
	static List<String> forSaving(String tenant, YearMonth month, String childId) {
		return List.of(cardSequence(tenant), cards(tenant), talked(tenant, month), monthCards(tenant, month),
				childCards(tenant, childId));
	}

}
