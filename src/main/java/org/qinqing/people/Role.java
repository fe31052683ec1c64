package org.qinqing.people;

/** What a WeChat user is to the school; decides their menu and what they may see. */
public enum Role {

	/** Follows the account but is not bound to any family or staff record. */
	VISITOR,
	/** Migrant parent (在外务工家长). */
	PARENT,
	/** Guardian at home, usually a grandparent (监护人). */
	GUARDIAN,
	/** Head teacher or paired teacher (班主任/帮扶教师). */
	TEACHER,
	/** School leader (校长/德育). */
	ADMIN;

	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
