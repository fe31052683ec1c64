package org.qinqing.console;

/** What a console user may do: an admin (校长/德育) sees the school, a teacher their classes and paired children. */
public enum StaffRole {

	ADMIN, TEACHER

}
