package org.qinqing.conversation;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.WechatClient;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When a reply misses the budget (here shrunk to nothing so every reply misses it), WeChat gets
 * {@code success} at once and the reply follows as a customer-service message, exactly once even
 * when WeChat retries.
 */
@TestPropertySource(properties = "qinqing.conversation.reply-budget=0ms")
class ReplyBudgetTests extends PortalTestSupport {

	@Test
	void lateReplyIsPushedOnceAsACustomerServiceMessage() throws Exception {
		WECHAT_API.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token")).willReturn(
				aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"access_token\":\"TOKEN-B\",\"expires_in\":7200}")));
		WECHAT_API.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).willReturn(
				aResponse().withHeader("Content-Type", "application/json").withBody("{\"errcode\":0,\"errmsg\":\"ok\"}")));
		String openid = "o-budget-" + System.nanoTime();
		String xml = WechatClient.textXml(openid, "帮助", WechatClient.nextMsgId());

		WechatClient.Response first = wechat().post(xml, false);
		assertThat(first.isSuccessOnly()).isTrue();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> WECHAT_API.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send"))
				.withRequestBody(containing(openid))
				.withRequestBody(containing("使用说明"))));

		WechatClient.Response retry = wechat().post(xml, false);
		assertThat(retry.isSuccessOnly()).isTrue();
		Thread.sleep(300);
		WECHAT_API.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")));
	}

}
