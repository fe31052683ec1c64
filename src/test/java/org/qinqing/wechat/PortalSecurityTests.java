package org.qinqing.wechat;

import org.junit.jupiter.api.Test;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.WechatClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Signature checks in both modes: a forged request is refused with 403 and changes nothing. */
class PortalSecurityTests extends PortalTestSupport {

	private static final String PORTAL = "/wx/portal/" + WechatClient.APP_ID;

	@Test
	void serverVerificationEchoesOnlyWithAValidSignature() {
		String query = WechatClient.signedQuery("1700000000", "n1") + "&echostr=hello123";
		assertThat(wechat().get(PORTAL + query).body()).isEqualTo("hello123");
		assertThat(wechat().get(PORTAL + "?signature=0000&timestamp=1700000000&nonce=n1&echostr=hello123").status())
			.isEqualTo(403);
		assertThat(wechat().get(PORTAL + "?timestamp=1700000000&nonce=n1&echostr=x").status()).isEqualTo(403);
		assertThat(wechat().get("/wx/portal/wxunknown" + query).status()).isEqualTo(403);
	}

	@Test
	void forgedPlaintextMessageIsRefusedAndStartsNoConversation() {
		String openid = "sec-forged-" + System.nanoTime();
		var response = wechat().postRaw(PORTAL + "?signature=deadbeef&timestamp=1700000000&nonce=n1",
				WechatClient.textXml(openid, "菜单", WechatClient.nextMsgId()));
		assertThat(response.status()).isEqualTo(403);
		assertThat(sessionJson(openid)).isNull();
	}

	@Test
	void messageForAnUnknownAccountIsRefused() {
		String openid = "sec-unknown-" + System.nanoTime();
		var response = wechat().postRaw("/wx/portal/wxnotours" + WechatClient.freshQuery(),
				WechatClient.textXml(openid, "菜单", WechatClient.nextMsgId()));
		assertThat(response.status()).isEqualTo(403);
		assertThat(sessionJson(openid)).isNull();
	}

	@Test
	void safeModeMessageWithAWrongMessageSignatureIsRefused() {
		String openid = "sec-aes-" + System.nanoTime();
		WechatReferenceCrypto crypto = new WechatReferenceCrypto(WechatClient.TOKEN, WechatClient.AES_KEY,
				WechatClient.APP_ID);
		String now = WechatClient.now();
		String envelope = crypto.encryptedEnvelope(WechatClient.textXml(openid, "菜单", WechatClient.nextMsgId()),
				now, "n1");
		var response = wechat().postRaw(
				PORTAL + WechatClient.signedQuery(now, "n1") + "&encrypt_type=aes&msg_signature=0123abcd", envelope);
		assertThat(response.status()).isEqualTo(403);
		assertThat(sessionJson(openid)).isNull();
	}

	@Test
	void plaintextAndSafeModeMessagesWithValidSignaturesAreAnswered() {
		String openid = "sec-ok-" + System.nanoTime();
		var plain = wechat().post(WechatClient.textXml(openid, "菜单", WechatClient.nextMsgId()), false);
		var aes = wechat().post(WechatClient.textXml(openid, "菜单", WechatClient.nextMsgId()), true);
		assertThat(plain.reply()).contains("了解亲情桥");
		assertThat(aes.reply()).isEqualTo(plain.reply());
	}

	@Test
	void healthIsUp() {
		var health = wechat().get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).contains("UP");
	}

}
