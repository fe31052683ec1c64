package org.qinqing.people;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** How the school speaks of people by name. */
public final class PersonNames {

	/** The two-character surnames common enough to meet in a school. */
	private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟",
			"公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "独孤", "南宫", "西门", "澹台", "轩辕");

	private PersonNames() {
	}

	/** 张子涵 → 子涵, 欧阳小雨 → 小雨; a two-character name keeps its given character (李娜 → 娜). */
	public static String givenName(String fullName) {
		if (fullName == null || fullName.length() < 2) {
			return fullName == null ? "" : fullName;
		}
		if (fullName.length() > 3 && COMPOUND_SURNAMES.contains(fullName.substring(0, 2))) {
			return fullName.substring(2);
		}
		return fullName.substring(1);
	}

	/**
	 * How to name each of a list's people: by the given name, unless two of the list share it (two 佳怡 in a class),
	 * then by the full name, so a numbered list never shows one name twice.
	 */
	public static <T> Function<T, String> inList(Collection<T> list, Function<T, String> fullName) {
		Map<String, Integer> given = new HashMap<>();
		list.forEach(item -> given.merge(givenName(fullName.apply(item)), 1, Integer::sum));
		return item -> {
			String full = fullName.apply(item);
			String name = givenName(full);
			return given.getOrDefault(name, 0) > 1 ? full : name;
		};
	}

}
