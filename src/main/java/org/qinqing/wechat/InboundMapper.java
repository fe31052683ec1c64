package org.qinqing.wechat;

import java.util.Map;
import java.util.Optional;

import org.qinqing.conversation.Inbound;
import org.qinqing.conversation.Inbound.Kind;

/**
 * Turns WeChat's fields into an {@link Inbound}. Messages are de-duplicated by {@code MsgId};
 * events, which have none, by sender + create time + event + key, as WeChat's documentation says.
 * Message types WeChat may add later map to nothing, and the portal answers {@code success}.
 */
final class InboundMapper {

	private static final String QR_SCENE_PREFIX = "qrscene_";

	private InboundMapper() {
	}

	static Optional<Inbound> map(String tenant, Map<String, String> xml) {
		String openid = xml.getOrDefault("FromUserName", "");
		String type = xml.getOrDefault("MsgType", "");
		if (openid.isBlank() || type.isBlank()) {
			throw new InboundXml.MalformedXmlException("FromUserName and MsgType are required");
		}
		String msgId = xml.getOrDefault("MsgId", xml.getOrDefault("MsgID", ""));
		String messageKey = msgId.isBlank() ? openid + ":" + xml.getOrDefault("CreateTime", "") + ":" + type : msgId;
		return switch (type) {
			case "text" -> Optional.of(new Inbound(tenant, openid, Kind.TEXT, xml.get("Content"), "m:" + messageKey));
			case "voice" ->
				Optional.of(new Inbound(tenant, openid, Kind.VOICE, xml.get("Recognition"), "m:" + messageKey));
			case "image", "video", "shortvideo", "location", "link", "file", "music" ->
				Optional.of(new Inbound(tenant, openid, Kind.UNREADABLE, "", "m:" + messageKey));
			case "event" -> event(tenant, openid, xml);
			default -> Optional.empty();
		};
	}

	private static Optional<Inbound> event(String tenant, String openid, Map<String, String> xml) {
		String event = xml.getOrDefault("Event", "");
		String key = xml.getOrDefault("EventKey", "");
		String dedup = "e:" + openid + ":" + xml.getOrDefault("CreateTime", "") + ":" + event + ":" + key;
		Kind kind = switch (event.toLowerCase(java.util.Locale.ROOT)) {
			case "subscribe" -> Kind.SUBSCRIBE;
			case "unsubscribe" -> Kind.UNSUBSCRIBE;
			case "scan" -> Kind.SCAN;
			case "click" -> Kind.MENU_CLICK;
			default -> Kind.IGNORED;
		};
		String text = key.startsWith(QR_SCENE_PREFIX) ? key.substring(QR_SCENE_PREFIX.length()) : key;
		return Optional.of(new Inbound(tenant, openid, kind, text, dedup));
	}

}
