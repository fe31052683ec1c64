package org.qinqing.calls;

import java.util.Optional;

/** A booking request's outcome, and the booking when it is {@link BookingOutcome#BOOKED}. */
public record BookingResult(BookingOutcome outcome, Optional<Booking> booking) {

	static BookingResult booked(Booking booking) {
		return new BookingResult(BookingOutcome.BOOKED, Optional.of(booking));
	}

	static BookingResult failed(BookingOutcome outcome) {
		return new BookingResult(outcome, Optional.empty());
	}

	public boolean isBooked() {
		return this.outcome == BookingOutcome.BOOKED;
	}

}
