package org.qinqing.notify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One proactive message for the {@link Outbox}. It may carry a customer-service text, template
 * content, or both: the outbox sends the text while the user's service window is open and the
 * template otherwise, so give both whenever the message should reach the person either way.
 *
 * @param tenant the account (school or county) that sends it
 * @param openid the recipient
 * @param kind what it is, e.g. {@code call-reminder}; picks the template id
 * ({@code qinqing.notify.templates.<kind>})
 * @param urgent emergencies: sent during quiet hours too
 * @param idempotencyKey the same key queued twice is sent once (e.g. {@code call-reminder:<booking>})
 * @param text the customer-service text, or {@code null}
 * @param title the template's title as the simulator shows it (WeChat takes it from the template)
 * @param fields template fields by name, each one line of at most 20 characters
 * @param url the detail page the template links to; {@value Outbox#MESSAGE_ID} is replaced by the
 * outbox's message id, so the page can call {@link Outbox#markRead}
 */
public record Notification(String tenant, String openid, String kind, boolean urgent, String idempotencyKey,
		String text, String title, Map<String, String> fields, String url) {

	public static final int MAX_FIELD_LENGTH = TemplateMessage.MAX_FIELD_LENGTH;

	static final int MAX_KEY_LENGTH = 200;

	public Notification {
		require(tenant, "tenant");
		require(openid, "openid");
		require(kind, "kind");
		require(idempotencyKey, "idempotencyKey");
		if (idempotencyKey.length() > MAX_KEY_LENGTH) {
			throw new IllegalArgumentException("idempotencyKey is longer than " + MAX_KEY_LENGTH + " characters");
		}
		fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		for (Map.Entry<String, String> field : fields.entrySet()) {
			String value = field.getValue();
			if (value == null || value.codePointCount(0, value.length()) > MAX_FIELD_LENGTH || multiline(value)) {
				throw new IllegalArgumentException("Template field '" + field.getKey()
						+ "' must be one line of at most " + MAX_FIELD_LENGTH + " characters");
			}
		}
		if (title != null && multiline(title)) {
			throw new IllegalArgumentException("The template title must be one line");
		}
		if ((text == null || text.isBlank()) && fields.isEmpty()) {
			throw new IllegalArgumentException("A notification needs a text, template fields or both");
		}
	}

	/** Starts a notification; add {@link Builder#text} and/or {@link Builder#template}. */
	public static Builder builder(String tenant, String openid, String kind, String idempotencyKey) {
		return new Builder(tenant, openid, kind, idempotencyKey);
	}

	/** Can go as a customer-service message. */
	public boolean hasText() {
		return this.text != null && !this.text.isBlank();
	}

	/** Can go as a template message. */
	public boolean hasTemplate() {
		return !this.fields.isEmpty();
	}

	private static boolean multiline(String value) {
		return value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
	}

	private static void require(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is required");
		}
	}

	public static final class Builder {

		private final String tenant;

		private final String openid;

		private final String kind;

		private final String idempotencyKey;

		private boolean urgent;

		private String text;

		private String title;

		private Map<String, String> fields = Map.of();

		private String url;

		private Builder(String tenant, String openid, String kind, String idempotencyKey) {
			this.tenant = tenant;
			this.openid = openid;
			this.kind = kind;
			this.idempotencyKey = idempotencyKey;
		}

		/** An emergency: goes during quiet hours too. */
		public Builder urgent() {
			this.urgent = true;
			return this;
		}

		public Builder text(String text) {
			this.text = text;
			return this;
		}

		public Builder template(String title, Map<String, String> fields, String url) {
			this.title = title;
			this.fields = fields;
			this.url = url;
			return this;
		}

		public Notification build() {
			return new Notification(this.tenant, this.openid, this.kind, this.urgent, this.idempotencyKey, this.text,
					this.title, this.fields, this.url);
		}

	}

}
