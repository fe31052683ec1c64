package org.qinqing.calls;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qinqing.jobs.DueJobs;
import org.qinqing.notify.MessengerChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.stereotype.Component;

/**
 * An earlier version kept the call jobs as pipe-joined members of one sorted set per tenant
 * ({@code calls:schedule}: {@code booked|V0001}, {@code remind-30|V0001}, {@code offer|f1|202612011630}...). At
 * start they become due jobs of the shared service, at the same due times, and the old set goes: no reminder
 * of a call booked before the upgrade is lost.
 */
@Component
class LegacyCallJobs implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(LegacyCallJobs.class);

	private final StringRedisTemplate redis;

	private final DueJobs jobs;

	private final List<MessengerChannel> channels;

	LegacyCallJobs(StringRedisTemplate redis, DueJobs jobs, List<MessengerChannel> channels) {
		this.redis = redis;
		this.jobs = jobs;
		this.channels = channels;
	}

	@Override
	public void run(ApplicationArguments args) {
		Set<String> tenants = new LinkedHashSet<>();
		this.channels.forEach(channel -> tenants.addAll(channel.tenants()));
		tenants.forEach(this::migrate);
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
