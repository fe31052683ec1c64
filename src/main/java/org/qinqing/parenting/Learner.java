package org.qinqing.parenting;

import java.util.Set;

import org.qinqing.people.Role;

/**
 * A parent or guardian as the lesson selection sees them.
 *
 * @param roles the roles they hold (a parent, a guardian, or both for someone who is one to a child and the other
 * to another)
 * @param grades their children's grades (empty when no child is in a class: every band fits)
 * @param had the lessons they were given already (pushed or pulled in chat)
 */
public record Learner(String personId, Set<Role> roles, Set<Integer> grades, Set<String> had) {

	public Learner {
		roles = Set.copyOf(roles);
		grades = Set.copyOf(grades);
		had = Set.copyOf(had);
	}

}
