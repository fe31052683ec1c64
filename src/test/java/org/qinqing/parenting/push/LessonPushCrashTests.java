package org.qinqing.parenting.push;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.qinqing.parenting.push.FakeWeeklyLessons.Crash;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A push that dies mid-batch (after the outbox queued a batch, before or after its lessons were recorded) resumes
 * from its cursor when its job runs again, as on a restart or another instance: WeChat gets every message once.
 * (The benchmark kills a real process with kill -9.)
 */
class LessonPushCrashTests extends PushTestSupport {

	@Test
	void aPushKilledMidBatchResumesWithNoGapAndNoDuplicate() throws InterruptedException {
		LocalDate week = freshWeek();
		String prefix = audience(85);
		// batch 2 (people 40..79) is queued, then the process dies before its lessons are recorded
		this.lessons.crashAt(2, Crash.BEFORE_RECORD);
		this.schedule.ensureWeek(T, week);
		await().atMost(Duration.ofSeconds(15)).until(() -> attempts(week) == 1);
		awaitReceived(prefix, 80);
		assertThat(this.store.week(T, week).orElseThrow().cursor()).isEqualTo(40);

		// the job comes due again after its back-off (a restart, another instance); this time it dies after
		// recording a batch's lessons, before its cursor moved
		this.lessons.crashAt(1, Crash.AFTER_RECORD);
		this.clock.advance(Duration.ofMinutes(2));
		await().atMost(Duration.ofSeconds(15)).until(() -> attempts(week) == 2);
		assertThat(this.store.week(T, week).orElseThrow().cursor()).isEqualTo(40);

		this.clock.advance(Duration.ofMinutes(5));
		WeekPush done = awaitRun(week, WeekPush::finished);
		awaitReceived(prefix, 85);
		Thread.sleep(500); // a message queued twice would arrive now
		Map<String, Integer> received = received(prefix);
		assertThat(received).hasSize(85);
		assertThat(received.values()).as("no one got the lesson twice").allMatch(n -> n == 1);
		assertThat(done.cursor()).isEqualTo(85);
		assertThat(done.queued()).as("each batch counted once").isEqualTo(85);
		assertThat(done.reached()).isEqualTo(85);
		// what was recorded is what was sent, for those whose batch was replayed too
		for (LoggedRequest request : WECHAT_API
			.findAll(postRequestedFor(urlPathEqualTo(TEMPLATE)).withRequestBody(containing(prefix)))) {
			String body = request.getBodyAsString();
			String person = "p" + prefix.substring(7)
					+ body.replaceAll("(?s).*\"touser\":\"" + prefix + "(\\d+)\".*", "$1");
			assertThat(body).contains("/p/" + person + "/" + this.lessons.recorded(T, week, person));
		}
	}

	@Test
	void aSnapshotCutShortByACrashIsTakenAgain() {
		LocalDate week = freshWeek();
		// the process died while writing the audience's list: some ids, and no size yet
		this.redis.opsForList().rightPushAll(PushKeys.audience(T, week), "half-written-1", "half-written-2");
		String prefix = audience(12);
		this.schedule.ensureWeek(T, week);
		WeekPush done = awaitRun(week, WeekPush::finished);
		awaitReceived(prefix, 12);
		assertThat(done.audience()).isEqualTo(12);
		assertThat(done.queued()).isEqualTo(12);
		assertThat(done.unreachable()).as("no stray ids from the cut snapshot").isZero();
	}

}
