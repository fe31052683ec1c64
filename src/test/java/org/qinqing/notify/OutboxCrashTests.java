package org.qinqing.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.qinqing.notify.DeliveryLog.Event;
import org.qinqing.notify.DeliveryLog.State;
import org.springframework.data.redis.connection.stream.StreamRecords;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Consumers that die half way: what they read but did not settle is taken over by another consumer
 * and every message reaches WeChat once. The application's own consumer is stopped while a test
 * runs its "instances" (the support class starts it again).
 */
class OutboxCrashTests extends OutboxTestSupport {

	// well above a send's time even on a loaded 2-core machine: a shorter lease lets a live sender be taken over
	private static final Duration CLAIM_IDLE = Duration.ofSeconds(2);

	@Test
	void consumerDyingMidBatchLosesNothingAndSendsNothingTwice() {
		this.consumer.stop();
		WECHAT_API.stubFor(post(urlPathEqualTo(TEMPLATE)).willReturn(ok()));
		List<String> openids = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String openid = openid("crash" + i);
			openids.add(openid);
			ids.add(this.outbox.enqueue(template(openid, "lesson", "crash:" + openid)).messageId());
		}
		// the first instance sends five messages, then dies with the rest of its batch read and unsettled
		AtomicInteger allowed = new AtomicInteger(5);
		OutboxConsumer first = consumer("dies-" + System.nanoTime(), settings(1000, 10, 10, CLAIM_IDLE),
				new OutboxConsumer.Checkpoints() {
					@Override
					public boolean beforeSend(String messageId) {
						return allowed.getAndDecrement() > 0;
					}
				});
		first.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> !first.isRunning());
		first.stop();
		assertThat(WECHAT_API.findAll(com.github.tomakehurst.wiremock.client.WireMock
			.postRequestedFor(urlPathEqualTo(TEMPLATE)))).hasSize(5);
		assertThat(this.redis.opsForStream().pending(OutboxKeys.stream(T), OutboxKeys.GROUP).getTotalPendingMessages())
			.as("entries the dead consumer read and never settled")
			.isPositive();

		// two live instances share the rest; the one with a short claim-idle takes over the dead one's entries
		OutboxConsumer second = consumer("takes-over-" + System.nanoTime(), settings(1000, 10, 10, CLAIM_IDLE),
				OutboxConsumer.Checkpoints.NONE);
		second.start();
		this.consumer.start();
		try {
			for (String id : ids) {
				awaitState(id, State.SENT);
			}
		}
		finally {
			second.stop();
		}
		for (String openid : openids) {
			assertThat(sends(openid)).as("sends to %s", openid).isEqualTo(1);
		}
		assertThat(this.redis.opsForStream().pending(OutboxKeys.stream(T), OutboxKeys.GROUP).getTotalPendingMessages())
			.isZero();
	}

	@Test
	void deathAfterWechatAcceptedResendsWithTheSameClientMsgIdAndSaysSo() {
		this.consumer.stop();
		String openid = openid("after-send");
		answer(TEMPLATE, openid, ok());
		String id = this.outbox.enqueue(template(openid, "lesson", "crash2:" + openid)).messageId();
		OutboxConsumer first = consumer("dies-after-send-" + System.nanoTime(), settings(1000, 2, 2, CLAIM_IDLE),
				new OutboxConsumer.Checkpoints() {
					@Override
					public boolean afterSend(String messageId) {
						return false;
					}
				});
		first.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> !first.isRunning());
		first.stop();
		assertThat(sends(openid)).isEqualTo(1);
		assertThat(logOf(id).state()).isEqualTo(State.QUEUED);

		this.consumer.start();
		OutboxConsumer second = consumer("after-" + System.nanoTime(), settings(1000, 2, 2, CLAIM_IDLE),
				OutboxConsumer.Checkpoints.NONE);
		second.start();
		try {
			DeliveryLog log = awaitState(id, State.SENT);
			assertThat(log.events()).extracting(Event::type).contains(Event.Type.UNFINISHED_ATTEMPT);
		}
		finally {
			second.stop();
		}
		// WeChat saw the message twice, both times with one client_msg_id: it shows the person one
		assertThat(sends(openid)).isEqualTo(2);
		WECHAT_API.verify(2, sendsTo(TEMPLATE, openid).withRequestBody(matchingJsonPath("$.client_msg_id", 
				com.github.tomakehurst.wiremock.client.WireMock.equalTo(id))));
	}

	@Test
	void messageInFlightIsBusyForEveryOtherRunUntilClaimIdleHasPassed() {
		this.consumer.stop();
		String openid = openid("inflight");
		String id = this.outbox.enqueue(template(openid, "lesson", "inflight:" + openid)).messageId();
		OutboxStore store = new OutboxStore(this.redis, this.properties);
		OutboxStore.Entry entry = store.read(T, "probe", 100)
			.stream()
			.filter(e -> e.messageId().equals(id))
			.findFirst()
			.orElseThrow();

		long now = this.clock.millis();
		assertThat(store.admit(T, entry, "probe/1", now, 0).verdict()).isEqualTo(OutboxStore.Verdict.TEMPLATE);
		// a second run, even on the same consumer (it reclaimed its own entry), must not send it too
		assertThat(store.admit(T, entry, "probe/2", now, 0).verdict()).isEqualTo(OutboxStore.Verdict.BUSY);
		OutboxStore.Admission later = store.admit(T, entry, "probe/3",
				now + this.properties.claimIdle().toMillis() + 1, 0);
		assertThat(later.verdict()).isEqualTo(OutboxStore.Verdict.TEMPLATE);
		assertThat(later.uncertain()).as("the first run may have reached WeChat").isTrue();

		store.settle(T, entry, new OutboxStore.Settlement(null, List.of(), Map.of("state", "failed")));
		assertThat(logOf(id).state()).isEqualTo(State.FAILED);
	}

	@Test
	void redeliveredEntryOfASentMessageIsAcknowledgedWithoutSending() {
		String openid = openid("redelivered");
		answer(TEMPLATE, openid, ok());
		String id = this.outbox.enqueue(template(openid, "lesson", "again:" + openid)).messageId();
		awaitState(id, State.SENT);

		// as if the acknowledgement had been lost: the same message turns up in the stream again
		this.redis.opsForStream()
			.add(StreamRecords.string(Map.of("id", id, "to", openid)).withStreamKey(OutboxKeys.stream(T)));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.redis.opsForStream().size(OutboxKeys.stream(T)) == 0
					&& this.redis.opsForStream()
						.pending(OutboxKeys.stream(T), OutboxKeys.GROUP)
						.getTotalPendingMessages() == 0);
		assertThat(sends(openid)).isEqualTo(1);
		assertThat(logOf(id).events()).extracting(Event::type).containsExactly(Event.Type.QUEUED, Event.Type.SENT);
	}

}
