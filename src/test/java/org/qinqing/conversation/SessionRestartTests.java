package org.qinqing.conversation;

import org.junit.jupiter.api.Test;
import org.qinqing.QinqingApplication;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.WechatClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** A conversation in the middle of a flow carries on after the app is stopped and started again. */
class SessionRestartTests {

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(QinqingApplication.class)
			.run("--server.port=0", "--wechat.tenant=" + PortalTestSupport.TENANT, "--qinqing.embedded-redis.dir=",
					"--wechat.api-base=" + PortalTestSupport.WECHAT_API.baseUrl());
	}

	private static WechatClient client(ConfigurableApplicationContext app) {
		String port = app.getEnvironment().getProperty("local.server.port");
		return new WechatClient("http://127.0.0.1:" + port);
	}

	@Test
	void sessionSurvivesARestart() {
		String openid = "demo-parent-1";
		try (ConfigurableApplicationContext first = start()) {
			WechatClient wechat = client(first);
			wechat.text(openid, "菜单");
			wechat.text(openid, "给学校留言");
			assertThat(wechat.text(openid, "3").reply()).contains("请写下您想告诉学校的话");
		}
		try (ConfigurableApplicationContext second = start()) {
			String reply = client(second).text(openid, "放学路上有条河，担心孩子安全").reply();
			assertThat(reply).contains("请确认您的留言").contains("类别：安全").contains("放学路上有条河");
			client(second).text(openid, "取消");
		}
	}

}
