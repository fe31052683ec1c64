package org.qinqing.jobs;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.qinqing.notify.MessengerChannel;
import org.qinqing.system.ThrottledLog;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Every instance polls the due jobs of the tenants it serves (the configured accounts, as the outbox does). */
@Component
class JobsPoller implements SchedulingConfigurer {

	private static final ThrottledLog failures = new ThrottledLog(LoggerFactory.getLogger(JobsPoller.class));

	private final DueJobs jobs;

	private final JobsProperties properties;

	private final List<MessengerChannel> channels;

	JobsPoller(DueJobs jobs, JobsProperties properties, List<MessengerChannel> channels) {
		this.jobs = jobs;
		this.properties = properties;
		this.channels = channels;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::pollAll, this.properties.pollInterval());
	}

	void pollAll() {
		Set<String> tenants = new LinkedHashSet<>();
		this.channels.forEach(channel -> tenants.addAll(channel.tenants()));
		for (String tenant : tenants) {
			try {
				this.jobs.runDue(tenant);
			}
			catch (RuntimeException ex) {
				// Redis away: the jobs stay due and the next poll runs them
				failures.warn("Polling due jobs", ex);
			}
		}
	}

}
