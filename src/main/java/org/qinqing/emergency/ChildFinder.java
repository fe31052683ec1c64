package org.qinqing.emergency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.qinqing.people.CareScope;
import org.qinqing.people.Child;
import org.qinqing.people.PersonNames;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.BotScripts;
import org.springframework.stereotype.Component;

/**
 * The children a reporter may report about, by the one access rule ({@link CareScope}): a teacher's classes and
 * paired children (a list short enough to number), a leader's whole school (found by a typed name). Read in a
 * pipeline, never a round trip per child.
 */
@Component
class ChildFinder {

	/** A teacher's list is numbered up to this many; more, and the name is asked. */
	static final int LISTED = 60;

	private final SchoolRecords records;

	private final BotScripts scripts;

	ChildFinder(SchoolRecords records, BotScripts scripts) {
		this.records = records;
		this.scripts = scripts;
	}

	/** 子涵（三年级(1)班） for each child, as {@code Wording.childLabel} says it, with their classes read once. */
	Map<String, String> labels(String tenant, Collection<Child> children) {
		Map<String, SchoolClass> classes = this.records.classes(tenant,
				children.stream().map(Child::classId).distinct().toList());
		Map<String, String> labels = new java.util.LinkedHashMap<>();
		java.util.function.Function<Child, String> names = PersonNames.inList(children, Child::name);
		for (Child c : children) {
			String className = classes.containsKey(c.classId()) ? classes.get(c.classId()).name() : "";
			labels.put(c.id(), this.scripts.text("common.child-label", Map.of("name", names.apply(c), "class", className)));
		}
		return labels;
	}

	/** Names in the order of their pinyin, as a class list is read out. */
	private static final java.text.Collator PINYIN = java.text.Collator.getInstance(java.util.Locale.CHINA);

	/** Whether the school has any child: one read, whatever its size. */
	boolean any(String tenant) {
		return this.records.count(tenant, "child") > 0;
	}

	/** The scope's children, by class then name. */
	List<Child> children(String tenant, CareScope scope) {
		Collection<Child> found;
		if (scope.everyone()) {
			found = this.records.children(tenant, this.records.ids(tenant, "child")).values();
		}
		else {
			List<Child> list = new ArrayList<>();
			this.records.childrenOf(tenant, scope.classIds()).values().forEach(list::addAll);
			List<String> paired = scope.childIds().stream().filter(id -> list.stream().noneMatch(c -> c.id().equals(id)))
				.toList();
			list.addAll(this.records.children(tenant, paired).values());
			found = list;
		}
		return found.stream().filter(scope::covers)
			.sorted(Comparator.comparing(Child::classId).thenComparing(Child::name, PINYIN))
			.toList();
	}

	/** Those whose full or given name is {@code typed}, else those whose name holds it. */
	static List<Child> named(Collection<Child> children, String typed) {
		String name = typed.strip();
		if (name.isEmpty()) {
			return List.of();
		}
		List<Child> exact = children.stream()
			.filter(c -> c.name().equals(name) || PersonNames.givenName(c.name()).equals(name))
			.toList();
		if (!exact.isEmpty()) {
			return exact;
		}
		return children.stream().filter(c -> c.name().contains(name)).toList();
	}

	Map<String, Child> byId(String tenant, Collection<String> ids) {
		return this.records.children(tenant, ids);
	}

}
