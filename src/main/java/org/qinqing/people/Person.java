package org.qinqing.people;

import java.util.List;

/**
 * An adult the school deals with: a parent, a guardian, a teacher or a school leader.
 *
 * @param relation to the children, e.g. 父亲, 祖母 (empty for staff)
 * @param childIds the children this person may see (own children, or paired children for teachers)
 * @param classIds the classes a teacher looks after
 */
public record Person(String id, Role role, String name, String relation, List<String> childIds,
		List<String> classIds) {

	public Person {
		childIds = List.copyOf(childIds);
		classIds = List.copyOf(classIds);
	}

}
