package org.qinqing.people;

/** Which parents are away, as the contact card records it. */
public enum LeftBehindType {

	NONE, FATHER_AWAY, MOTHER_AWAY, BOTH_AWAY, OTHER;

	public boolean isLeftBehind() {
		return this != NONE;
	}

}
