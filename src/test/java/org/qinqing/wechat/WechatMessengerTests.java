package org.qinqing.wechat;

import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinqing.notify.Delivery;
import org.qinqing.notify.Messenger;
import org.qinqing.notify.TemplateMessage;
import org.qinqing.notify.TextMessage;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.system.RedisKeys;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The WeChat channel of the outbound port, against WireMock playing WeChat's API. */
class WechatMessengerTests extends PortalTestSupport {

	private static final String SEND = "/cgi-bin/message/custom/send";

	private static final String TOKEN = "/cgi-bin/stable_token";

	@Autowired
	private Messenger messenger;

	@BeforeEach
	void forgetToken() {
		// the token is shared in Redis; start each case without one
		this.redis.delete(this.redis.keys(RedisKeys.of(TENANT, "wx") + "*"));
	}

	private static void tokens(String... tokens) {
		String state = Scenario.STARTED;
		for (int i = 0; i < tokens.length; i++) {
			String next = "token-" + (i + 1);
			WECHAT_API.stubFor(post(urlPathEqualTo(TOKEN)).inScenario("token")
				.whenScenarioStateIs(state)
				.willReturn(json("{\"access_token\":\"" + tokens[i] + "\",\"expires_in\":7200}"))
				.willSetStateTo(next));
			state = next;
		}
	}

	/**
	 * Customer-service sends to one user: the app shares WireMock with its own background work (reminders of
	 * calls other tests booked), so a test counts only what it sent.
	 */
	private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder sendsTo(String openid) {
		return postRequestedFor(urlPathEqualTo(SEND)).withRequestBody(containing(openid));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
		return aResponse().withHeader("Content-Type", "application/json").withBody(body);
	}

	@Test
	void fetchesTheStableTokenOnceAndSends() {
		tokens("TOKEN-1");
		WECHAT_API.stubFor(post(urlPathEqualTo(SEND)).willReturn(json("{\"errcode\":0,\"errmsg\":\"ok\"}")));
		Delivery first = this.messenger.send(new TextMessage(TENANT, "o-parent-1", "明天下午四点半视频"));
		Delivery second = this.messenger.send(new TextMessage(TENANT, "o-parent-1", "提醒：半小时后视频"));
		assertThat(first.isSent()).isTrue();
		assertThat(second.isSent()).isTrue();
		WECHAT_API.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)).withRequestBody(containing("wxqinqingdemo0001")));
		WECHAT_API.verify(2, sendsTo("o-parent-1").withQueryParam("access_token", equalTo("TOKEN-1")));
		// the token is kept in Redis for every instance, not in this JVM only
		assertThat(this.redis.keys(RedisKeys.of(TENANT, "wx") + "*")).isNotEmpty();
	}

	@Test
	void invalidTokenIsRefreshedOnceAndTheSendRetried() {
		tokens("STALE", "FRESH");
		WECHAT_API.stubFor(post(urlPathEqualTo(SEND)).withQueryParam("access_token", equalTo("STALE"))
			.willReturn(json("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}")));
		WECHAT_API.stubFor(post(urlPathEqualTo(SEND)).withQueryParam("access_token", equalTo("FRESH"))
			.willReturn(json("{\"errcode\":0,\"errmsg\":\"ok\"}")));
		Delivery delivery = this.messenger.send(new TextMessage(TENANT, "o-parent-2", "您好"));
		assertThat(delivery.isSent()).isTrue();
		WECHAT_API.verify(2, postRequestedFor(urlPathEqualTo(TOKEN)));
		WECHAT_API.verify(1, sendsTo("o-parent-2").withQueryParam("access_token", equalTo("FRESH")));
	}

	@Test
	void outOfWindowIsReportedAndNotRetried() {
		tokens("TOKEN-W");
		WECHAT_API.stubFor(post(urlPathEqualTo(SEND))
			.willReturn(json("{\"errcode\":45015,\"errmsg\":\"response out of time limit\"}")));
		Delivery delivery = this.messenger.send(new TextMessage(TENANT, "o-parent-3", "您好"));
		assertThat(delivery.status()).isEqualTo(Delivery.Status.REJECTED);
		assertThat(delivery.errorCode()).isEqualTo(45015);
		WECHAT_API.verify(1, sendsTo("o-parent-3"));
	}

	@Test
	void systemBusyIsRetriedABoundedNumberOfTimesThenReportedAsLater() {
		tokens("TOKEN-B");
		WECHAT_API.stubFor(post(urlPathEqualTo(SEND)).willReturn(json("{\"errcode\":-1,\"errmsg\":\"system busy\"}")));
		Delivery delivery = this.messenger.send(new TextMessage(TENANT, "o-parent-4", "您好"));
		assertThat(delivery.status()).isEqualTo(Delivery.Status.RETRY_LATER);
		assertThat(WECHAT_API.findAll(sendsTo("o-parent-4")).size()).isBetween(1, 3);
	}

	@Test
	void httpErrorsAreReportedAsLaterNotAsRefusals() {
		tokens("TOKEN-H");
		WECHAT_API.stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(503)));
		Delivery delivery = this.messenger.send(new TextMessage(TENANT, "o-parent-6", "您好"));
		assertThat(delivery.status()).isEqualTo(Delivery.Status.RETRY_LATER);
	}

	@Test
	void templateWithoutTemplateIdIsRefusedWithoutCallingWechat() {
		Delivery delivery = this.messenger
			.send(new TemplateMessage(TENANT, "o-parent-7", null, "视频提醒", null, Map.of("time", "周三")));
		assertThat(delivery.errorCode()).isEqualTo(40037);
		assertThat(WECHAT_API.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send"))
			.withRequestBody(containing("o-parent-7")))).isEmpty();
	}

	@Test
	void templateMessageCarriesItsFieldsAndLink() {
		tokens("TOKEN-T");
		WECHAT_API.stubFor(post(urlPathEqualTo("/cgi-bin/message/template/send"))
			.willReturn(json("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228332}")));
		Delivery delivery = this.messenger.send(new TemplateMessage(TENANT, "o-parent-5", "TPL_CALL", "视频提醒",
				"https://school.example/calls/1", Map.of("time", "周三 17:15", "child", "小明")));
		assertThat(delivery.isSent()).isTrue();
		WECHAT_API.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send"))
			.withRequestBody(containing("TPL_CALL"))
			.withRequestBody(containing("周三 17:15"))
			.withRequestBody(containing("https://school.example/calls/1")));
	}

	@Test
	void simulatorPersonasAreServedByTheSimulatorOutboxNotWechat() {
		Delivery delivery = this.messenger.send(new TextMessage(TENANT, "demo-parent-1", "测试推送"));
		assertThat(delivery.isSent()).isTrue();
		assertThat(WECHAT_API.findAll(sendsTo("demo-parent-1"))).isEmpty();
	}

}
