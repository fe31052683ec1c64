package org.qinqing.notify;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A template message: the only proactive channel outside the service window. WeChat shows at most
 * 20 characters a field and no line breaks, so fields are checked here rather than cut by WeChat.
 *
 * @param clientMsgId WeChat's {@code client_msg_id}: WeChat sends one message per openid and id
 * within about 10 minutes, so a send repeated after a crash is not shown twice; may be {@code null}
 */
public record TemplateMessage(String tenant, String openid, String templateId, String title, String url,
		Map<String, String> fields, String clientMsgId) implements OutboundMessage {

	public static final int MAX_FIELD_LENGTH = 20;

	public TemplateMessage {
		fields = new LinkedHashMap<>(fields);
		for (Map.Entry<String, String> field : fields.entrySet()) {
			String value = field.getValue();
			if (value.codePointCount(0, value.length()) > MAX_FIELD_LENGTH || value.contains("\n")) {
				throw new IllegalArgumentException("Template field '" + field.getKey()
						+ "' must be one line of at most " + MAX_FIELD_LENGTH + " characters");
			}
		}
	}

	public TemplateMessage(String tenant, String openid, String templateId, String title, String url,
			Map<String, String> fields) {
		this(tenant, openid, templateId, title, url, fields, null);
	}

}
