package org.qinqing.people.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.qinqing.people.Families;
import org.springframework.context.MessageSource;

/** What a row does to a child's family, in the preview's words: 新家庭：添加 3 位家人, 与已有家庭（兄弟姐妹）相连, 家人不变. */
final class FamilyWording {

	private FamilyWording() {
	}

	static String of(Families.Plan plan, MessageSource messages, Locale locale) {
		if (plan.newFamilies() > 0) {
			return messages.getMessage("import.family.new", new Object[] { plan.added() }, locale);
		}
		List<String> parts = new ArrayList<>();
		if (plan.joined() > 0) {
			parts.add(messages.getMessage("import.family.linked", new Object[] { plan.joined() }, locale));
		}
		if (plan.added() > 0) {
			parts.add(messages.getMessage("import.family.added", new Object[] { plan.added() }, locale));
		}
		if (plan.changed() > 0) {
			parts.add(messages.getMessage("import.family.changed", new Object[] { plan.changed() }, locale));
		}
		if (!parts.isEmpty()) {
			return String.join(messages.getMessage("import.family.separator", null, locale), parts);
		}
		return messages.getMessage(plan.withoutFamily() > 0 ? "import.family.none" : "import.family.unchanged", null, locale);
	}

}
