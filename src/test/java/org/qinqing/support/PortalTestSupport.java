package org.qinqing.support;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.awaitility.Awaitility;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.qinqing.conversation.internal.InboundGate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boots the whole app on a random port against a real redis-server (the machine's when
 * {@code REDIS_URL} is set, else the embedded one) and a WireMock standing in for WeChat's API.
 * Each JVM run gets its own tenant, so runs against a shared Redis never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PortalTestSupport {

	public static final String TENANT = "t" + UUID.randomUUID().toString().substring(0, 8);

	/** WeChat's customer-service message API, where pushes inside the 48-hour window go. */
	public static final String CUSTOM = "/cgi-bin/message/custom/send";

	public static final WireMockServer WECHAT_API = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		WECHAT_API.start();
		Runtime.getRuntime().addShutdownHook(new Thread(WECHAT_API::stop));
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected StringRedisTemplate redis;

	@DynamicPropertySource
	static void wechatApi(DynamicPropertyRegistry registry) {
		registry.add("wechat.api-base", WECHAT_API::baseUrl);
		// a test class may give its context a tenant of its own (qinqing.test.tenant-suffix), so that no other
		// context's outbox consumer or job poller, on another clock, works for it
		registry.add("wechat.tenant", () -> TENANT + "${qinqing.test.tenant-suffix:}");
	}

	@BeforeEach
	void resetWechatApi() {
		WECHAT_API.resetAll();
	}

	protected WechatClient wechat() {
		return new WechatClient("http://127.0.0.1:" + this.port);
	}

	/** The tenant the test's WeChat users talk to: a context with a tenant of its own says so here. */
	protected String sessionTenant() {
		return TENANT;
	}

	/** Forgets a user's conversation so a test starts at the main menu. */
	protected void resetSession(String openid) {
		this.redis.delete(InboundGate.Keys.of(sessionTenant(), openid, "x").session());
	}

	protected String sessionJson(String openid) {
		return this.redis.opsForValue().get(InboundGate.Keys.of(sessionTenant(), openid, "x").session());
	}

	/** A text message from {@code openid} through the portal; the passive reply. */
	protected String say(String openid, String text) {
		return wechat().text(openid, text).reply();
	}

	/** The customer-service messages WeChat was asked to send to {@code openid} containing all of {@code words}. */
	protected List<LoggedRequest> pushes(String openid, String... words) {
		RequestPatternBuilder pattern = WireMock.postRequestedFor(WireMock.urlPathEqualTo(CUSTOM))
			.withRequestBody(WireMock.containing(openid));
		for (String word : words) {
			pattern = pattern.withRequestBody(WireMock.containing(word));
		}
		return WECHAT_API.findAll(pattern);
	}

	/** Waits (up to 15 s) for one such message. */
	protected void awaitPush(String openid, String... words) {
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !pushes(openid, words).isEmpty());
	}

}
