package org.qinqing.conversation;

import java.time.Duration;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.qinqing.people.Role;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.WechatClient;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reply that misses the budget (a command that takes a second, against a 200 ms budget) is
 * answered {@code success} at once and follows as a customer-service message, exactly once even
 * when WeChat retries.
 */
@TestPropertySource(properties = "qinqing.conversation.reply-budget=200ms")
@Import(ReplyBudgetTests.SlowCommand.class)
class ReplyBudgetTests extends PortalTestSupport {

	@TestConfiguration
	static class SlowCommand {

		@Bean
		Command slowCommand() {
			return new Command("slow", EnumSet.allOf(Role.class), "慢慢来"::equals, (input, context) -> {
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return Command.Outcome.reply("这是一条迟到的回复");
			});
		}

	}

	@Test
	void lateReplyIsPushedOnceAsACustomerServiceMessage() throws Exception {
		WECHAT_API.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token")).willReturn(
				aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"access_token\":\"TOKEN-B\",\"expires_in\":7200}")));
		WECHAT_API.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).willReturn(
				aResponse().withHeader("Content-Type", "application/json").withBody("{\"errcode\":0,\"errmsg\":\"ok\"}")));
		String openid = "o-budget-" + System.nanoTime();
		String xml = WechatClient.textXml(openid, "慢慢来", WechatClient.nextMsgId());

		WechatClient.Response first = wechat().post(xml, false);
		assertThat(first.isSuccessOnly()).isTrue();
		WechatClient.Response retry = wechat().post(xml, false);
		assertThat(retry.isSuccessOnly()).isTrue();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> WECHAT_API.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send"))
				.withRequestBody(containing(openid))
				.withRequestBody(containing("这是一条迟到的回复"))));
		Thread.sleep(1500);
		// only this user's pushes count: the shared app pushes to others meanwhile (reminders of calls that
		// other tests booked, at whatever hour the suite runs)
		WECHAT_API.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send"))
			.withRequestBody(containing(openid)));
		// a fast answer in the same conversation is passive again
		assertThat(wechat().text(openid, "帮助").reply()).contains("使用说明");
	}

}
