package org.qinqing.conversation;

/**
 * One thing a user did, free of WeChat types.
 *
 * @param tenant the official account's tenant
 * @param openid the user
 * @param kind what happened
 * @param text the typed text, the voice recognition (may be empty), or the event key
 * @param dedupKey identifies retries of the same message (sender + MsgId, or sender+time+event+key)
 * @param stamp the delivery's signed identity, checked against replays; null when the channel has none
 */
public record Inbound(String tenant, String openid, Kind kind, String text, String dedupKey, DeliveryStamp stamp) {

	public enum Kind {

		TEXT, VOICE, MENU_CLICK, SUBSCRIBE, SCAN, UNSUBSCRIBE,
		/** A message type we understand but cannot read (picture, video, location...). */
		UNREADABLE,
		/** An event that needs no answer (menu link opened, template delivered...). */
		IGNORED

	}

	public Inbound {
		text = text == null ? "" : text;
	}

	public Inbound(String tenant, String openid, Kind kind, String text, String dedupKey) {
		this(tenant, openid, kind, text, dedupKey, null);
	}

}
