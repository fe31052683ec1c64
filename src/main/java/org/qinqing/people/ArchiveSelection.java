package org.qinqing.people;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qinqing.console.StaffUser;
import org.springframework.stereotype.Service;

/**
 * The children of the archive that pass an {@link ArchiveFilter}, for the list (a page of them) and the exports
 * (all of them): read with pipelines, so a county's 20,000 children cost a few round trips, not one each.
 */
@Service
public class ArchiveSelection {

	private final ChildAccess access;

	private final ContactCards cards;

	ArchiveSelection(ChildAccess access, ContactCards cards) {
		this.access = access;
		this.cards = cards;
	}

	/**
	 * The visible children that pass the filter, class by class in grade order, then by id. With
	 * {@code incomplete}, only left-behind children whose card misses a required field.
	 */
	public List<Child> children(StaffUser user, ArchiveFilter filter, List<SchoolClass> visibleClasses) {
		List<Child> wanted = new ArrayList<>();
		for (Child child : this.access.visibleChildren(user)) {
			if (filter.admits(child) && (!filter.incomplete() || child.leftBehind().isLeftBehind())) {
				wanted.add(child);
			}
		}
		if (filter.incomplete()) {
			Map<String, Map<CardField, String>> cards = this.cards.cards(user.tenant(),
					wanted.stream().map(Child::id).toList());
			wanted.removeIf(child -> ContactCards.missing(child, cards.get(child.id())).isEmpty());
		}
		Map<String, Integer> order = new HashMap<>();
		for (int i = 0; i < visibleClasses.size(); i++) {
			order.put(visibleClasses.get(i).id(), i);
		}
		wanted.sort(Comparator.<Child>comparingInt(c -> order.getOrDefault(c.classId(), Integer.MAX_VALUE))
			.thenComparing(Child::id));
		return wanted;
	}

}
