package org.qinqing.emergency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.qinqing.jobs.DueJobs;
import org.qinqing.jobs.JobHandler;
import org.qinqing.jobs.JobsProperties;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadlines live in Redis, not in an instance: after a restart a fresh instance's jobs find them, and with
 * several instances polling one Redis each deadline acts once.
 */
class EmergencyJobsTests extends EmergencyTestSupport {

	@Autowired
	List<JobHandler> handlers;

	@Autowired
	JobsProperties jobsProperties;

	/** Another instance: its own DueJobs on the same Redis and clock, with nothing in memory from this one. */
	private DueJobs anotherInstance() {
		return new DueJobs(this.redis, this.clock, this.jobsProperties, this.handlers);
	}

	@Test
	void theDeadlinesSurviveARestart() {
		String number = number(report());
		// the instance that took the report is gone; one started afterwards runs the alarm when it is due
		this.clock.advance(Duration.ofMinutes(16));
		say(this.teacher, "菜单");
		DueJobs restarted = anotherInstance();
		restarted.runDue(EMERGENCY);
		awaitPush(this.teacher, "已经 15 分钟了", GRANDMOTHER_PHONE);
		this.clock.advance(Duration.ofMinutes(15));
		anotherInstance().runDue(EMERGENCY);
		assertThat(incident(number).late()).containsExactly(ChainStep.GUARDIANS);
		assertThat(pushes(this.teacher, "已经 15 分钟了")).hasSize(1);
	}

	@Test
	void withTwoInstancesEachDeadlineActsOnce() throws Exception {
		String number = number(report());
		this.clock.advance(Duration.ofMinutes(31));
		say(this.teacher, "菜单");
		say(this.leader, "菜单");
		List<DueJobs> instances = List.of(anotherInstance(), anotherInstance(), this.jobs);
		ExecutorService pool = Executors.newFixedThreadPool(instances.size());
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> runs = new ArrayList<>();
		for (DueJobs instance : instances) {
			runs.add(pool.submit(() -> {
				start.await();
				return instance.runDue(EMERGENCY) + instance.runDue(EMERGENCY);
			}));
		}
		start.countDown();
		for (Future<Integer> run : runs) {
			run.get(30, TimeUnit.SECONDS);
		}
		pool.shutdown();
		Incident incident = incident(number);
		assertThat(incident.events().stream().filter(e -> e.type() == IncidentEvent.Type.ALERTED)).hasSize(1);
		assertThat(incident.events().stream().filter(e -> e.type() == IncidentEvent.Type.LATE)).hasSize(1);
		awaitPush(this.teacher, "已经 15 分钟了");
		awaitPush(this.leader, "15 分钟了还没有监护人确认收到");
		Thread.sleep(1000);
		assertThat(pushes(this.teacher, "已经 15 分钟了")).hasSize(1);
		assertThat(pushes(this.leader, "15 分钟了还没有监护人确认收到")).hasSize(1);
	}

}
