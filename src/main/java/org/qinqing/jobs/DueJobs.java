package org.qinqing.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinqing.system.LuaScripts;
import org.qinqing.system.ThrottledLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Schedules, runs and shows due jobs ({@link org.qinqing.jobs package docs}). {@link #runDue} leases the
 * tenant's due jobs in one script, runs each with its kind's handler and settles it in another: done (removed),
 * later (due again at the time it asked), failed (retried with back-off, or after {@code maxAttempts} kept as
 * failed). A settle only applies while the job still holds this run's lease, so a job rescheduled meanwhile
 * (a booking moved) is not removed by a run of its old version.
 */
@Service
public class DueJobs {

	private static final Logger log = LoggerFactory.getLogger(DueJobs.class);

	private static final ThrottledLog failures = new ThrottledLog(log);

	/** The Lua functions {@code schedule_job(due, jobs, kind, subject, due_ms, data)} and {@code cancel_job}. */
	public static final String LIBRARY = "jobs/library.lua";

	private static final RedisScript<String> SCHEDULE = LuaScripts.load(String.class, LIBRARY, "jobs/schedule.lua");

	private static final RedisScript<Long> CANCEL = LuaScripts.load(Long.class, LIBRARY, "jobs/cancel.lua");

	private static final RedisScript<List> LEASE = LuaScripts.load(List.class, "jobs/lease.lua");

	private static final RedisScript<List> LEASE_ONE = LuaScripts.load(List.class, "jobs/lease-one.lua");

	private static final RedisScript<Long> SETTLE = LuaScripts.load(Long.class, "jobs/settle.lua");

	private static final RedisScript<Long> RETRY_FAILED = LuaScripts.load(Long.class, "jobs/retry-failed.lua");

	/** A job as the console shows it. */
	public record View(String kind, String subject, Instant due, int attempts, String error) {
	}

	private final StringRedisTemplate redis;

	private final Clock clock;

	private final JobsProperties properties;

	private final Map<String, JobHandler> handlers = new HashMap<>();

	private final JsonMapper json = JsonMapper.builder().build();

	public DueJobs(StringRedisTemplate redis, Clock clock, JobsProperties properties, List<JobHandler> handlers) {
		this.redis = redis;
		this.clock = clock;
		this.properties = properties;
		for (JobHandler handler : handlers) {
			if (this.handlers.put(handler.kind(), handler) != null) {
				throw new IllegalStateException("Two job handlers of kind " + handler.kind());
			}
		}
	}

	/** Schedules a job (again: the same kind and subject is one job, now due at {@code due}). */
	public void schedule(String tenant, String kind, String subject, Instant due, Map<String, String> data) {
		this.redis.execute(SCHEDULE, JobsKeys.forScripts(tenant), kind, subject, String.valueOf(due.toEpochMilli()),
				this.json.writeValueAsString(data == null ? Map.of() : data));
	}

	public void cancel(String tenant, String kind, String subject) {
		this.redis.execute(CANCEL, JobsKeys.forScripts(tenant), kind, subject);
	}

	/** A job still to run, or empty. */
	public Optional<DueJob> pending(String tenant, String kind, String subject) {
		Object raw = this.redis.opsForHash().get(JobsKeys.jobs(tenant), DueJob.key(kind, subject));
		return raw == null ? Optional.empty() : Optional.of(read((String) raw));
	}

	/** When a job is due, or empty when there is none. */
	public Optional<Instant> dueAt(String tenant, String kind, String subject) {
		Double score = this.redis.opsForZSet().score(JobsKeys.due(tenant), DueJob.key(kind, subject));
		return score == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(score.longValue()));
	}

	/**
	 * Runs the tenant's due jobs once each.
	 *
	 * @return how many jobs this run ran (whatever they came to; a job may also remove itself, as an offer's end does)
	 */
	public int runDue(String tenant) {
		long now = this.clock.millis();
		long leaseEnd = now + this.properties.lease().toMillis();
		List<?> leased = this.redis.execute(LEASE, JobsKeys.forScripts(tenant), String.valueOf(now),
				String.valueOf(leaseEnd), String.valueOf(this.properties.batch()));
		int ran = 0;
		for (int i = 0; leased != null && i + 1 < leased.size(); i += 2) {
			String key = String.valueOf(leased.get(i));
			DueJob job = read(String.valueOf(leased.get(i + 1)));
			settle(tenant, key, leaseEnd, job, run(tenant, job));
			ran++;
		}
		return ran;
	}

	/**
	 * Runs one job now if it is due (the change that scheduled it runs it at once; should that fail or the process
	 * die, the poll runs it later). False when it was not due, or another run holds it.
	 */
	public boolean runNow(String tenant, String kind, String subject) {
		String key = DueJob.key(kind, subject);
		long now = this.clock.millis();
		long leaseEnd = now + this.properties.lease().toMillis();
		List<?> leased = this.redis.execute(LEASE_ONE, JobsKeys.forScripts(tenant), key, String.valueOf(now),
				String.valueOf(leaseEnd));
		if (leased == null || leased.isEmpty()) {
			return false;
		}
		DueJob job = read(String.valueOf(leased.get(0)));
		settle(tenant, key, leaseEnd, job, run(tenant, job));
		return true;
	}

	/** The handler's verdict, or the failure that retries the job. */
	private Object run(String tenant, DueJob job) {
		JobHandler handler = this.handlers.get(job.kind());
		if (handler == null) {
			return new IllegalStateException("no handler for jobs of kind " + job.kind());
		}
		try {
			return handler.run(tenant, job);
		}
		catch (RuntimeException ex) {
			failures.warn("A due job of kind " + job.kind(), ex);
			return ex;
		}
	}

	private boolean settle(String tenant, String key, long leaseEnd, DueJob job, Object outcome) {
		List<String> keys = List.of(JobsKeys.due(tenant), JobsKeys.jobs(tenant), JobsKeys.failed(tenant),
				JobsKeys.failedJobs(tenant));
		List<String> args = new ArrayList<>(List.of(key, String.valueOf(leaseEnd)));
		if (outcome instanceof JobResult.Done) {
			args.addAll(List.of("done", "", ""));
		}
		else if (outcome instanceof JobResult.Later later) {
			args.addAll(List.of("later", String.valueOf(later.at().toEpochMilli()), ""));
		}
		else {
			Throwable failure = (Throwable) outcome;
			int attempts = job.attempts() + 1;
			String error = failure.getClass().getSimpleName()
					+ (failure.getMessage() == null ? "" : ": " + failure.getMessage());
			DueJob failed = new DueJob(job.kind(), job.subject(), job.data(), attempts,
					error.length() > 300 ? error.substring(0, 300) : error);
			long now = this.clock.millis();
			if (attempts >= this.properties.maxAttempts() || !this.handlers.containsKey(job.kind())) {
				log.warn("A due job of kind {} failed {} times and is kept as failed: {}", job.kind(), attempts,
						failure.getClass().getSimpleName());
				args.addAll(List.of("failed", String.valueOf(now), write(failed)));
			}
			else {
				args.addAll(List.of("retry", String.valueOf(now + backoffMillis(attempts)), write(failed)));
			}
		}
		Long done = this.redis.execute(SETTLE, keys, args.toArray());
		return Long.valueOf(1).equals(done);
	}

	/** 30 s, 1 min, 2 min... up to the cap: a job failing because Redis or WeChat is away waits it out. */
	long backoffMillis(int attempts) {
		long base = this.properties.backoff().toMillis();
		long delay = base << Math.min(attempts - 1, 20);
		return Math.min(delay, this.properties.maxBackoff().toMillis());
	}

	/** The tenant's next due jobs, soonest first. */
	public List<View> upcoming(String tenant, int limit) {
		return views(tenant, JobsKeys.due(tenant), JobsKeys.jobs(tenant), limit, false);
	}

	/** The tenant's failed jobs, latest first. */
	public List<View> failed(String tenant, int limit) {
		return views(tenant, JobsKeys.failed(tenant), JobsKeys.failedJobs(tenant), limit, true);
	}

	public long upcomingCount(String tenant) {
		Long count = this.redis.opsForZSet().zCard(JobsKeys.due(tenant));
		return count == null ? 0 : count;
	}

	public long failedCount(String tenant) {
		Long count = this.redis.opsForZSet().zCard(JobsKeys.failed(tenant));
		return count == null ? 0 : count;
	}

	/** Sends a failed job again, due now with its attempts counted afresh; false when it is not failed (any more). */
	public boolean retryFailed(String tenant, String kind, String subject) {
		String key = DueJob.key(kind, subject);
		Object raw = this.redis.opsForHash().get(JobsKeys.failedJobs(tenant), key);
		if (raw == null) {
			return false;
		}
		DueJob job = read((String) raw);
		DueJob fresh = new DueJob(job.kind(), job.subject(), job.data(), 0, "");
		Long done = this.redis.execute(RETRY_FAILED, List.of(JobsKeys.due(tenant), JobsKeys.jobs(tenant),
				JobsKeys.failed(tenant), JobsKeys.failedJobs(tenant)), key, String.valueOf(this.clock.millis()), write(fresh));
		return Long.valueOf(1).equals(done);
	}

	/** One range and one HMGET: the page costs two round trips, however many jobs. */
	private List<View> views(String tenant, String set, String hash, int limit, boolean latestFirst) {
		Set<TypedTuple<String>> entries = latestFirst
				? this.redis.opsForZSet().reverseRangeWithScores(set, 0, limit - 1L)
				: this.redis.opsForZSet().rangeWithScores(set, 0, limit - 1L);
		List<View> views = new ArrayList<>();
		if (entries == null || entries.isEmpty()) {
			return views;
		}
		List<Object> keys = new ArrayList<>();
		List<Double> scores = new ArrayList<>();
		entries.forEach(e -> {
			keys.add(e.getValue());
			scores.add(e.getScore());
		});
		List<Object> records = this.redis.opsForHash().multiGet(hash, keys);
		for (int i = 0; i < keys.size(); i++) {
			if (records.get(i) != null) {
				DueJob job = read((String) records.get(i));
				views.add(new View(job.kind(), job.subject(), Instant.ofEpochMilli(scores.get(i).longValue()),
						job.attempts(), job.error()));
			}
		}
		return views;
	}

	@SuppressWarnings("unchecked")
	private DueJob read(String raw) {
		Map<String, Object> fields = this.json.readValue(raw, Map.class);
		Map<String, String> data = new LinkedHashMap<>();
		Object rawData = fields.get("data");
		if (rawData instanceof Map<?, ?> map) {
			map.forEach((k, v) -> data.put(String.valueOf(k), String.valueOf(v)));
		}
		Object attempts = fields.get("attempts");
		return new DueJob(String.valueOf(fields.get("kind")), String.valueOf(fields.get("subject")), data,
				attempts instanceof Number n ? n.intValue() : 0,
				fields.get("error") == null ? "" : String.valueOf(fields.get("error")));
	}

	private String write(DueJob job) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("kind", job.kind());
		fields.put("subject", job.subject());
		fields.put("data", job.data());
		fields.put("attempts", job.attempts());
		if (!job.error().isEmpty()) {
			fields.put("error", job.error());
		}
		return this.json.writeValueAsString(fields);
	}

}
