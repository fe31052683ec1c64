package org.qinqing.calls;

/** What came of asking to wait for a full slot. */
public enum WaitOutcome {

	/** The family is in the slot's queue (first come, first offered). */
	JOINED,
	/** The family is in the queue already, or holds an offer of this slot. */
	ALREADY_WAITING,
	/** A seat is free: book it instead. */
	NOT_FULL,
	/** The family has this slot booked. */
	ALREADY_BOOKED,
	/** The slot is past or starts within the minimum notice. */
	TOO_LATE,
	/** No call can be booked then: closed, not a slot start, or beyond the booking window. */
	CLOSED

}
