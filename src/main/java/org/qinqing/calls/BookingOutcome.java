package org.qinqing.calls;

/** What came of a booking request. */
public enum BookingOutcome {

	/** A seat is taken: the result carries the booking. */
	BOOKED,
	/** Every seat of the slot is taken. */
	FULL,
	/** The family has its weekly number of calls in that ISO week already. */
	FAMILY_CAP,
	/**
	 * The slot is past or starts within the minimum notice; for a reschedule also: the old booking starts
	 * within the cancel notice.
	 */
	TOO_LATE,
	/** The slot starts beyond the booking window. */
	OUTSIDE_WINDOW,
	/** No station is open then (weekly hours, closure), or it is not a slot start. */
	CLOSED,
	/** The family has this slot booked already (for a reschedule: the new time is the old one). */
	ALREADY_BOOKED,
	/** Reschedule only: the old booking is not an active booking of this family. */
	NOT_FOUND,
	/** Accepting an offer only: the family has no pending offer of a freed seat, or it has expired. */
	NO_OFFER

}
