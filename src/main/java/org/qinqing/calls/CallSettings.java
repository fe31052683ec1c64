package org.qinqing.calls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tenant's call settings. A station's weekly hours give its slots; a {@link Closure} removes a
 * date's weekly hours (for one station or all); an {@link ExtraOpening} adds hours on a date, also on a
 * closed one (the school closed the afternoon but opens the morning).
 *
 * @param stations the call stations, in the order seats are taken
 * @param hours weekly opening hours per station
 * @param slotLength one call's length; slots start at the start of each opening and follow each other
 * @param bookingWindow a slot may start at most this long after now
 * @param minNotice a slot must start at least this long after now to be booked
 * @param cancelNotice a booking may be cancelled until this long before its start
 * @param familyCapPerWeek calls one family may have per ISO week (Monday to Sunday, school time)
 * @param guardiansMayBook whether guardians (not only parents) may book calls in chat
 */
public record CallSettings(List<String> stations, Map<String, List<OpeningHours>> hours, Duration slotLength,
		Duration bookingWindow, Duration minNotice, Duration cancelNotice, int familyCapPerWeek,
		List<Closure> closures, List<ExtraOpening> extraOpenings, boolean guardiansMayBook) {

	public CallSettings {
		stations = List.copyOf(stations);
		if (stations.isEmpty()) {
			throw new IllegalArgumentException("at least one call station");
		}
		for (String station : stations) {
			if (station.isBlank() || station.contains("|") || station.contains("\n")) {
				throw new IllegalArgumentException("a station needs a name without '|' or line breaks: " + station);
			}
		}
		Map<String, List<OpeningHours>> copy = new LinkedHashMap<>();
		for (Map.Entry<String, List<OpeningHours>> entry : hours.entrySet()) {
			if (!stations.contains(entry.getKey())) {
				throw new IllegalArgumentException("opening hours for an unknown station: " + entry.getKey());
			}
			copy.put(entry.getKey(), List.copyOf(entry.getValue()));
		}
		hours = Collections.unmodifiableMap(copy);
		if (slotLength.isNegative() || slotLength.isZero() || slotLength.toMinutes() < 1) {
			throw new IllegalArgumentException("a slot lasts at least one minute");
		}
		if (familyCapPerWeek < 1) {
			throw new IllegalArgumentException("a family may book at least one call a week");
		}
		closures = List.copyOf(closures);
		extraOpenings = List.copyOf(extraOpenings);
		for (ExtraOpening extra : extraOpenings) {
			if (!stations.contains(extra.station())) {
				throw new IllegalArgumentException("an extra opening for an unknown station: " + extra.station());
			}
		}
	}

	public CallSettings withClosure(Closure closure) {
		List<Closure> more = new ArrayList<>(this.closures);
		more.add(closure);
		return new CallSettings(this.stations, this.hours, this.slotLength, this.bookingWindow, this.minNotice,
				this.cancelNotice, this.familyCapPerWeek, more, this.extraOpenings, this.guardiansMayBook);
	}

	public CallSettings withExtraOpening(ExtraOpening extra) {
		List<ExtraOpening> more = new ArrayList<>(this.extraOpenings);
		more.add(extra);
		return new CallSettings(this.stations, this.hours, this.slotLength, this.bookingWindow, this.minNotice,
				this.cancelNotice, this.familyCapPerWeek, this.closures, more, this.guardiansMayBook);
	}

	public CallSettings withGuardiansMayBook(boolean allowed) {
		return new CallSettings(this.stations, this.hours, this.slotLength, this.bookingWindow, this.minNotice,
				this.cancelNotice, this.familyCapPerWeek, this.closures, this.extraOpenings, allowed);
	}

	public CallSettings withFamilyCapPerWeek(int cap) {
		return new CallSettings(this.stations, this.hours, this.slotLength, this.bookingWindow, this.minNotice,
				this.cancelNotice, cap, this.closures, this.extraOpenings, this.guardiansMayBook);
	}

}
