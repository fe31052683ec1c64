package org.qinqing.wechat;

import java.util.Map;
import java.util.Optional;

import org.qinqing.conversation.DeliveryStamp;
import org.qinqing.conversation.Inbound;
import org.qinqing.conversation.Inbound.Kind;

/**
 * Turns WeChat's fields into an {@link Inbound}. Messages are de-duplicated by sender + {@code MsgId} (another
 * user sending the same MsgId never receives this user's stored reply); events, which have none, by sender +
 * create time + event + key, as WeChat's documentation says. Message types WeChat may add later map to
 * nothing, and the portal answers {@code success}.
 */
final class InboundMapper {

	/** WeChat's openids are 28 characters; anything this long is not from WeChat and makes no Redis key. */
	static final int MAX_OPENID = 64;

	/** MsgIds are 64-bit numbers, CreateTime a 10-digit epoch, menu keys at most 128 bytes, QR scenes 64. */
	private static final int MAX_ID = 128;

	private static final String QR_SCENE_PREFIX = "qrscene_";

	private InboundMapper() {
	}

	static Optional<Inbound> map(String tenant, Map<String, String> xml, DeliveryStamp stamp) {
		String openid = xml.getOrDefault("FromUserName", "");
		String type = xml.getOrDefault("MsgType", "");
		if (openid.isBlank() || type.isBlank()) {
			throw new InboundXml.MalformedXmlException("FromUserName and MsgType are required");
		}
		if (openid.length() > MAX_OPENID || !openid.matches("[A-Za-z0-9_\\-]+")) {
			throw new InboundXml.MalformedXmlException("FromUserName is not an openid");
		}
		String msgId = field(xml, "MsgId", xml.getOrDefault("MsgID", ""));
		String messageKey = openid + ":"
				+ (msgId.isBlank() ? field(xml, "CreateTime", "") + ":" + shortened(type) : msgId);
		return switch (type) {
			case "text" ->
				Optional.of(new Inbound(tenant, openid, Kind.TEXT, xml.get("Content"), "m:" + messageKey, stamp));
			case "voice" -> Optional
				.of(new Inbound(tenant, openid, Kind.VOICE, xml.get("Recognition"), "m:" + messageKey, stamp));
			case "image", "video", "shortvideo", "location", "link", "file", "music" ->
				Optional.of(new Inbound(tenant, openid, Kind.UNREADABLE, "", "m:" + messageKey, stamp));
			case "event" -> event(tenant, openid, xml, stamp);
			default -> Optional.empty();
		};
	}

	/** An id-like field, refused when longer than WeChat ever sends (it becomes part of a Redis key). */
	private static String field(Map<String, String> xml, String name, String otherwise) {
		String value = xml.getOrDefault(name, otherwise);
		if (value.length() > MAX_ID) {
			throw new InboundXml.MalformedXmlException(name + " is too long");
		}
		return value;
	}

	private static String shortened(String type) {
		return type.length() > MAX_ID ? type.substring(0, MAX_ID) : type;
	}

	private static Optional<Inbound> event(String tenant, String openid, Map<String, String> xml,
			DeliveryStamp stamp) {
		String event = field(xml, "Event", "");
		String key = field(xml, "EventKey", "");
		String dedup = "e:" + openid + ":" + field(xml, "CreateTime", "") + ":" + event + ":" + key;
		Kind kind = switch (event.toLowerCase(java.util.Locale.ROOT)) {
			case "subscribe" -> Kind.SUBSCRIBE;
			case "unsubscribe" -> Kind.UNSUBSCRIBE;
			case "scan" -> Kind.SCAN;
			case "click" -> Kind.MENU_CLICK;
			default -> Kind.IGNORED;
		};
		String text = key.startsWith(QR_SCENE_PREFIX) ? key.substring(QR_SCENE_PREFIX.length()) : key;
		return Optional.of(new Inbound(tenant, openid, kind, text, dedup, stamp));
	}

}
