package org.qinqing.calls;

/**
 * Published after a booking was cancelled and its seat freed.
 *
 * @param reason {@value Bookings#BY_FAMILY} (the family cancelled), {@value Bookings#RESCHEDULED} (moved to
 * another time: a {@link CallBooked} for the new booking follows) or {@value Bookings#CLOSED} (the school
 * closed the station that day)
 */
public record CallCancelled(String tenant, Booking booking, String reason) {
}
