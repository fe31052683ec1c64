package org.qinqing.wechat;

import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.Test;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.WechatClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Safe mode checked against the platform's published algorithm ({@link WechatReferenceCrypto}),
 * not only against WxJava's own helper: both directions, and a full round trip through the portal.
 */
class SafeModeCryptoTests extends PortalTestSupport {

	private final WechatReferenceCrypto reference = new WechatReferenceCrypto(WechatClient.TOKEN,
			WechatClient.AES_KEY, WechatClient.APP_ID);

	private final WxCryptUtil wxjava = new WxCryptUtil(WechatClient.TOKEN, WechatClient.AES_KEY, WechatClient.APP_ID);

	@Test
	void wxjavaDecryptsWhatThePublishedAlgorithmEncrypts() {
		String xml = "<xml><Content><![CDATA[奶奶您好，¥€ emoji 😀]]></Content></xml>";
		assertThat(this.wxjava.decrypt(this.reference.encrypt(xml))).isEqualTo(xml);
	}

	@Test
	void thePublishedAlgorithmDecryptsWhatWxjavaEncrypts() {
		String xml = "<xml><Content><![CDATA[孩子这周表现很好]]></Content></xml>";
		String encrypt = this.wxjava.encryptContext(xml).getEncrypt();
		assertThat(this.reference.decrypt(encrypt)).isEqualTo(xml);
	}

	@Test
	void aMessageForAnotherAppIdDoesNotDecrypt() {
		WechatReferenceCrypto other = new WechatReferenceCrypto(WechatClient.TOKEN, WechatClient.AES_KEY, "wxother");
		assertThatThrownBy(() -> this.reference.decrypt(other.encrypt("<xml/>"))).isInstanceOf(RuntimeException.class);
	}

	@Test
	void encryptedMessageGetsAnEncryptedSignedReplyThroughThePortal() {
		String openid = "aes-" + System.nanoTime();
		var response = wechat().post(WechatClient.textXml(openid, "帮助", WechatClient.nextMsgId()), true);
		// WechatClient decrypts with the reference algorithm and checks MsgSignature; a mismatch throws
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.reply()).contains("使用说明");
		assertThat(response.body()).contains("<ToUserName><![CDATA[" + openid + "]]></ToUserName>");
	}

	@Test
	void encryptedBodyThatDoesNotDecryptIsABadRequestNotAServerError() {
		String timestamp = WechatClient.now();
		String nonce = "n9" + System.nanoTime();
		String garbage = "bm90IGEgcmVhbCBjaXBoZXJ0ZXh0";
		String query = WechatClient.signedQuery(timestamp, nonce) + "&encrypt_type=aes&msg_signature="
				+ WechatReferenceCrypto.signature(WechatClient.TOKEN, timestamp, nonce, garbage);
		var response = wechat().postRaw("/wx/portal/" + WechatClient.APP_ID + query,
				"<xml><ToUserName><![CDATA[gh]]></ToUserName><Encrypt><![CDATA[" + garbage + "]]></Encrypt></xml>");
		assertThat(response.status()).isEqualTo(400);
	}

}
