package org.qinqing.inbox;

import java.time.Clock;

import org.qinqing.jobs.DueJob;
import org.qinqing.jobs.JobHandler;
import org.qinqing.jobs.JobResult;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The due jobs a filing schedules ({@code inbox/file.lua}): after a school day the teacher is reminded, after two
 * the leaders are told. An answer or a solve cancels both; a job that runs anyway (it was leased as the answer came)
 * finds the thread answered and says nothing.
 */
@Configuration(proxyBeanMethods = false)
class InboxReminders {

	private final Inbox inbox;

	private final InboxNotices notices;

	private final Clock clock;

	InboxReminders(Inbox inbox, InboxNotices notices, Clock clock) {
		this.inbox = inbox;
		this.notices = notices;
		this.clock = clock;
	}

	@Bean
	JobHandler inboxRemindJob() {
		return JobHandler.of(Inbox.REMIND, (tenant, job) -> run(tenant, job, false));
	}

	@Bean
	JobHandler inboxEscalateJob() {
		return JobHandler.of(Inbox.ESCALATE, (tenant, job) -> run(tenant, job, true));
	}

	private JobResult run(String tenant, DueJob job, boolean escalate) {
		this.inbox.thread(tenant, job.subject()).filter(InboxThread::waiting).ifPresent(t -> {
			if (escalate) {
				this.notices.escalate(tenant, t, this.clock.instant());
			}
			else {
				this.notices.remind(tenant, t, this.clock.instant());
			}
		});
		return JobResult.done();
	}

}
