package org.qinqing.calls;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.qinqing.jobs.DueJobs;
import org.qinqing.notify.MessengerChannel;
import org.qinqing.system.ThrottledLog;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs a booking's or cancellation's notices at once (their jobs were written with the change; when running them
 * now fails, the due-jobs poll runs them), and drops, every {@code qinqing.calls.poll-interval}, the queues of
 * slots that can no longer be booked (its first poll also moves an earlier version's schedule over).
 */
@Component
class CallJobsRunner implements SchedulingConfigurer {

	private static final ThrottledLog failures = new ThrottledLog(LoggerFactory.getLogger(CallJobsRunner.class));

	private final DueJobs jobs;

	private final CallWaitlist waitlist;

	private final CallTimings timings;

	private final List<MessengerChannel> channels;

	private final LegacyCallJobs legacy;

	CallJobsRunner(DueJobs jobs, CallWaitlist waitlist, CallTimings timings, List<MessengerChannel> channels,
			LegacyCallJobs legacy) {
		this.jobs = jobs;
		this.waitlist = waitlist;
		this.timings = timings;
		this.channels = channels;
		this.legacy = legacy;
	}

	@EventListener
	void onBooked(CallBooked event) {
		runNow(event.tenant(), CallJobs.BOOKED, event.booking().number());
	}

	@EventListener
	void onCancelled(CallCancelled event) {
		runNow(event.tenant(), CallJobs.CANCELLED, event.booking().number());
	}

	private void runNow(String tenant, String kind, String subject) {
		try {
			this.jobs.runNow(tenant, kind, subject);
		}
		catch (RuntimeException ex) {
			failures.warn("Running a call's notices at once (the poll runs them)", ex);
		}
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::dropStaleQueues, this.timings.pollInterval());
	}

	void dropStaleQueues() {
		Set<String> tenants = new LinkedHashSet<>();
		this.channels.forEach(channel -> tenants.addAll(channel.tenants()));
		for (String tenant : tenants) {
			try {
				this.legacy.migrateOnce(tenant);
				this.waitlist.dropStale(tenant);
			}
			catch (RuntimeException ex) {
				failures.warn("Dropping the queues of past slots", ex);
			}
		}
	}

}
