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
 * Which children and classes a console user may see, by the one rule of {@link Access} ({@link CareScope}):
 * an admin the whole tenant, a teacher the classes they head and the children paired with them. Every console
 * read and export goes through here; records are read in pipelines, never one round trip per child.
 */
@Service
public class ChildAccess {

	private final SchoolRecords records;

	private final Access access;

	ChildAccess(SchoolRecords records, Access access) {
		this.records = records;
		this.access = access;
	}

	/** The console user's scope: the same rule as in chat. */
	public CareScope scope(StaffUser user) {
		return this.access.scopeOf(user.tenant(), user.isAdmin() ? Role.ADMIN : Role.TEACHER, user.personId());
	}

	public List<SchoolClass> visibleClasses(StaffUser user) {
		CareScope scope = scope(user);
		Set<String> allowed = scope.everyone() ? null : allowedClassIds(user.tenant(), scope);
		List<String> ids = this.records.ids(user.tenant(), "class")
			.stream()
			.filter(id -> allowed == null || allowed.contains(id))
			.toList();
		List<SchoolClass> classes = new ArrayList<>(this.records.classes(user.tenant(), ids).values());
		classes.sort(ArchiveTiles.byGrade());
		return classes;
	}

	public List<Child> visibleChildren(StaffUser user) {
		// the scope is read once, not once per child, and the children in one pipeline
		CareScope scope = scope(user);
		return this.records.children(user.tenant(), this.records.ids(user.tenant(), "child"))
			.values()
			.stream()
			.filter(scope::covers)
			.toList();
	}

	/**
	 * The children of these classes the user may see, by class id: read through the classes' own lists, so a
	 * class's page costs the same in a school of 100 pupils as in a county of 20,000.
	 */
	public Map<String, List<Child>> visibleChildren(StaffUser user, Collection<String> classIds) {
		CareScope scope = scope(user);
		Map<String, List<Child>> byClass = new LinkedHashMap<>();
		this.records.childrenOf(user.tenant(), classIds)
			.forEach((classId, children) -> byClass.put(classId, children.stream().filter(scope::covers).toList()));
		return byClass;
	}

	/** The child, if this user may see them; empty both when missing and when not allowed. */
	public Optional<Child> child(StaffUser user, String childId) {
		return this.records.child(user.tenant(), childId).filter(child -> canSee(user, child));
	}

	public boolean canSee(StaffUser user, Child child) {
		return scope(user).covers(child);
	}

	/** Classes a teacher heads, plus the classes of their paired children (shown with those children only). */
	private Set<String> allowedClassIds(String tenant, CareScope scope) {
		Set<String> ids = new HashSet<>(scope.classIds());
		this.records.children(tenant, scope.childIds()).values().forEach(c -> ids.add(c.classId()));
		return ids;
	}

}
