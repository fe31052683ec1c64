package org.qinqing.parenting.push;

import java.time.LocalDate;

import org.qinqing.system.RedisKeys;

/** The weekly push's Redis keys, under the tenant's hash tag. */
final class PushKeys {

	private PushKeys() {
	}

	/** Hash: a week's push (audience size, cursor, figures, per-day counts, the plan as JSON). */
	static String week(String tenant, LocalDate week) {
		return RedisKeys.of(tenant, "parenting-push", week.toString());
	}

	/** List: the week's audience as taken when the push began, so its order holds across restarts. */
	static String audience(String tenant, LocalDate week) {
		return RedisKeys.of(tenant, "parenting-push", week + ":audience");
	}

	/** Sorted set of the weeks pushed (member: the week's date, score: its epoch day). */
	static String weeks(String tenant) {
		return RedisKeys.of(tenant, "parenting-push", "weeks");
	}

}
