package org.qinqing.emergency;

/**
 * The plan's three steps after an emergency: the guardian told within 30 minutes, the parents within an hour, the
 * education authority and the township within two. A step is done by its first acknowledgement (收到, the link, a
 * call recorded) or, for the authority, when a leader records the report sent.
 */
public enum ChainStep {

	GUARDIANS, PARENTS, AUTHORITY;

	/** The header field holding when the step was done. */
	String doneField() {
		return "done" + name();
	}

	/** The header field marking the step late (its deadline passed undone). */
	String lateField() {
		return "late" + name();
	}

	/** The subject of the step's alarm and deadline jobs. */
	String subject(String number) {
		return number + ":" + name();
	}

}
