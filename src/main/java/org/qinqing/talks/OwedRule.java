package org.qinqing.talks;

/** Whose talk satisfies a child's month when the child has both a head teacher and a paired teacher. */
public enum OwedRule {

	/** One talk by either teacher is enough. */
	EITHER,
	/** Each of them owes their own talk. */
	BOTH

}
