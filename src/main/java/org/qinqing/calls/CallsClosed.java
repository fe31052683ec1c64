package org.qinqing.calls;

import java.time.LocalDate;

/**
 * Published when the school closes a date (for one station, or all when {@code station} is empty)
 * after families may have booked it: their bookings have to be moved or cancelled and the families told.
 *
 * @param by who closed it (staff username), for the audit trail
 */
public record CallsClosed(String tenant, LocalDate date, String station, String by) {

	public CallsClosed {
		station = station == null ? "" : station;
	}

}
