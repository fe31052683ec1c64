package org.qinqing.calls;

/** How a booked call went, as the teacher who brought the child marks it. */
public enum CallOutcome {

	/** The call took place. */
	HELD,
	/** The parent was online but the child could not come. */
	CHILD_ABSENT,
	/** The child was there but the parent did not call. */
	PARENT_NO_SHOW

}
