package org.qinqing.calls;

import java.time.LocalDate;

/** No calls on {@code date} at {@code station}, or at any station when {@code station} is empty. */
public record Closure(LocalDate date, String station) {

	public Closure {
		station = station == null ? "" : station;
	}

	public static Closure allStations(LocalDate date) {
		return new Closure(date, "");
	}

	boolean closes(LocalDate day, String name) {
		return this.date.equals(day) && (this.station.isEmpty() || this.station.equals(name));
	}

}
