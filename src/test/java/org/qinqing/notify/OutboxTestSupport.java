package org.qinqing.notify;

import org.qinqing.system.SchoolTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.TickingClock;
import org.qinqing.system.RedisKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;

/**
 * One application context for every outbox test (same annotations, so it is cached once): a second
 * WeChat account whose tenant only this context's consumer serves, short back-offs, and a clock the
 * tests can move. Each test starts at 10:00 in the schools' zone, whatever the real time is.
 */
@Import(OutboxTestSupport.MovableClockConfiguration.class)
@TestPropertySource(properties = { "qinqing.notify.templates.call-reminder=TPL_CALL", "qinqing.notify.templates.lesson=TPL_LESSON",
		"qinqing.notify.templates.emergency=TPL_SOS",
		"qinqing.notify.backoff=200ms", "qinqing.notify.max-backoff=2s", "qinqing.notify.max-attempts=4",
		"qinqing.notify.poll-interval=20ms", "qinqing.notify.claim-idle=5s", "qinqing.notify.channel-pause=10m" })
abstract class OutboxTestSupport extends PortalTestSupport {

	/** The outbox's tenant in these tests: no other test context has an account for it. */
	static final String T = TENANT + "-ob";

	static final ZoneId ZONE = SchoolTime.ZONE;

	static final String CUSTOM = "/cgi-bin/message/custom/send";

	static final String TEMPLATE = "/cgi-bin/message/template/send";

	@Autowired
	Outbox outbox;

	@Autowired
	TickingClock clock;

	@Autowired
	OutboxConsumer consumer;

	@Autowired
	ServiceWindow window;

	@Autowired
	Reachability reachability;

	@Autowired
	Messenger messenger;

	@Autowired
	NotifyProperties properties;

	@DynamicPropertySource
	static void outboxTenant(DynamicPropertyRegistry registry) {
		// an indexed list binds from one property source only, so the whole account is given here
		registry.add("wechat.accounts[0].app-id", () -> "wxoutboxtest0001");
		registry.add("wechat.accounts[0].secret", () -> "outbox-secret");
		registry.add("wechat.accounts[0].token", () -> "outboxtoken");
		registry.add("wechat.accounts[0].tenant", () -> T);
	}

	@BeforeEach
	void freshOutbox() {
		this.clock.set(at(LocalDate.now(ZONE), LocalTime.of(10, 0)));
		this.redis.delete(List.of(OutboxKeys.delayed(T), OutboxKeys.pause(T, DeliveryLog.Channel.TEMPLATE),
				OutboxKeys.pause(T, DeliveryLog.Channel.CUSTOMER_SERVICE)));
		Set<String> token = this.redis.keys(RedisKeys.of(T, "wx") + "*");
		if (!token.isEmpty()) {
			this.redis.delete(token);
		}
		WECHAT_API.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token"))
			.willReturn(json("{\"access_token\":\"TOKEN-OB\",\"expires_in\":7200}")));
		this.consumer.start(); // a crash test may have stopped it
	}

	static Instant at(LocalDate day, LocalTime time) {
		return day.atTime(time).atZone(ZONE).toInstant();
	}

	static ResponseDefinitionBuilder json(String body) {
		return aResponse().withHeader("Content-Type", "application/json").withBody(body);
	}

	static ResponseDefinitionBuilder ok() {
		return json("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":1}");
	}

	static ResponseDefinitionBuilder error(int code) {
		return json("{\"errcode\":" + code + ",\"errmsg\":\"error " + code + "\"}");
	}

	static String openid(String what) {
		return "o-" + what + "-" + System.nanoTime();
	}

	/** Answers every send to this person with {@code response}. */
	static void answer(String path, String openid, ResponseDefinitionBuilder response) {
		WECHAT_API.stubFor(post(urlPathEqualTo(path)).withRequestBody(containing(quoted(openid))).willReturn(response));
	}

	/** Answers the first {@code failures.length} sends to this person with those, then accepts. */
	static void answerInTurn(String path, String openid, ResponseDefinitionBuilder... failures) {
		String scenario = path + openid;
		String state = com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
		for (int i = 0; i < failures.length; i++) {
			String next = "after-" + (i + 1);
			WECHAT_API.stubFor(post(urlPathEqualTo(path)).withRequestBody(containing(quoted(openid)))
				.inScenario(scenario)
				.whenScenarioStateIs(state)
				.willReturn(failures[i])
				.willSetStateTo(next));
			state = next;
		}
		WECHAT_API.stubFor(post(urlPathEqualTo(path)).withRequestBody(containing(quoted(openid)))
			.inScenario(scenario)
			.whenScenarioStateIs(state)
			.willReturn(ok()));
	}

	static RequestPatternBuilder sendsTo(String path, String openid) {
		return postRequestedFor(urlPathEqualTo(path)).withRequestBody(containing(quoted(openid)));
	}

	/** Customer-service and template requests WeChat received for this person. */
	static int sends(String openid) {
		return WECHAT_API
			.findAll(postRequestedFor(urlPathMatching("/cgi-bin/message/.*")).withRequestBody(containing(quoted(openid))))
			.size();
	}

	static String quoted(String openid) {
		return "\"" + openid + "\"";
	}

	static Notification template(String openid, String kind, String key) {
		return Notification.builder(T, openid, kind, key)
			.template("视频提醒", java.util.Map.of("time", "周三 17:15", "child", "小明"),
					"https://school.example/n/" + Outbox.MESSAGE_ID)
			.build();
	}

	static Notification both(String openid, String key) {
		return Notification.builder(T, openid, "call-reminder", key)
			.text("明天下午四点半和孩子视频")
			.template("视频提醒", java.util.Map.of("time", "周三 16:30"), "https://school.example/n/" + Outbox.MESSAGE_ID)
			.build();
	}

	DeliveryLog logOf(String messageId) {
		return this.outbox.deliveryLog(T, messageId).orElseThrow();
	}

	DeliveryLog awaitState(String messageId, DeliveryLog.State state) {
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(25))
			.until(() -> this.outbox.deliveryLog(T, messageId).map(DeliveryLog::state).orElse(null) == state);
		return logOf(messageId);
	}

	/** A consumer of our own, as another instance would run one (the store carries its settings). */
	OutboxConsumer consumer(String name, NotifyProperties settings, OutboxConsumer.Checkpoints checkpoints) {
		return new OutboxConsumer(new OutboxStore(this.redis, settings), this.messenger, this.window,
				this.reachability, settings, this.clock, () -> List.of(T), name, checkpoints);
	}

	NotifyProperties settings(int ratePerSecond, int senders, int batchSize, Duration claimIdle) {
		NotifyProperties p = this.properties;
		return new NotifyProperties(p.templates(), ratePerSecond, p.dailyTemplateQuota(), p.quietStart(), p.quietEnd(),
				p.zone(), p.maxAttempts(), p.backoff(), p.maxBackoff(), p.channelPause(), claimIdle, batchSize, senders,
				p.pollInterval(), true, p.idempotencyTtl(), p.logTtl(), p.rateBurst(), p.rateSlack());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MovableClockConfiguration {

		@Bean
		@Primary
		TickingClock movableClock() {
			return new TickingClock();
		}

	}

}
