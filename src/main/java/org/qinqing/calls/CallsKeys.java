package org.qinqing.calls;

import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.List;

import org.qinqing.jobs.JobsKeys;
import org.qinqing.system.RedisKeys;

/**
 * The calls' Redis keys ({@code qq:{tenant}:calls:...}, one hash tag per tenant so a script's keys share a node).
 * Bookings: {@code slot:<yyyyMMddHHmm>} hash of the slot's seats; {@code week:<family>:<yyyy-Www>} set of the
 * family's booking numbers that ISO week; {@code seq} the booking counter; {@code bookings} hash number → record
 * (JSON); {@code all} and {@code family:<family>} sorted sets of booking numbers by start (epoch s). Waitlist:
 * {@code wait:<slot>} families by join order; {@code waiter:<slot>} family → record (JSON: child, person);
 * {@code waits:<family>} and {@code waitslots} slot ids by start; {@code waitseq}; {@code offers} family → record
 * (JSON: slot, station, child, person, expiry). Jobs (notices, reminders, ends of offers) are the shared due jobs.
 */
final class CallsKeys {

	private CallsKeys() {
	}

	static String slot(String tenant, String slotId) {
		return key(tenant, "slot:" + slotId);
	}

	static String week(String tenant, String familyId, LocalDateTime start) {
		String week = start.get(IsoFields.WEEK_BASED_YEAR) + "-W"
				+ String.format("%02d", start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
		return key(tenant, "week:" + familyId + ":" + week);
	}

	static String seq(String tenant) {
		return key(tenant, "seq");
	}

	static String bookings(String tenant) {
		return key(tenant, "bookings");
	}

	static String all(String tenant) {
		return key(tenant, "all");
	}

	static String family(String tenant, String familyId) {
		return key(tenant, "family:" + familyId);
	}

	static String offers(String tenant) {
		return key(tenant, "offers");
	}

	static String wait(String tenant, String slotId) {
		return key(tenant, "wait:" + slotId);
	}

	static String waiter(String tenant, String slotId) {
		return key(tenant, "waiter:" + slotId);
	}

	static String waits(String tenant, String familyId) {
		return key(tenant, "waits:" + familyId);
	}

	static String waitSlots(String tenant) {
		return key(tenant, "waitslots");
	}

	static String waitSeq(String tenant) {
		return key(tenant, "waitseq");
	}

	/** Where an earlier version kept the call jobs (pipe-joined, in one sorted set): moved to the due jobs at start. */
	static String legacySchedule(String tenant) {
		return key(tenant, "schedule");
	}

	/** The due jobs' two keys, which the calls' scripts schedule in. */
	static List<String> jobs(String tenant) {
		return JobsKeys.forScripts(tenant);
	}

	private static String key(String tenant, String id) {
		return RedisKeys.of(tenant, "calls", id);
	}

}
