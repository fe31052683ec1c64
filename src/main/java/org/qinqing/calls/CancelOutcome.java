package org.qinqing.calls;

/** What came of a cancellation. */
public enum CancelOutcome {

	/** The booking is cancelled and its seat free again. */
	CANCELLED,
	/** The call starts within the cancel notice (or is over): the school has to be told instead. */
	TOO_LATE,
	/** No such active booking of this family. */
	NOT_FOUND

}
