package org.qinqing.calls.chat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;

/**
 * What one family has booked, as the booking lists need it: the times it holds (not offered again) and
 * its calls per ISO week (a week at the cap is not offered). A call being moved does not count in its
 * own week, as {@code Bookings.reschedule} does not count it.
 *
 * @param callsPerWeek calls per week, by the week's Monday
 */
record FamilyCalls(Set<LocalDateTime> held, Map<LocalDate, Integer> callsPerWeek, int cap) {

	/** No family known: nothing held, no week full. */
	static final FamilyCalls NONE = new FamilyCalls(Set.of(), Map.of(), Integer.MAX_VALUE);

	FamilyCalls {
		held = Set.copyOf(held);
		callsPerWeek = Map.copyOf(callsPerWeek);
	}

	static LocalDate monday(LocalDate date) {
		return date.with(DayOfWeek.MONDAY);
	}

	boolean holds(LocalDateTime start) {
		return this.held.contains(start);
	}

	boolean weekFull(LocalDate date) {
		return this.callsPerWeek.getOrDefault(monday(date), 0) >= this.cap;
	}

}
