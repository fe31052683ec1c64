package org.qinqing.calls;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.qinqing.notify.MessengerChannel;
import org.qinqing.system.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

/**
 * Due jobs of calls, one sorted set per tenant ({@code qq:{tenant}:calls:schedule}, score = due epoch
 * seconds), each written in the same script as the change that makes it due:
 * <ul>
 * <li>{@code booked|<number>} and {@code cancelled|<number>|<reason>}, due at once: the notices of a booking
 * or cancellation, and for a cancellation the offer of its seat to the waiting families. The
 * {@link CallBooked}/{@link CallCancelled} events run them at once; the poll runs those a crash left.</li>
 * <li>{@code remind-day|<number>} and {@code remind-30|<number>}: the reminders (a cancellation removes them).</li>
 * <li>{@code offer|<family>|<slot>}: the end of a seat held for a waiting family.</li>
 * </ul>
 *
 * <p>Every instance polls every {@code qinqing.calls.poll-interval}. A poll leases the due jobs (their score
 * moves {@value #LEASE_SECONDS} s ahead, in one script, so two instances do not both take a job), does each
 * (queues its messages with idempotency keys) and only then removes it. A crash in between leaves the job to
 * come due again after the lease; its messages are queued again and the outbox drops the repeats.
 */
@Service
public class CallSchedule implements SchedulingConfigurer {

	static final long LEASE_SECONDS = 120;

	private static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(CallSchedule.class);

	/** Redis away: every poll fails alike, one line a minute with a count. */
	private static final org.qinqing.system.ThrottledLog failures = new org.qinqing.system.ThrottledLog(log);

	/** KEYS: schedule. ARGV: now, lease until, batch. */
	private static final RedisScript<List> LEASE = RedisScript.of("""
			local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
			for _, job in ipairs(due) do redis.call('ZADD', KEYS[1], 'XX', ARGV[2], job) end
			return due
			""", List.class);

	/** Removes a job only if it still carries the lease this poll gave it (it was not rescheduled meanwhile). */
	private static final RedisScript<Long> DONE = RedisScript.of("""
			if tonumber(redis.call('ZSCORE', KEYS[1], ARGV[1]) or '-1') == tonumber(ARGV[2]) then
			  return redis.call('ZREM', KEYS[1], ARGV[1])
			end
			return 0
			""", Long.class);

	private final StringRedisTemplate redis;

	private final Bookings bookings;

	private final CallNotices notices;

	private final CallWaitlist waitlist;

	private final CallTimings timings;

	private final Clock clock;

	private final Supplier<Collection<String>> tenants;

	CallSchedule(StringRedisTemplate redis, Bookings bookings, CallNotices notices, CallWaitlist waitlist,
			CallTimings timings, Clock clock) {
		this(redis, bookings, notices, waitlist, timings, clock, List::of);
	}

	/** Polls the tenants the outbox serves (the configured accounts), as the outbox consumer does. */
	@Autowired
	CallSchedule(StringRedisTemplate redis, Bookings bookings, CallNotices notices, CallWaitlist waitlist,
			CallTimings timings, Clock clock, List<MessengerChannel> channels) {
		this(redis, bookings, notices, waitlist, timings, clock, () -> {
			Set<String> served = new LinkedHashSet<>();
			channels.forEach(channel -> served.addAll(channel.tenants()));
			return served;
		});
	}

	private CallSchedule(StringRedisTemplate redis, Bookings bookings, CallNotices notices, CallWaitlist waitlist,
			CallTimings timings, Clock clock, Supplier<Collection<String>> tenants) {
		this.redis = redis;
		this.bookings = bookings;
		this.notices = notices;
		this.waitlist = waitlist;
		this.timings = timings;
		this.clock = clock;
		this.tenants = tenants;
	}

	static String key(String tenant) {
		return RedisKeys.of(tenant, "calls", "schedule");
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::runAll, this.timings.pollInterval());
	}

	void runAll() {
		for (String tenant : this.tenants.get()) {
			try {
				runDue(tenant);
			}
			catch (RuntimeException ex) {
				// Redis away or a bad job: the jobs stay and come due again
				failures.warn("Running call jobs", ex);
			}
		}
	}

	/**
	 * Does the tenant's due jobs and drops queues of slots past the minimum notice.
	 *
	 * @return how many due jobs this call did (leased and finished)
	 */
	public int runDue(String tenant) {
		this.waitlist.dropStale(tenant);
		long now = this.clock.instant().getEpochSecond();
		long lease = now + LEASE_SECONDS;
		List<?> due = this.redis.execute(LEASE, List.of(key(tenant)), String.valueOf(now), String.valueOf(lease),
				String.valueOf(BATCH));
		int done = 0;
		for (Object item : due == null ? List.of() : due) {
			String job = String.valueOf(item);
			boolean finished;
			try {
				finished = run(tenant, job);
			}
			catch (RuntimeException ex) {
				log.warn("Tenant {}: call job {} failed, retried after its lease: {}", tenant, job, ex.toString());
				continue;
			}
			if (finished) {
				// the job itself may have removed it already (an offer's end does)
				this.redis.execute(DONE, List.of(key(tenant)), job, String.valueOf(lease));
				done++;
			}
		}
		return done;
	}

	@EventListener
	void onBooked(CallBooked event) {
		runNow(event.tenant(), "booked|" + event.booking().number());
	}

	@EventListener
	void onCancelled(CallCancelled event) {
		runNow(event.tenant(), "cancelled|" + event.booking().number() + "|" + event.reason());
	}

	/** Does a job its booking script wrote, at once; when that fails, the poll does it later. */
	private void runNow(String tenant, String job) {
		try {
			if (run(tenant, job)) {
				this.redis.opsForZSet().remove(key(tenant), job);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Tenant {}: call job {} left for the next poll: {}", tenant, job, ex.toString());
		}
	}

	private boolean run(String tenant, String job) {
		String[] f = job.split("\\|", -1);
		switch (f[0]) {
			case "booked":
				this.bookings.booking(tenant, f[1])
					.filter(b -> this.bookings.isActive(tenant, b.number()))
					.ifPresent(b -> this.notices.booked(tenant, b));
				return true;
			case "cancelled":
				Optional<Booking> cancelled = this.bookings.booking(tenant, f[1]);
				if (cancelled.isPresent()) {
					this.notices.cancelled(tenant, cancelled.get(), f[2]);
					if (!Bookings.CLOSED.equals(f[2])) {
						// a closure's seat is gone, and the closure ends the date's queues itself
						this.waitlist.offerNext(tenant, cancelled.get().start());
					}
				}
				return true;
			case "remind-day":
			case "remind-30":
				this.notices.remind(tenant, f[1], f[0]);
				return true;
			case "offer":
				return this.waitlist.expire(tenant, f[1], f[2]);
			default:
				log.warn("Tenant {}: unknown call job {}, dropped", tenant, f[0]);
				return true;
		}
	}

	/** The tenant's pending jobs, earliest due first. */
	List<String> pending(String tenant) {
		Set<String> jobs = this.redis.opsForZSet().range(key(tenant), 0, -1);
		return jobs == null ? List.of() : new ArrayList<>(jobs);
	}

}
