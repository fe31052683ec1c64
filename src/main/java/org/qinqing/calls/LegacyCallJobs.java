package org.qinqing.calls;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.qinqing.jobs.DueJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.stereotype.Component;

/**
 * An earlier version kept the call jobs as pipe-joined members of one sorted set per tenant
 * ({@code calls:schedule}: {@code booked|V0001}, {@code remind-30|V0001}, {@code offer|f1|202612011630}...). At
 * start they become due jobs of the shared service, at the same due times, and the old set goes: no reminder
 * of a call booked before the upgrade is lost. {@link CallJobsRunner} does it at its first poll that reaches
 * Redis (an app may start while Redis is away).
 */
@Component
class LegacyCallJobs {

	private static final Logger log = LoggerFactory.getLogger(LegacyCallJobs.class);

	private final StringRedisTemplate redis;

	private final DueJobs jobs;

	/** Tenants this instance has moved over already (or found nothing to move). */
	private final Set<String> done = java.util.concurrent.ConcurrentHashMap.newKeySet();

	LegacyCallJobs(StringRedisTemplate redis, DueJobs jobs) {
		this.redis = redis;
		this.jobs = jobs;
	}

	/** Moves the tenant's old schedule over, once per instance. */
	void migrateOnce(String tenant) {
		if (!this.done.contains(tenant)) {
			migrate(tenant);
			this.done.add(tenant);
		}
	}

	int migrate(String tenant) {
		String key = CallsKeys.legacySchedule(tenant);
		Set<TypedTuple<String>> entries = this.redis.opsForZSet().rangeWithScores(key, 0, -1);
		if (entries == null || entries.isEmpty()) {
			return 0;
		}
		int moved = 0;
		for (TypedTuple<String> entry : entries) {
			String[] f = String.valueOf(entry.getValue()).split("\\|", -1);
			Instant due = Instant.ofEpochSecond(entry.getScore().longValue());
			switch (f[0]) {
				case "booked" -> this.jobs.schedule(tenant, CallJobs.BOOKED, f[1], due, Map.of());
				case "cancelled" -> this.jobs.schedule(tenant, CallJobs.CANCELLED, f[1], due,
						Map.of("reason", f.length > 2 ? f[2] : Bookings.BY_FAMILY));
				case "remind-day" -> this.jobs.schedule(tenant, CallJobs.REMIND_DAY, f[1], due, Map.of());
				case "remind-30" -> this.jobs.schedule(tenant, CallJobs.REMIND_30, f[1], due, Map.of());
				case "offer" -> this.jobs.schedule(tenant, CallJobs.OFFER_END, f[1] + ":" + f[2], due, Map.of());
				default -> {
					continue;
				}
			}
			moved++;
		}
		this.redis.delete(key);
		log.info("Tenant {}: {} call job(s) of the earlier schedule moved to the due jobs", tenant, moved);
		return moved;
	}

}
