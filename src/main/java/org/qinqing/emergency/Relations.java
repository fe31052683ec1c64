package org.qinqing.emergency;

import java.util.List;
import java.util.Optional;

import org.qinqing.people.Person;
import org.qinqing.system.BotScripts;
import org.springframework.stereotype.Component;

/**
 * How teachers name a child's family (奶奶, 外婆, 爸爸) against how the records do (祖母, 外祖母, 父亲): the words
 * that mean the same are listed together in {@code bot-scripts/emergency.yaml}.
 */
@Component
class Relations {

	private final List<List<String>> same;

	private final List<String> parents;

	@SuppressWarnings("unchecked")
	Relations(BotScripts scripts) {
		this.same = scripts.list("emergency.relations").stream()
			.map(entry -> (List<String>) (List<?>) entry.get("words"))
			.toList();
		this.parents = scripts.strings("emergency.parent-relations");
	}

	boolean same(String a, String b) {
		if (a.equals(b)) {
			return true;
		}
		return this.same.stream().anyMatch(words -> words.contains(a) && words.contains(b));
	}

	/** The adult of that relation (or name) among the child's, if one. */
	Optional<Person> find(List<Person> adults, String relation) {
		return adults.stream()
			.filter(p -> same(p.relation(), relation) || p.name().equals(relation))
			.findFirst();
	}

	boolean isParent(String relation) {
		return this.parents.stream().anyMatch(p -> same(p, relation));
	}

}
