package org.qinqing.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinqing.console.StaffUser;
import org.springframework.stereotype.Service;

/**
 * The one place that decides which children and classes a console user may see: an admin the
 * whole tenant, a teacher the classes they head and the children paired with them. Every console
 * read and export goes through here.
 */
@Service
public class ChildAccess {

	private final SchoolRecords records;

	ChildAccess(SchoolRecords records) {
		this.records = records;
	}

	public List<SchoolClass> visibleClasses(StaffUser user) {
		Set<String> allowed = user.isAdmin() ? null : allowedClassIds(user);
		List<String> ids = this.records.ids(user.tenant(), "class")
			.stream()
			.filter(id -> allowed == null || allowed.contains(id))
			.toList();
		List<SchoolClass> classes = new ArrayList<>(this.records.classes(user.tenant(), ids).values());
		classes.sort(ArchiveTiles.byGrade());
		return classes;
	}

	public List<Child> visibleChildren(StaffUser user) {
		// the teacher's classes are read once, not once per child
		Set<String> headed = user.isAdmin() ? Set.of() : headedClassIds(user);
		return this.records.children(user.tenant(), this.records.ids(user.tenant(), "child"))
			.values()
			.stream()
			.filter(child -> allowed(user, headed, child))
			.toList();
	}

	/**
	 * The children of these classes the user may see, by class id: read through the classes' own lists, so a
	 * class's page costs the same in a school of 100 pupils as in a county of 20,000.
	 */
	public Map<String, List<Child>> visibleChildren(StaffUser user, Collection<String> classIds) {
		Set<String> headed = user.isAdmin() ? Set.of() : headedClassIds(user);
		Map<String, List<Child>> byClass = new LinkedHashMap<>();
		this.records.childrenOf(user.tenant(), classIds)
			.forEach((classId, children) -> byClass.put(classId,
					children.stream().filter(child -> allowed(user, headed, child)).toList()));
		return byClass;
	}

	/** The child, if this user may see them; empty both when missing and when not allowed. */
	public Optional<Child> child(StaffUser user, String childId) {
		return this.records.child(user.tenant(), childId).filter(child -> canSee(user, child));
	}

	public boolean canSee(StaffUser user, Child child) {
		return allowed(user, user.isAdmin() ? Set.of() : headedClassIds(user), child);
	}

	/** The rule itself: an admin sees everyone, a teacher their paired children and their classes. */
	private static boolean allowed(StaffUser user, Set<String> headedClassIds, Child child) {
		return user.isAdmin() || child.pairedTeacherId().equals(user.personId())
				|| headedClassIds.contains(child.classId());
	}

	private Set<String> headedClassIds(StaffUser user) {
		return this.records.person(user.tenant(), user.personId())
			.map(person -> (Set<String>) new HashSet<>(person.classIds()))
			.orElse(Set.of());
	}

	/** Classes a teacher heads, plus the classes of their paired children (shown with those children only). */
	private Set<String> allowedClassIds(StaffUser user) {
		Set<String> ids = new HashSet<>(headedClassIds(user));
		this.records.person(user.tenant(), user.personId())
			.ifPresent(person -> person.childIds()
				.forEach(childId -> this.records.child(user.tenant(), childId).ifPresent(c -> ids.add(c.classId()))));
		return ids;
	}

}
