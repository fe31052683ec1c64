package org.qinqing.calls;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A family's call booking.
 *
 * @param number the booking number the parent is told, e.g. {@code V0001} (per tenant)
 * @param start the call's start in school time
 * @param station the station whose seat it took
 * @param bookedBy the person (parent or guardian) who booked
 */
public record Booking(String number, LocalDateTime start, String station, String familyId, String childId,
		String bookedBy, Instant bookedAt) {
}
