package org.qinqing.notify;

import java.util.Map;

/**
 * A proactive message for a person rather than an openid: the outbox finds the WeChat users bound to the person
 * who still follow the account, and queues one {@link Notification} to each, keyed {@code <key>:<openid>}.
 *
 * @param key the message's idempotency key for this person (e.g. {@code call:<tenant>:V0001:remind-30})
 */
public record Message(String kind, String key, boolean urgent, String text, String title, Map<String, String> fields,
		String url) {

	public Message {
		fields = fields == null ? Map.of() : Map.copyOf(fields);
	}

	public static Message of(String kind, String key, String text, String title, Map<String, String> fields) {
		return new Message(kind, key, false, text, title, fields, null);
	}

	/** A template field's value: one line of at most {@link Notification#MAX_FIELD_LENGTH} characters. */
	public static String field(String value) {
		String line = value == null ? "" : value.replace('\n', ' ').replace('\r', ' ').strip();
		if (line.codePointCount(0, line.length()) <= Notification.MAX_FIELD_LENGTH) {
			return line;
		}
		return line.substring(0, line.offsetByCodePoints(0, Notification.MAX_FIELD_LENGTH));
	}

	public Message urgently() {
		return new Message(this.kind, this.key, true, this.text, this.title, this.fields, this.url);
	}

	public Message linking(String url) {
		return new Message(this.kind, this.key, this.urgent, this.text, this.title, this.fields, url);
	}

	Notification to(String tenant, String openid) {
		Notification.Builder builder = Notification.builder(tenant, openid, this.kind, this.key + ":" + openid);
		if (this.urgent) {
			builder.urgent();
		}
		if (this.text != null) {
			builder.text(this.text);
		}
		if (!this.fields.isEmpty()) {
			builder.template(this.title, this.fields, this.url);
		}
		return builder.build();
	}

}
