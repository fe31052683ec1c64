package org.qinqing.calls;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A station is open on {@code day} from {@code start} to {@code end} (school time). */
public record OpeningHours(DayOfWeek day, LocalTime start, LocalTime end) {

	public OpeningHours {
		if (!start.isBefore(end)) {
			throw new IllegalArgumentException("opening hours must start before they end: " + start + "-" + end);
		}
	}

	/** Reads {@code "MON-FRI 16:30-18:00"} or {@code "SAT 09:00-11:30"}: one entry per day. */
	public static List<OpeningHours> parse(String spec) {
		String[] parts = spec.trim().split("\\s+");
		if (parts.length != 2) {
			throw new IllegalArgumentException("opening hours look like 'MON-FRI 16:30-18:00', not '" + spec + "'");
		}
		String[] days = parts[0].split("-");
		String[] times = parts[1].split("-");
		if (days.length > 2 || times.length != 2) {
			throw new IllegalArgumentException("opening hours look like 'MON-FRI 16:30-18:00', not '" + spec + "'");
		}
		DayOfWeek first = day(days[0]);
		DayOfWeek last = days.length == 2 ? day(days[1]) : first;
		LocalTime start = LocalTime.parse(times[0]);
		LocalTime end = LocalTime.parse(times[1]);
		List<OpeningHours> hours = new ArrayList<>();
		for (int d = first.getValue(); d <= last.getValue(); d++) {
			hours.add(new OpeningHours(DayOfWeek.of(d), start, end));
		}
		return hours;
	}

	private static DayOfWeek day(String text) {
		String upper = text.toUpperCase(Locale.ROOT);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.name().startsWith(upper) && upper.length() >= 3) {
				return day;
			}
		}
		throw new IllegalArgumentException("not a day of the week: " + text);
	}

}
