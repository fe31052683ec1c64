package org.qinqing.calls;

/** What came of a booking request. */
public enum BookingOutcome {

	/** A seat is taken: the result carries the booking. */
	BOOKED,
	/** Every seat of the slot is taken. */
	FULL,
	/** The family has its weekly number of calls in that ISO week already. */
	FAMILY_CAP,
	/** The slot is past or starts within the minimum notice. */
	TOO_LATE,
	/** The slot starts beyond the booking window. */
	OUTSIDE_WINDOW,
	/** No station is open then (weekly hours, closure), or it is not a slot start. */
	CLOSED,
	/** The family has this slot booked already. */
	ALREADY_BOOKED

}
