package org.qinqing.wechat;

import org.junit.jupiter.api.Test;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.WechatClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever arrives with a valid signature, the portal never answers 5xx and never expands entities. */
class HostileInputTests extends PortalTestSupport {

	/** A freshly signed portal URL for each request, as WeChat signs each delivery. */
	private static String portal() {
		return "/wx/portal/" + WechatClient.APP_ID + WechatClient.freshQuery();
	}

	@Test
	void externalEntityIsRefused() {
		String xml = """
				<?xml version="1.0"?>
				<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<xml><ToUserName>gh</ToUserName><FromUserName>xxe-user</FromUserName><CreateTime>1</CreateTime>
				<MsgType>text</MsgType><Content>&xxe;</Content><MsgId>1</MsgId></xml>""";
		var response = wechat().postRaw(portal(), xml);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).doesNotContain("root:");
		assertThat(sessionJson("xxe-user")).isNull();
	}

	@Test
	void billionLaughsIsRefusedQuickly() {
		StringBuilder dtd = new StringBuilder("<!DOCTYPE xml [<!ENTITY lol \"lol\">");
		for (int i = 1; i <= 9; i++) {
			dtd.append("<!ENTITY lol").append(i).append(" \"");
			dtd.append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10)).append("\">");
		}
		dtd.append("]>");
		String xml = dtd + "<xml><FromUserName>lol-user</FromUserName><MsgType>text</MsgType><Content>&lol9;</Content></xml>";
		var response = wechat().postRaw(portal(), xml);
		assertThat(response.status()).isEqualTo(400);
		assertThat(sessionJson("lol-user")).isNull();
	}

	@Test
	void malformedXmlIsABadRequest() {
		assertThat(wechat().postRaw(portal(), "<xml><FromUserName>a</FromUserName>").status()).isEqualTo(400);
		assertThat(wechat().postRaw(portal(), "not xml at all").status()).isEqualTo(400);
		assertThat(wechat().postRaw(portal(), "").status()).isEqualTo(400);
		assertThat(wechat().postRaw(portal(), "<xml><MsgType>text</MsgType></xml>").status()).isEqualTo(400);
	}

	@Test
	void oversizedBodyIsRefusedWith413() {
		String big = WechatClient.textXml("big-user", "字".repeat(30_000), WechatClient.nextMsgId());
		assertThat(big.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(64 * 1024);
		assertThat(wechat().postRaw(portal(), big).status()).isEqualTo(413);
		assertThat(sessionJson("big-user")).isNull();
	}

	@Test
	void unknownMessageTypeGetsSuccess() {
		String xml = "<xml><ToUserName>gh</ToUserName><FromUserName>odd-user</FromUserName><CreateTime>1</CreateTime>"
				+ "<MsgType><![CDATA[hologram]]></MsgType><MsgId>" + WechatClient.nextMsgId() + "</MsgId></xml>";
		var response = wechat().postRaw(portal(), xml);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("success");
	}

	@Test
	void pictureGetsAKindExplanationNotSilence() {
		String xml = "<xml><ToUserName>gh</ToUserName><FromUserName>pic-user-" + System.nanoTime()
				+ "</FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[image]]></MsgType>"
				+ "<PicUrl>http://x</PicUrl><MediaId>m</MediaId><MsgId>" + WechatClient.nextMsgId() + "</MsgId></xml>";
		var response = wechat().post(xml, false);
		assertThat(response.reply()).contains("只能看懂文字");
	}

	@Test
	void templateDeliveryReportEventGetsSuccess() {
		String xml = WechatClient.eventXml("tpl-user", "TEMPLATESENDJOBFINISH", "", 1700000001);
		var response = wechat().post(xml, false);
		assertThat(response.isSuccessOnly()).isTrue();
	}

}
