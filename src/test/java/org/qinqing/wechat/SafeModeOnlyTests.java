package org.qinqing.wechat;

import org.junit.jupiter.api.Test;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.WechatClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** An account set to safe mode only (WECHAT_MESSAGE_MODE=SAFE) takes encrypted messages and refuses plaintext. */
@TestPropertySource(properties = "wechat.mode=SAFE")
class SafeModeOnlyTests extends PortalTestSupport {

	@Test
	void plaintextIsRefusedAndSafeModeAnswered() {
		String openid = "safe-only-" + System.nanoTime();
		WechatClient.Response plain = wechat().post(WechatClient.textXml(openid, "菜单", WechatClient.nextMsgId()), false);
		assertThat(plain.status()).isEqualTo(403);
		assertThat(sessionJson(openid)).isNull();
		WechatClient.Response aes = wechat().post(WechatClient.textXml(openid, "菜单", WechatClient.nextMsgId()), true);
		assertThat(aes.status()).isEqualTo(200);
		assertThat(aes.reply()).contains("了解亲情桥");
	}

}
