package org.qinqing.jobs;

/**
 * Does the jobs of one kind. A handler may run a job again after a crash (its messages carry idempotency keys,
 * its writes check the state they change), so running twice must change nothing more than running once.
 * Throwing retries the job later with back-off; {@link JobResult#later} asks for it again at a time.
 */
public interface JobHandler {

	String kind();

	JobResult run(String tenant, DueJob job);

	/** A handler of {@code kind} that runs {@code run}. */
	static JobHandler of(String kind, java.util.function.BiFunction<String, DueJob, JobResult> run) {
		return new JobHandler() {
			@Override
			public String kind() {
				return kind;
			}

			@Override
			public JobResult run(String tenant, DueJob job) {
				return run.apply(tenant, job);
			}
		};
	}

}
