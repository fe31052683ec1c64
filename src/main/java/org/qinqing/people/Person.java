package org.qinqing.people;

import java.util.List;

/**
 * An adult the school deals with: a parent, a guardian, a teacher or a school leader.
 *
 * @param relation to the children, e.g. 父亲, 祖母 (empty for staff)
 * @param childIds the children this person may see (own children, or paired children for teachers)
 * @param classIds the classes a teacher looks after
 * @param phone the person's own phone, digits only (empty when unknown): how an import or the console
 * recognises the same parent again, also across a sibling's class
 */
public record Person(String id, Role role, String name, String relation, List<String> childIds,
		List<String> classIds, String phone) {

	public Person {
		childIds = List.copyOf(childIds);
		classIds = List.copyOf(classIds);
		phone = phone == null ? "" : phone;
	}

	public Person(String id, Role role, String name, String relation, List<String> childIds, List<String> classIds) {
		this(id, role, name, relation, childIds, classIds, "");
	}

	public boolean isFamily() {
		return this.role == Role.PARENT || this.role == Role.GUARDIAN;
	}

	public Person withChildren(List<String> children) {
		return new Person(this.id, this.role, this.name, this.relation, children, this.classIds, this.phone);
	}

}
