package org.qinqing.binding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A binding sheet as a table, one line per card: 学校, 班级, 姓名, 关系, 孩子, 绑定码, 是否已绑定. What a print
 * shop or a mail merge needs to print the cards elsewhere; the code column is empty for people who are
 * bound or whose code was revoked.
 */
@Component
class BindingSheetTable {

	private static final List<String> COLUMNS = List.of("school", "class", "name", "relation", "children", "code", "bound");

	private final MessageSource messages;

	BindingSheetTable(MessageSource messages) {
		this.messages = messages;
	}

	/** Header first, then the cards in the sheet's order. */
	List<List<String>> rows(BindingSheets.Sheet sheet, Locale locale) {
		List<List<String>> rows = new ArrayList<>();
		rows.add(COLUMNS.stream().map(c -> words("binding.export.col." + c, locale)).toList());
		for (BindingSheets.Card card : sheet.cards()) {
			String relation = card.relationKey() != null ? words(card.relationKey(), locale) : card.relation();
			String bound = card.bound() ? words("binding.export.bound.yes", locale)
					: card.revoked() ? words("binding.export.bound.revoked", locale) : words("binding.export.bound.no", locale);
			rows.add(List.of(sheet.schoolName(), sheet.schoolClass().name(), card.name(), relation, card.children(),
					card.code(), bound));
		}
		return rows;
	}

	private String words(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
