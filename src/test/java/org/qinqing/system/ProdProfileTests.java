package org.qinqing.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.qinqing.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.qinqing.QinqingApplication;
import org.qinqing.support.PortalTestSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prod profile never falls back to an embedded Redis, demo data or the simulator. */
class ProdProfileTests {

	@Test
	void prodRefusesToStartWithoutRedisUrl() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(QinqingApplication.class).profiles("prod")
			.run("--server.port=0", "--REDIS_URL=", "--WECHAT_APP_ID=wxprodtest", "--WECHAT_TOKEN=t",
					"--WECHAT_SECRET=s")
			.close()).hasStackTraceContaining("REDIS_URL");
	}

	@Test
	void prodWithRedisServesThePortalButNoSimulatorAndNoDemoSchool() throws Exception {
		String tenant = "prod" + PortalTestSupport.TENANT;
		String redisUrl = redisUrlOfThisRun();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(QinqingApplication.class)
			.profiles("prod")
			.run("--server.port=0", "--REDIS_URL=" + redisUrl, "--WECHAT_APP_ID=wxprodtest", "--WECHAT_TOKEN=tok",
					"--WECHAT_SECRET=s", "--WECHAT_TENANT=" + tenant)) {
			String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
			HttpClient http = TestHttp.client().build();
			assertThat(http.send(TestHttp.request(URI.create(base + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
			assertThat(http.send(TestHttp.request(URI.create(base + "/simulator")).build(),
					HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
			StringRedisTemplate redis = app.getBean(StringRedisTemplate.class);
			assertThat(redis.hasKey(RedisKeys.of(tenant, "classes"))).isFalse();
		}
	}

	@Test
	void whenRedisIsGoneAUserIsAskedToTryAgainAndNothingBreaks() throws Exception {
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(QinqingApplication.class)
			.profiles("prod")
			.run("--server.port=0", "--REDIS_URL=redis://127.0.0.1:" + closedPort, "--WECHAT_APP_ID=wxdemoapp",
					"--WECHAT_TOKEN=" + org.qinqing.support.WechatClient.TOKEN, "--WECHAT_SECRET=s")) {
			String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
			org.qinqing.support.WechatClient client = new org.qinqing.support.WechatClient(base);
			String query = "/wx/portal/wxdemoapp" + org.qinqing.support.WechatClient.freshQuery();
			var response = client.postRaw(query, org.qinqing.support.WechatClient.textXml("o-noredis", "菜单",
					org.qinqing.support.WechatClient.nextMsgId()));
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.body()).contains("系统有点忙").doesNotContain("Exception");
			HttpClient http = TestHttp.client().build();
			assertThat(http.send(TestHttp.request(URI.create(base + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
		}
	}

	/** The machine's Redis when REDIS_URL is set, else the embedded one this JVM started. */
	private static String redisUrlOfThisRun() {
		String env = System.getenv("REDIS_URL");
		if (env != null && !env.isBlank()) {
			return env;
		}
		try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(QinqingApplication.class)
			.run("--server.port=0", "--qinqing.embedded-redis.dir=", "--wechat.tenant=" + PortalTestSupport.TENANT)) {
			return demo.getEnvironment().getProperty(EmbeddedRedisEnvironment.URL_PROPERTY);
		}
	}

}
