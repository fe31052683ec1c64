package org.qinqing.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often each instance looks for due jobs
 * @param lease how long a poll holds the jobs it took: a runner that died leaves them due again after this
 * @param batch at most this many jobs per poll and tenant
 * @param maxAttempts a job that failed this often is kept as failed for an admin
 * @param backoff the first retry's delay; each next one doubles, up to {@code maxBackoff}
 */
@ConfigurationProperties("qinqing.jobs")
public record JobsProperties(@DefaultValue("5s") Duration pollInterval, @DefaultValue("2m") Duration lease,
		@DefaultValue("200") int batch, @DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration backoff,
		@DefaultValue("1h") Duration maxBackoff) {

	public static JobsProperties defaults() {
		return new JobsProperties(Duration.ofSeconds(5), Duration.ofMinutes(2), 200, 8, Duration.ofSeconds(30),
				Duration.ofHours(1));
	}

}
