package org.qinqing.simulator;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qinqing.system.SchoolTime;
import org.springframework.context.MessageSource;

/**
 * A pushed message as WeChat shows it: a template's fields under the template's own labels (孩子, 时间, 状态...,
 * kept per field name as {@code template.field.<name>}), never the keys the API takes, and the time it
 * arrived in school time, whatever the zone of the browser that shows it.
 */
final class PushesAsShown {

	private final MessageSource messages;

	PushesAsShown(MessageSource messages) {
		this.messages = messages;
	}

	/** The stored push with {@code rows} (label, value) for a template and {@code time} (e.g. 12月1日 16:30). */
	@SuppressWarnings("unchecked")
	Map<String, Object> asShown(Map<String, Object> push, Locale locale) {
		Map<String, Object> shown = new LinkedHashMap<>(push);
		if (push.get("fields") instanceof Map<?, ?> fields) {
			List<Map<String, String>> rows = new ArrayList<>();
			((Map<String, Object>) fields).forEach((name, value) -> rows
				.add(Map.of("label", label(name, locale), "value", value == null ? "" : String.valueOf(value))));
			shown.put("rows", rows);
		}
		if (push.get("at") instanceof String at) {
			shown.put("time", schoolTime(at, locale));
		}
		return shown;
	}

	/** The template's label of a field; a field without one shows its name rather than nothing. */
	String label(String field, Locale locale) {
		return this.messages.getMessage("template.field." + field, null, field, locale);
	}

	private String schoolTime(String at, Locale locale) {
		try {
			String pattern = this.messages.getMessage("simulator.card.time.pattern", null, locale);
			return OffsetDateTime.parse(at)
				.atZoneSameInstant(SchoolTime.ZONE)
				.format(DateTimeFormatter.ofPattern(pattern, Locale.SIMPLIFIED_CHINESE));
		}
		catch (DateTimeParseException ex) {
			return at;
		}
	}

}
