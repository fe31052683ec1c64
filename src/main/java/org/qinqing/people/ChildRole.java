package org.qinqing.people;

/** Who a message about a child is for, by their part in the child's care. */
public enum ChildRole {

	/** The class's head teacher (班主任). */
	HEAD_TEACHER,
	/** The teacher paired with the child (帮扶教师). */
	PAIRED_TEACHER,
	/** Who brings the child to a call or acts first at school: the head teacher, else the paired teacher. */
	DUTY_TEACHER,
	/** The parents (often far away). */
	PARENTS,
	/** The guardians at home. */
	GUARDIANS,
	/** The school's leaders (校长, 德育处): escalations and urgent matters. */
	SCHOOL_LEADERS

}
