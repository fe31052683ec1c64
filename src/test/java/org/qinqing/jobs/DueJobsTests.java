package org.qinqing.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.StoppedClock;
import org.qinqing.system.LuaScripts;
import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The due-jobs service against a real Redis, on a clock the test moves: every job runs once across two
 * instances and a crash, a failing handler is retried with back-off and then kept as failed, a handler asks
 * for later, and a feature schedules a job in the same script as the change that causes it.
 */
class DueJobsTests extends PortalTestSupport {

	private String tenant;

	private StoppedClock clock;

	private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

	@BeforeEach
	void freshTenant() {
		this.tenant = TENANT + "-jobs-" + UUID.randomUUID().toString().substring(0, 8);
		this.clock = new StoppedClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
		this.runs.clear();
	}

	/** An instance of the service, as another JVM would build it, with handlers of the given kinds. */
	private DueJobs instance(JobHandler... handlers) {
		return new DueJobs(this.redis, this.clock, JobsProperties.defaults(), List.of(handlers));
	}

	private JobHandler counting(String kind) {
		return handler(kind, job -> {
			this.runs.computeIfAbsent(job.subject(), s -> new AtomicInteger()).incrementAndGet();
			return JobResult.done();
		});
	}

	private static JobHandler handler(String kind, java.util.function.Function<DueJob, JobResult> run) {
		return JobHandler.of(kind, (tenant, job) -> run.apply(job));
	}

	@Test
	void aThousandJobsRunOnceEachAcrossTwoInstancesPollingTogether() throws Exception {
		DueJobs one = instance(counting("remind"));
		DueJobs other = instance(counting("remind"));
		for (int i = 0; i < 1000; i++) {
			one.schedule(this.tenant, "remind", "b" + i, this.clock.instant().minusSeconds(1), Map.of("n", "" + i));
		}
		// scheduling the same job again keeps one
		one.schedule(this.tenant, "remind", "b7", this.clock.instant().minusSeconds(1), Map.of());
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Integer>> polls = new ArrayList<>();
		try {
			for (DueJobs instance : List.of(one, other, one, other)) {
				polls.add(pool.submit(() -> {
					go.await();
					int done = 0;
					for (int round = 0; round < 10; round++) {
						done += instance.runDue(this.tenant);
					}
					return done;
				}));
			}
			go.countDown();
			int ran = 0;
			for (Future<Integer> poll : polls) {
				ran += poll.get(60, TimeUnit.SECONDS);
			}
			assertThat(ran).isEqualTo(1000);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.runs).hasSize(1000).allSatisfy((subject, count) -> assertThat(count.get()).as(subject).isEqualTo(1));
		assertThat(one.upcomingCount(this.tenant)).isZero();
	}

	@Test
	void aJobWhoseRunnerDiedRunsOnceAfterTheLeaseOnAnotherInstance() {
		DueJobs dying = instance(handler("remind", job -> {
			throw new DiedMidRun();
		}));
		dying.schedule(this.tenant, "remind", "b1", this.clock.instant(), Map.of());
		try {
			dying.runDue(this.tenant);
		}
		catch (DiedMidRun expected) {
			// the process is gone before it settled the job
		}
		DueJobs restarted = instance(counting("remind"));
		assertThat(restarted.runDue(this.tenant)).as("still leased to the dead runner").isZero();
		this.clock.advance(JobsProperties.defaults().lease().plusSeconds(1));
		assertThat(restarted.runDue(this.tenant)).isEqualTo(1);
		assertThat(restarted.runDue(this.tenant)).isZero();
		assertThat(this.runs.get("b1").get()).isEqualTo(1);
	}

	@Test
	void aFailingHandlerIsRetriedWithBackOffThenKeptAsFailedAndCanBeSentAgain() {
		AtomicInteger tries = new AtomicInteger();
		DueJobs jobs = instance(handler("push", job -> {
			tries.incrementAndGet();
			throw new IllegalStateException("WeChat busy");
		}));
		jobs.schedule(this.tenant, "push", "m1", this.clock.instant(), Map.of());
		int max = JobsProperties.defaults().maxAttempts();
		for (int attempt = 1; attempt <= max; attempt++) {
			assertThat(jobs.runDue(this.tenant)).as("attempt %d", attempt).isEqualTo(1);
			assertThat(jobs.runDue(this.tenant)).as("not again before its back-off").isZero();
			if (attempt < max) {
				Instant next = jobs.dueAt(this.tenant, "push", "m1").orElseThrow();
				assertThat(Duration.between(this.clock.instant(), next)).isEqualTo(Duration.ofMillis(jobs.backoffMillis(attempt)));
				assertThat(jobs.pending(this.tenant, "push", "m1").orElseThrow().error()).contains("WeChat busy");
				this.clock.set(next);
			}
		}
		assertThat(tries.get()).isEqualTo(max);
		assertThat(jobs.pending(this.tenant, "push", "m1")).isEmpty();
		assertThat(jobs.failed(this.tenant, 10)).singleElement().satisfies(view -> {
			assertThat(view.attempts()).isEqualTo(max);
			assertThat(view.error()).contains("IllegalStateException", "WeChat busy");
		});
		DueJobs fixed = instance(counting("push"));
		assertThat(fixed.retryFailed(this.tenant, "push", "m1")).isTrue();
		assertThat(fixed.runDue(this.tenant)).isEqualTo(1);
		assertThat(fixed.failed(this.tenant, 10)).isEmpty();
		assertThat(this.runs.get("m1").get()).isEqualTo(1);
	}

	@Test
	void aHandlerThatAsksForLaterGetsItsJobAgainThen() {
		Instant at = this.clock.instant().plus(Duration.ofMinutes(15));
		DueJobs jobs = instance(handler("offer-end", job -> this.clock.instant().isBefore(at) ? JobResult.later(at)
				: JobResult.done()));
		jobs.schedule(this.tenant, "offer-end", "f1", this.clock.instant(), Map.of());
		assertThat(jobs.runDue(this.tenant)).isEqualTo(1);
		assertThat(jobs.dueAt(this.tenant, "offer-end", "f1")).contains(at);
		this.clock.set(at);
		assertThat(jobs.runDue(this.tenant)).isEqualTo(1);
		assertThat(jobs.dueAt(this.tenant, "offer-end", "f1")).isEmpty();
	}

	@Test
	void aFeatureSchedulesAJobInTheSameScriptAsItsCause() {
		// a feature's own script: take a seat and schedule its reminder in one step
		RedisScript<String> book = RedisScript.of(LuaScripts.read(DueJobs.LIBRARY) + """
				if redis.call('SET', KEYS[3], ARGV[1], 'NX') then
				  return schedule_job(KEYS[1], KEYS[2], 'remind', ARGV[1], tonumber(ARGV[2]), {seat = KEYS[3]})
				end
				return ''
				""", String.class);
		String seat = RedisKeys.of(this.tenant, "seat", "1");
		List<String> keys = new ArrayList<>(JobsKeys.forScripts(this.tenant));
		keys.add(seat);
		long due = this.clock.millis() + 60_000;
		assertThat(this.redis.execute(book, keys, "V0001", String.valueOf(due))).isEqualTo("remind:V0001");
		assertThat(this.redis.execute(book, keys, "V0002", String.valueOf(due))).as("the seat is taken: no job").isEmpty();
		DueJobs jobs = instance(counting("remind"));
		assertThat(jobs.pending(this.tenant, "remind", "V0001")).get()
			.satisfies(job -> assertThat(job.get("seat")).isEqualTo(seat));
		assertThat(jobs.pending(this.tenant, "remind", "V0002")).isEmpty();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(jobs.runDue(this.tenant)).isEqualTo(1);
		assertThat(this.runs).containsOnlyKeys("V0001");
	}

	/** Stands for the process dying in the middle of a job: not caught by the service, as nothing would be. */
	private static final class DiedMidRun extends Error {

		DiedMidRun() {
			super("the process died");
		}

	}

}
