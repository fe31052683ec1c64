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
import org.qinqing.support.StoppedClock;
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
	void limiterSpacesPermitsForAllInstancesTogetherAndReservesUpToASecondAhead() {
		String tenant = "rate" + System.nanoTime();
		Clock quarterPast = Clock.fixed(TestDates.NEXT_MONDAY.atTime(10, 0, 0, 250_000_000).atZone(ZONE).toInstant(), ZONE);
		RateLimiter one = new RateLimiter(this.redis, quarterPast);
		RateLimiter other = new RateLimiter(this.redis, quarterPast);
		// 5/s: the burst is at most a tenth of the rate (here 1), so five permits fill a second 250 ms apart
		RateLimiter.Pace pace = RateLimiter.Pace.of(5, 5, Duration.ZERO);
		assertThat(pace.intervalMicros()).isEqualTo(250_000);
		assertThat(one.tryAcquire(tenant, pace)).isZero();
		assertThat(other.tryAcquire(tenant, pace)).isEqualTo(250);
		assertThat(one.tryAcquire(tenant, pace)).isEqualTo(500);
		assertThat(other.tryAcquire(tenant, pace)).isEqualTo(750);
		assertThat(one.tryAcquire(tenant, pace)).isEqualTo(1000);
		// the slots are taken more than a second ahead: nothing reserved, ask again in 250 ms
		assertThat(other.tryAcquire(tenant, pace)).isEqualTo(-250);

		RateLimiter nextSecond = new RateLimiter(this.redis, Clock.offset(quarterPast, Duration.ofSeconds(1)));
		assertThat(nextSecond.tryAcquire(tenant, pace)).isEqualTo(250);
		// a clock moved back (a test, a restored VM) does not leave the account waiting for hours
		RateLimiter hourBack = new RateLimiter(this.redis, Clock.offset(quarterPast, Duration.ofHours(-1)));
		assertThat(hourBack.tryAcquire(tenant, pace)).isZero();
		// another account has its own budget
		assertThat(one.tryAcquire(tenant + "-other", pace)).isZero();
	}

	@Test
	void everyOneSecondWindowOfPermitsHoldsAtMostTheRate() {
		String tenant = "rate-window" + System.nanoTime();
		StoppedClock clock = new StoppedClock(TestDates.NEXT_MONDAY.atTime(10, 0));
		List<RateLimiter> instances = List.of(new RateLimiter(this.redis, clock), new RateLimiter(this.redis, clock),
				new RateLimiter(this.redis, clock));
		RateLimiter.Pace pace = RateLimiter.Pace.of(500, 5, Duration.ZERO);
		java.util.Random random = new java.util.Random(14);
		List<Long> slots = new ArrayList<>();
		while (slots.size() < 3000) {
			// callers arrive faster than the rate, in clumps, on three instances
			clock.advance(Duration.ofMillis(random.nextInt(3)));
			long wait = instances.get(random.nextInt(3)).tryAcquire(tenant, pace);
			if (wait >= 0) {
				slots.add(clock.millis() + wait);
			}
		}
		slots.sort(Long::compare);
		int busiest = 0;
		for (int i = 0, j = 0; i < slots.size(); i++) {
			while (slots.get(i) - slots.get(j) >= 1000) {
				j++;
			}
			busiest = Math.max(busiest, i - j + 1);
		}
		assertThat(busiest).isLessThanOrEqualTo(500);
		double rate = (slots.size() - 1) * 1000.0 / (slots.get(slots.size() - 1) - slots.get(0));
		assertThat(rate).as("permits per second at full use").isGreaterThan(490);
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
		// every one-second window where WeChat received them holds at most the rate (unlimited: all 80 at once)
		for (int i = 0; i < times.size(); i++) {
			long start = times.get(i);
			long inOneSecond = times.stream().filter(t -> t >= start && t < start + 1000).count();
			assertThat(inOneSecond).isLessThanOrEqualTo(rate);
		}
	}

}
