package org.qinqing.calls;

/** Published after a seat was booked (also the new booking of a reschedule). */
public record CallBooked(String tenant, Booking booking) {
}
