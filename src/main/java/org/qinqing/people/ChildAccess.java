package org.qinqing.people;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.qinqing.console.StaffUser;
import org.springframework.stereotype.Service;

/**
 * Which children and classes a console user may see, by the one rule of {@link Access} ({@link CareScope}):
 * an admin the whole tenant, a teacher the classes they head and the children paired with them. Every console
 * read and export goes through here.
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
		List<SchoolClass> classes = new ArrayList<>(this.records.classes(user.tenant(), ids));
		classes.sort(ArchiveTiles.byGrade());
		return classes;
	}

	public List<Child> visibleChildren(StaffUser user) {
		// the scope is read once, not once per child, and the children in one pipeline
		CareScope scope = scope(user);
		return this.records.children(user.tenant(), this.records.ids(user.tenant(), "child"))
			.stream()
			.filter(scope::covers)
			.toList();
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
		scope.childIds().forEach(childId -> this.records.child(tenant, childId).ifPresent(c -> ids.add(c.classId())));
		return ids;
	}

}
