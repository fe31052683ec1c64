package org.qinqing.calls;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A call slot in school time.
 *
 * @param openStations the stations open for the whole slot: its seats
 * @param free seats not yet booked
 */
public record Slot(LocalDateTime start, LocalDateTime end, List<String> openStations, int free) {

	public Slot {
		openStations = List.copyOf(openStations);
	}

	public int seats() {
		return this.openStations.size();
	}

}
