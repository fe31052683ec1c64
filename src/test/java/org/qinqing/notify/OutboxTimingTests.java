package org.qinqing.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qinqing.notify.DeliveryLog.State;
import org.qinqing.support.TestDates;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Quiet hours with a clock the test moves, and the account's rate limit. */
class OutboxTimingTests extends OutboxTestSupport {

	@Test
	void nonUrgentMessageAt2200WaitsUntil0730AndAnUrgentOneGoesAtOnce() throws InterruptedException {
		LocalDate today = LocalDate.now(this.clock.withZone(ZONE));
		this.clock.set(at(today, LocalTime.of(22, 0)));
		String calm = openid("calm");
		String alarm = openid("alarm");
		answer(TEMPLATE, calm, ok());
		answer(TEMPLATE, alarm, ok());
		String lesson = this.outbox.enqueue(template(calm, "lesson", "night:" + calm)).messageId();
		String emergency = this.outbox.enqueue(Notification.builder(T, alarm, "emergency", "sos:" + alarm)
			.urgent()
			.template("紧急通知", java.util.Map.of("what", "孩子发烧，已送卫生院"), "https://school.example/e/1")
			.build()).messageId();

		awaitState(emergency, State.SENT);
		DeliveryLog held = awaitState(lesson, State.HELD);
		assertThat(held.heldUntil()).isEqualTo(at(today.plusDays(1), LocalTime.of(7, 30)));
		Thread.sleep(300);
		assertThat(sends(calm)).isZero();

		this.clock.set(at(today.plusDays(1), LocalTime.of(7, 29, 58)));
		Thread.sleep(600);
		assertThat(sends(calm)).as("still quiet at 07:29:58").isZero();
		this.clock.set(at(today.plusDays(1), LocalTime.of(7, 30)));
		awaitState(lesson, State.SENT);
		assertThat(sends(calm)).isEqualTo(1);
	}

	@Test
	void limiterGrantsTheRateToAllInstancesTogetherThenAsksToWaitForTheNextSecond() {
		String tenant = "rate" + System.nanoTime();
		Clock quarterPast = Clock.fixed(TestDates.NEXT_MONDAY.atTime(10, 0, 0, 250_000_000).atZone(ZONE).toInstant(), ZONE);
		RateLimiter one = new RateLimiter(this.redis, quarterPast);
		RateLimiter other = new RateLimiter(this.redis, quarterPast);
		for (int i = 0; i < 3; i++) {
			assertThat(one.tryAcquire(tenant, 5)).isZero();
		}
		for (int i = 0; i < 2; i++) {
			assertThat(other.tryAcquire(tenant, 5)).isZero();
		}
		assertThat(one.tryAcquire(tenant, 5)).isEqualTo(750);
		assertThat(other.tryAcquire(tenant, 5)).isEqualTo(750);

		RateLimiter nextSecond = new RateLimiter(this.redis, Clock.offset(quarterPast, Duration.ofSeconds(1)));
		assertThat(nextSecond.tryAcquire(tenant, 5)).isZero();
		// another account has its own budget
		assertThat(one.tryAcquire(tenant + "-other", 5)).isZero();
	}

	@Test
	void sendsKeepToTheRateLimitAcrossSeconds() {
		this.consumer.stop();
		int rate = 20;
		int messages = 80;
		String prefix = "rl" + System.nanoTime() + "-";
		WECHAT_API.stubFor(post(urlPathEqualTo(TEMPLATE)).willReturn(ok()));
		for (int i = 0; i < messages; i++) {
			String openid = prefix + i;
			this.outbox.enqueue(template(openid, "lesson", "rate:" + openid));
		}
		OutboxConsumer limited = consumer("limited-" + System.nanoTime(),
				settings(rate, 8, 10, this.properties.claimIdle()), OutboxConsumer.Checkpoints.NONE);
		limited.start();
		List<Long> times = new ArrayList<>();
		try {
			await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> WECHAT_API.findAll(postRequestedFor(urlPathEqualTo(TEMPLATE))
					.withRequestBody(containing(prefix))).size() == messages);
		}
		finally {
			limited.stop();
		}
		WECHAT_API.findAll(postRequestedFor(urlPathEqualTo(TEMPLATE)).withRequestBody(containing(prefix)))
			.forEach(request -> times.add(request.getLoggedDate().getTime()));
		times.sort(Long::compare);
		// 80 at 20/s fill at least 4 one-second windows: more than 2 s from first to last, loosely
		assertThat(times.get(times.size() - 1) - times.get(0)).isGreaterThan(2000);
		// a fixed window admits at most twice the rate in any one second (across a boundary); requests
		// reach WeChat a little after admission, so allow one more window's worth (unlimited: all 80 at once)
		for (int i = 0; i < times.size(); i++) {
			long start = times.get(i);
			long inOneSecond = times.stream().filter(t -> t >= start && t < start + 1000).count();
			assertThat(inOneSecond).isLessThanOrEqualTo(3L * rate);
		}
	}

}
