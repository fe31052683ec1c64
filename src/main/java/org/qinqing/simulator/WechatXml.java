package org.qinqing.simulator;

/** The XML WeChat's servers post for each kind of user action. */
final class WechatXml {

	private WechatXml() {
	}

	static String of(String toUser, String openid, long createTime, String type, String text, String eventKey,
			long msgId) {
		String head = "<xml><ToUserName><![CDATA[" + toUser + "]]></ToUserName><FromUserName><![CDATA[" + openid
				+ "]]></FromUserName><CreateTime>" + createTime + "</CreateTime>";
		String safeText = cdata(text);
		return head + switch (type == null ? "text" : type) {
			case "voice" -> "<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[sim-media]]></MediaId>"
					+ "<Format><![CDATA[amr]]></Format><Recognition><![CDATA[" + safeText + "]]></Recognition><MsgId>"
					+ msgId + "</MsgId>";
			case "click" -> event("CLICK", cdata(eventKey));
			case "scan" -> event("SCAN", cdata(eventKey));
			case "subscribe" -> event("subscribe", "");
			case "unsubscribe" -> event("unsubscribe", "");
			default -> "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + safeText + "]]></Content><MsgId>"
					+ msgId + "</MsgId>";
		} + "</xml>";
	}

	private static String event(String event, String key) {
		return "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + event + "]]></Event><EventKey><![CDATA[" + key
				+ "]]></EventKey>";
	}

	/** A CDATA section cannot hold "]]>": split it the way XML writers do. */
	private static String cdata(String text) {
		return text == null ? "" : text.replace("]]>", "]]]]><![CDATA[>");
	}

}
