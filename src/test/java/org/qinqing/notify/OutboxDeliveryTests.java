package org.qinqing.notify;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qinqing.notify.DeliveryLog.Channel;
import org.qinqing.notify.DeliveryLog.Event;
import org.qinqing.notify.DeliveryLog.State;
import org.qinqing.simulator.SimulatorOutbox;
import org.qinqing.system.RedisKeys;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Each of WeChat's answers, the choice of channel, idempotency and the log, through the running consumer. */
class OutboxDeliveryTests extends OutboxTestSupport {

	@Autowired
	private SimulatorOutbox simulator;

	@Test
	void closedWindowSendsTheTemplateWithItsFieldsLinkAndClientMsgId() {
		String openid = openid("tpl");
		answer(TEMPLATE, openid, ok());
		Enqueued queued = this.outbox.enqueue(both(openid, "call:1:" + openid));
		assertThat(queued.queued()).isTrue();

		DeliveryLog log = awaitState(queued.messageId(), State.SENT);
		assertThat(log.channel()).isEqualTo(Channel.TEMPLATE);
		assertThat(log.attempts()).isEqualTo(1);
		assertThat(log.sentAt()).isNotNull();
		assertThat(log.events()).extracting(Event::type).containsExactly(Event.Type.QUEUED, Event.Type.SENT);
		WECHAT_API.verify(1, sendsTo(TEMPLATE, openid).withRequestBody(containing("TPL_CALL"))
			.withRequestBody(containing("周三 16:30"))
			.withRequestBody(containing("https://school.example/n/" + queued.messageId()))
			.withRequestBody(containing("\"client_msg_id\":\"" + queued.messageId() + "\"")));
		WECHAT_API.verify(0, sendsTo(CUSTOM, openid));
	}

	@Test
	void openWindowSendsACustomerServiceMessageAndUsesOneOfTheWindowsMessages() {
		String openid = openid("cs");
		answer(CUSTOM, openid, ok());
		this.window.opened(T, openid);
		Enqueued queued = this.outbox.enqueue(both(openid, "call:2:" + openid));

		DeliveryLog log = awaitState(queued.messageId(), State.SENT);
		assertThat(log.channel()).isEqualTo(Channel.CUSTOMER_SERVICE);
		WECHAT_API.verify(1, sendsTo(CUSTOM, openid).withRequestBody(containing("明天下午四点半和孩子视频")));
		WECHAT_API.verify(0, sendsTo(TEMPLATE, openid));
		assertThat(this.redis.opsForHash().get(ServiceWindow.key(T, openid), "sent")).isEqualTo("1");
	}

	@Test
	void windowWhoseMessagesAreUsedUpOrWhichHasExpiredSendsTheTemplate() {
		String usedUp = openid("used");
		String expired = openid("old");
		answer(TEMPLATE, usedUp, ok());
		answer(TEMPLATE, expired, ok());
		this.window.opened(T, usedUp);
		this.redis.opsForHash().put(ServiceWindow.key(T, usedUp), "sent", String.valueOf(ServiceWindow.MAX_MESSAGES));
		this.window.opened(T, expired);
		this.clock.advance(ServiceWindow.LENGTH);
		assertThat(this.window.isOpen(T, usedUp)).isFalse();
		assertThat(this.window.isOpen(T, expired)).isFalse();

		String first = this.outbox.enqueue(both(usedUp, "k1:" + usedUp)).messageId();
		String second = this.outbox.enqueue(both(expired, "k2:" + expired)).messageId();
		assertThat(awaitState(first, State.SENT).channel()).isEqualTo(Channel.TEMPLATE);
		assertThat(awaitState(second, State.SENT).channel()).isEqualTo(Channel.TEMPLATE);
		WECHAT_API.verify(0, sendsTo(CUSTOM, usedUp));
		WECHAT_API.verify(0, sendsTo(CUSTOM, expired));
	}

	@Test
	void systemBusyIsRetriedWithBackoffThenSent() {
		String openid = openid("busy");
		// WxJava retries -1 itself (wechat.max-retries=2): three answers make one failed attempt of the outbox
		answerInTurn(TEMPLATE, openid, error(-1), error(-1), error(-1));
		String id = this.outbox.enqueue(template(openid, "lesson", "lesson:1:" + openid)).messageId();

		DeliveryLog log = awaitState(id, State.SENT);
		assertThat(log.attempts()).isEqualTo(2);
		List<Event> retries = log.events().stream().filter(e -> e.type() == Event.Type.RETRY).toList();
		assertThat(retries).hasSize(1);
		assertThat(retries.get(0).errorCode()).isEqualTo(-1);
		// back-off base 200 ms with equal jitter: between 100 and 200 ms
		assertThat(Duration.between(retries.get(0).at(), retries.get(0).until()).toMillis()).isBetween(100L, 200L);
		assertThat(sends(openid)).isEqualTo(4);
	}

	@Test
	void serverErrorsAreRetriedWithGrowingBackoffThenSent() {
		String openid = openid("http500");
		answerInTurn(TEMPLATE, openid, aResponse().withStatus(500), aResponse().withStatus(502));
		String id = this.outbox.enqueue(template(openid, "lesson", "lesson:2:" + openid)).messageId();

		DeliveryLog log = awaitState(id, State.SENT);
		List<Event> retries = log.events().stream().filter(e -> e.type() == Event.Type.RETRY).toList();
		assertThat(retries).hasSize(2);
		long firstDelay = Duration.between(retries.get(0).at(), retries.get(0).until()).toMillis();
		long secondDelay = Duration.between(retries.get(1).at(), retries.get(1).until()).toMillis();
		assertThat(firstDelay).isBetween(100L, 200L);
		assertThat(secondDelay).isBetween(200L, 400L);
		assertThat(log.attempts()).isEqualTo(3);
		assertThat(sends(openid)).isEqualTo(3);
	}

	@Test
	void persistentFailureGivesUpAfterMaxAttempts() {
		String openid = openid("down");
		answer(TEMPLATE, openid, aResponse().withStatus(503));
		String id = this.outbox.enqueue(template(openid, "lesson", "lesson:3:" + openid)).messageId();

		DeliveryLog log = awaitState(id, State.FAILED);
		assertThat(log.attempts()).isEqualTo(this.properties.maxAttempts());
		assertThat(sends(openid)).isEqualTo(this.properties.maxAttempts());
	}

	@Test
	void invalidTokenIsRefreshedOnceThenSent() {
		String openid = openid("token");
		String state = com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
		WECHAT_API.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token")).inScenario("ob-token")
			.whenScenarioStateIs(state)
			.willReturn(json("{\"access_token\":\"STALE\",\"expires_in\":7200}"))
			.willSetStateTo("fresh"));
		WECHAT_API.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token")).inScenario("ob-token")
			.whenScenarioStateIs("fresh")
			.willReturn(json("{\"access_token\":\"FRESH\",\"expires_in\":7200}")));
		WECHAT_API.stubFor(post(urlPathEqualTo(TEMPLATE)).withQueryParam("access_token", equalTo("STALE"))
			.willReturn(error(40001)));
		WECHAT_API.stubFor(post(urlPathEqualTo(TEMPLATE)).withQueryParam("access_token", equalTo("FRESH"))
			.willReturn(ok()));
		String id = this.outbox.enqueue(template(openid, "call-reminder", "call:3:" + openid)).messageId();

		DeliveryLog log = awaitState(id, State.SENT);
		assertThat(log.attempts()).isEqualTo(1);
		WECHAT_API.verify(2, postRequestedFor(urlPathEqualTo("/cgi-bin/stable_token"))
			.withRequestBody(containing("wxoutboxtest0001")));
		WECHAT_API.verify(1, sendsTo(TEMPLATE, openid).withQueryParam("access_token", equalTo("FRESH")));
	}

	@Test
	void notFollowingIsNotRetriedMarksThePersonAndLaterMessagesAreSkippedUntilTheyFollowAgain() {
		String openid = openid("gone");
		answer(TEMPLATE, openid, error(43004));
		String first = this.outbox.enqueue(template(openid, "lesson", "lesson:4:" + openid)).messageId();
		DeliveryLog failed = awaitState(first, State.FAILED);
		assertThat(failed.errorCode()).isEqualTo(43004);
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(this.reachability.isReachable(T, openid)).isFalse();

		String second = this.outbox.enqueue(template(openid, "lesson", "lesson:5:" + openid)).messageId();
		assertThat(awaitState(second, State.SKIPPED).attempts()).isZero();
		assertThat(sends(openid)).isEqualTo(1);

		this.reachability.markFollowing(T, openid);
		answer(TEMPLATE, openid, ok());
		String third = this.outbox.enqueue(template(openid, "lesson", "lesson:6:" + openid)).messageId();
		awaitState(third, State.SENT);
		assertThat(sends(openid)).isEqualTo(2);
	}

	@Test
	void outOfWindowFallsBackToATemplateAtOnce() {
		String openid = openid("45015");
		answer(CUSTOM, openid, error(45015));
		answer(TEMPLATE, openid, ok());
		this.window.opened(T, openid);
		String id = this.outbox.enqueue(both(openid, "call:4:" + openid)).messageId();

		DeliveryLog log = awaitState(id, State.SENT);
		assertThat(log.channel()).isEqualTo(Channel.TEMPLATE);
		assertThat(log.events()).extracting(Event::type)
			.containsExactly(Event.Type.QUEUED, Event.Type.FALLBACK, Event.Type.SENT);
		assertThat(log.events().get(1).errorCode()).isEqualTo(45015);
		WECHAT_API.verify(1, sendsTo(CUSTOM, openid));
		WECHAT_API.verify(1, sendsTo(TEMPLATE, openid));
		assertThat(this.window.isOpen(T, openid)).isFalse();
	}

	@Test
	void quotaErrorPausesTheChannelForTheTenantAndItResumesLater() {
		String first = openid("45009a");
		String second = openid("45009b");
		answerInTurn(TEMPLATE, first, error(45009));
		answer(TEMPLATE, second, ok());
		String a = this.outbox.enqueue(template(first, "lesson", "lesson:7:" + first)).messageId();
		DeliveryLog held = awaitState(a, State.HELD);
		assertThat(held.heldUntil()).isEqualTo(held.events()
			.stream()
			.filter(e -> e.type() == Event.Type.PAUSED)
			.findFirst()
			.orElseThrow()
			.until());

		// the channel rests for the whole tenant: another person's template waits without calling WeChat
		String b = this.outbox.enqueue(template(second, "lesson", "lesson:8:" + second)).messageId();
		awaitState(b, State.HELD);
		assertThat(sends(second)).isZero();

		this.clock.advance(this.properties.channelPause().plusSeconds(1));
		awaitState(a, State.SENT);
		awaitState(b, State.SENT);
		assertThat(sends(first)).isEqualTo(2);
		assertThat(sends(second)).isEqualTo(1);
	}

	@Test
	void sameIdempotencyKeyQueuedTwiceIsSentOnce() throws InterruptedException {
		String openid = openid("idem");
		answer(TEMPLATE, openid, ok());
		Enqueued first = this.outbox.enqueue(template(openid, "lesson", "lesson:9:" + openid));
		Enqueued again = this.outbox.enqueue(template(openid, "lesson", "lesson:9:" + openid));
		assertThat(first.queued()).isTrue();
		assertThat(again.duplicate()).isTrue();
		assertThat(again.messageId()).isEqualTo(first.messageId());

		awaitState(first.messageId(), State.SENT);
		Thread.sleep(300);
		assertThat(sends(openid)).isEqualTo(1);
		assertThat(this.redis.getExpire(OutboxKeys.idempotency(T, "lesson:9:" + openid))).isPositive();
	}

	@Test
	void dailyTemplateQuotaHoldsTemplatesUntilTheNextDay() {
		String openid = openid("quota");
		LocalDate today = LocalDate.now(this.clock.withZone(ZONE));
		String quota = OutboxKeys.quota(T, today);
		this.redis.opsForValue().set(quota, String.valueOf(this.properties.dailyTemplateQuota()));
		try {
			String id = this.outbox.enqueue(template(openid, "lesson", "lesson:10:" + openid)).messageId();
			DeliveryLog log = awaitState(id, State.HELD);
			assertThat(log.heldUntil()).isEqualTo(at(today.plusDays(1), LocalTime.MIDNIGHT));
			assertThat(sends(openid)).isZero();
		}
		finally {
			this.redis.delete(quota);
		}
	}

	@Test
	void textOnlyMessageFailsWhenTheWindowIsClosedAndAKindWithoutTemplateNeverReachesWechat() {
		String textOnly = openid("text");
		String unknownKind = openid("kind");
		String a = this.outbox.enqueue(Notification.builder(T, textOnly, "note", "note:" + textOnly).text("您好").build())
			.messageId();
		String b = this.outbox.enqueue(template(unknownKind, "no-such-kind", "x:" + unknownKind)).messageId();

		assertThat(awaitState(a, State.FAILED).errorCode()).isEqualTo(OutboxConsumer.NO_CHANNEL);
		assertThat(awaitState(b, State.FAILED).errorCode()).isEqualTo(40037);
		assertThat(sends(textOnly) + sends(unknownKind)).isZero();
	}

	@Test
	void simulatorPersonasGetOutboxMessagesOnTheSimulatorPage() {
		String persona = "demo-ob-" + System.nanoTime();
		String id = this.outbox.enqueue(template(persona, "call-reminder", "sim:" + persona)).messageId();

		awaitState(id, State.SENT);
		List<Map<String, Object>> pushed = this.simulator.since(T, persona, 0);
		assertThat(pushed).hasSize(1);
		assertThat(pushed.get(0)).containsEntry("kind", "template").containsEntry("title", "视频提醒");
		assertThat(String.valueOf(pushed.get(0).get("url"))).endsWith("/n/" + id);
		assertThat(WECHAT_API.findAll(postRequestedFor(urlPathEqualTo(TEMPLATE)))).isEmpty();
	}

	@Test
	void logRecordsTheFirstReadAndUnknownMessagesHaveNoLog() {
		String openid = openid("read");
		answer(TEMPLATE, openid, ok());
		String id = this.outbox.enqueue(template(openid, "lesson", "lesson:11:" + openid)).messageId();
		awaitState(id, State.SENT);

		assertThat(this.outbox.markRead(T, id)).isTrue();
		assertThat(this.outbox.markRead(T, id)).isFalse();
		DeliveryLog log = logOf(id);
		assertThat(log.readAt()).isNotNull().isAfterOrEqualTo(log.sentAt());
		assertThat(log.events()).extracting(Event::type).endsWith(Event.Type.SENT, Event.Type.READ);
		assertThat(this.redis.getExpire(OutboxKeys.log(T, id))).isPositive();

		assertThat(this.outbox.deliveryLog(T, "nope")).isEmpty();
		assertThat(this.outbox.markRead(T, "nope")).isFalse();
		assertThat(this.redis.hasKey(RedisKeys.of(T, "outbox:msg", "nope"))).isFalse();
	}

}
