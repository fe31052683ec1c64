package org.qinqing.calls;

import java.time.LocalDate;
import java.util.List;

/** A day with the slots that still have a free seat. */
public record CallDay(LocalDate date, List<Slot> freeSlots) {

	public CallDay {
		freeSlots = List.copyOf(freeSlots);
	}

}
