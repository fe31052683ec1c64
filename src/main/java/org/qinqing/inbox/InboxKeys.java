package org.qinqing.inbox;

import java.util.List;

import org.qinqing.jobs.JobsKeys;
import org.qinqing.system.RedisKeys;

/** The inbox's Redis keys, all under the tenant's hash tag. */
final class InboxKeys {

	private InboxKeys() {
	}

	/** The counter numbering threads (Q1, Q2...). */
	static String sequence(String tenant) {
		return RedisKeys.of(tenant, "inbox:seq");
	}

	/** What a thread's keys start with: {@code <prefix>t:<number>} its header, {@code <prefix>e:<number>} its entries. */
	static String prefix(String tenant) {
		return RedisKeys.of(tenant, "inbox:");
	}

	/** Hash: a thread's header (kind, child, asker, teacher, state, times). */
	static String thread(String tenant, String number) {
		return prefix(tenant) + "t:" + number;
	}

	/** List of JSON entries: the question, additions, answers, in order. */
	static String entries(String tenant, String number) {
		return prefix(tenant) + "e:" + number;
	}

	/** Sorted set of threads waiting for an answer, by when they began waiting (epoch ms). */
	static String open(String tenant) {
		return RedisKeys.of(tenant, "inbox:open");
	}

	/** The waiting threads of a class, for its head teacher. */
	static String openOfClass(String tenant, String classId) {
		return RedisKeys.of(tenant, "inbox:open-class", classId);
	}

	/** The waiting threads a teacher was given (a paired child's, or a class without a head teacher). */
	static String openOfTeacher(String tenant, String teacherId) {
		return RedisKeys.of(tenant, "inbox:open-teacher", teacherId);
	}

	/** Sorted set of every thread by when it was filed: the console's list and the month's figures. */
	static String all(String tenant) {
		return RedisKeys.of(tenant, "inbox:all");
	}

	/** Sorted set of a class's threads (any state) by filing time: its head teacher's console list. */
	static String ofClass(String tenant, String classId) {
		return RedisKeys.of(tenant, "inbox:class", classId);
	}

	/** Sorted set of the threads given to a teacher (any state) by filing time. */
	static String ofTeacher(String tenant, String teacherId) {
		return RedisKeys.of(tenant, "inbox:teacher", teacherId);
	}

	/** Sorted set of a child's threads (any state) by filing time: their paired teacher's console list. */
	static String ofChild(String tenant, String childId) {
		return RedisKeys.of(tenant, "inbox:child", childId);
	}

	/** Present once a tenant's threads filed before the three sets above existed have been added to them. */
	static String ownersIndexed(String tenant) {
		return RedisKeys.of(tenant, "inbox:owners-indexed");
	}

	/** Keys of the filing script: those of {@link #forThread}, then the class's, teacher's and child's sets. */
	static List<String> forFiling(String tenant, String number, String classId, String teacherId, String childId) {
		List<String> keys = new java.util.ArrayList<>(forThread(tenant, number, classId, teacherId));
		keys.add(ofClass(tenant, classId));
		keys.add(ofTeacher(tenant, teacherId));
		keys.add(ofChild(tenant, childId));
		return keys;
	}

	/** Keys of the scripts that change a thread: header, entries, the three waiting sets, all, and the jobs. */
	static List<String> forThread(String tenant, String number, String classId, String teacherId) {
		List<String> jobs = JobsKeys.forScripts(tenant);
		return List.of(thread(tenant, number), entries(tenant, number), open(tenant), openOfClass(tenant, classId),
				openOfTeacher(tenant, teacherId), all(tenant), jobs.get(0), jobs.get(1));
	}

}
