package org.qinqing.jobs;

import java.time.Instant;

/** What a job came to: done (it is removed), or not yet (it comes due again at {@code at}). */
public sealed interface JobResult {

	static JobResult done() {
		return Done.INSTANCE;
	}

	static JobResult later(Instant at) {
		return new Later(at);
	}

	enum Done implements JobResult {

		INSTANCE

	}

	record Later(Instant at) implements JobResult {
	}

}
