package org.qinqing.jobs;

import java.util.Map;

/**
 * One due job as its handler sees it.
 *
 * @param kind what it is (its handler's {@link JobHandler#kind()}), e.g. {@code call-reminder}
 * @param subject what it is about, e.g. a booking number: kind and subject are its key
 * @param data a few more fields, as strings
 * @param attempts how often it failed before this run
 * @param error the last failure, or empty
 */
public record DueJob(String kind, String subject, Map<String, String> data, int attempts, String error) {

	public DueJob {
		data = data == null ? Map.of() : Map.copyOf(data);
		error = error == null ? "" : error;
	}

	public String key() {
		return key(this.kind, this.subject);
	}

	public String get(String field) {
		return this.data.getOrDefault(field, "");
	}

	static String key(String kind, String subject) {
		return kind + ":" + subject;
	}

}
