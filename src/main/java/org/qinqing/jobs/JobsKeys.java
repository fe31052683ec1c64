package org.qinqing.jobs;

import java.util.List;

import org.qinqing.system.RedisKeys;

/** The jobs' Redis keys; all carry the tenant's hash tag, so a feature's script may schedule with its own keys. */
public final class JobsKeys {

	private JobsKeys() {
	}

	/** Sorted set of job keys by due time (epoch ms of the app's clock). */
	public static String due(String tenant) {
		return RedisKeys.of(tenant, "jobs:due");
	}

	/** Hash of job key → record (JSON: kind, subject, data, attempts, error). */
	public static String jobs(String tenant) {
		return RedisKeys.of(tenant, "jobs:data");
	}

	static String failed(String tenant) {
		return RedisKeys.of(tenant, "jobs:failed");
	}

	static String failedJobs(String tenant) {
		return RedisKeys.of(tenant, "jobs:failed-data");
	}

	/** The two keys a feature's script passes to {@code schedule_job} / {@code cancel_job}, in that order. */
	public static List<String> forScripts(String tenant) {
		return List.of(due(tenant), jobs(tenant));
	}

}
