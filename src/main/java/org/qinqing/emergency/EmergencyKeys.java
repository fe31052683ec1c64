package org.qinqing.emergency;

import java.util.ArrayList;
import java.util.List;

import org.qinqing.jobs.JobsKeys;
import org.qinqing.system.RedisKeys;

/** The incidents' Redis keys, all under the tenant's hash tag. */
final class EmergencyKeys {

	private EmergencyKeys() {
	}

	/** The counter numbering incidents (E1, E2...). */
	static String sequence(String tenant) {
		return RedisKeys.of(tenant, "emergency:seq");
	}

	/** Hash: an incident's header (child, kind, place, who reported when, each step's acknowledgement and lateness). */
	static String incident(String tenant, String number) {
		return RedisKeys.of(tenant, "emergency:i", number);
	}

	/** List of JSON events: the incident's timeline, in order. */
	static String events(String tenant, String number) {
		return RedisKeys.of(tenant, "emergency:e", number);
	}

	/** Hash: who acknowledged (person id, or a call's mark) → when. */
	static String acks(String tenant, String number) {
		return RedisKeys.of(tenant, "emergency:a", number);
	}

	/** Sorted set of every incident by report time (epoch ms): the console's list, the term's figures. */
	static String all(String tenant) {
		return RedisKeys.of(tenant, "emergency:all");
	}

	/** Sorted set of the open incidents by report time: few at any time, read whole. */
	static String open(String tenant) {
		return RedisKeys.of(tenant, "emergency:open");
	}

	/** A class's incidents by report time: its head teacher's list. */
	static String ofClass(String tenant, String classId) {
		return RedisKeys.of(tenant, "emergency:class", classId);
	}

	/** A child's incidents by report time: their paired teacher's list. */
	static String ofChild(String tenant, String childId) {
		return RedisKeys.of(tenant, "emergency:child", childId);
	}

	/** A child's open incidents: what a family's 收到 acknowledges. */
	static String openOfChild(String tenant, String childId) {
		return RedisKeys.of(tenant, "emergency:child-open", childId);
	}

	/** Keys of the report script. */
	static List<String> forReport(String tenant, String number, String classId, String childId) {
		List<String> keys = new ArrayList<>(List.of(incident(tenant, number), events(tenant, number), all(tenant),
				open(tenant), ofClass(tenant, classId), ofChild(tenant, childId), openOfChild(tenant, childId)));
		keys.addAll(JobsKeys.forScripts(tenant));
		return keys;
	}

	/** Keys of the acknowledgement script: header, events, acks, the jobs. */
	static List<String> forAck(String tenant, String number) {
		List<String> keys = new ArrayList<>(List.of(incident(tenant, number), events(tenant, number), acks(tenant, number)));
		keys.addAll(JobsKeys.forScripts(tenant));
		return keys;
	}

	/** Keys of the closing script: header, events, open, the child's open, the jobs. */
	static List<String> forClose(String tenant, String number, String childId) {
		List<String> keys = new ArrayList<>(List.of(incident(tenant, number), events(tenant, number), open(tenant),
				openOfChild(tenant, childId)));
		keys.addAll(JobsKeys.forScripts(tenant));
		return keys;
	}

}
