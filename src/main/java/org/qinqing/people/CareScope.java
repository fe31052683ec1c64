package org.qinqing.people;

import java.util.Set;

/**
 * Whose children someone looks after, the one rule for console, chat and exports alike: a school leader the whole
 * school; a teacher the classes they head (班主任) and the children paired with them (帮扶); anyone else nobody.
 *
 * @param everyone a school leader
 * @param teacherId the teacher (a child names its paired teacher, and the teacher's record its paired children:
 * either makes the pairing)
 * @param classIds the classes headed
 * @param childIds the children paired
 */
public record CareScope(boolean everyone, String teacherId, Set<String> classIds, Set<String> childIds) {

	public static final CareScope NOBODY = new CareScope(false, "", Set.of(), Set.of());

	public static final CareScope EVERYONE = new CareScope(true, "", Set.of(), Set.of());

	public CareScope {
		teacherId = teacherId == null ? "" : teacherId;
		classIds = Set.copyOf(classIds);
		childIds = Set.copyOf(childIds);
	}

	/** A teacher's scope, from their own record. */
	public static CareScope of(Person teacher) {
		return new CareScope(false, teacher.id(), Set.copyOf(teacher.classIds()), Set.copyOf(teacher.childIds()));
	}

	public boolean covers(Child child) {
		return this.everyone || this.classIds.contains(child.classId()) || this.childIds.contains(child.id())
				|| (!this.teacherId.isEmpty() && this.teacherId.equals(child.pairedTeacherId()));
	}

	/** Whether the whole class is theirs (a paired child alone does not make the class theirs). */
	public boolean heads(String classId) {
		return this.everyone || this.classIds.contains(classId);
	}

}
