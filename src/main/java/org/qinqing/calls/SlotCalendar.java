package org.qinqing.calls;

import org.qinqing.system.SchoolTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

/**
 * The free call slots of the coming days. The static methods are the whole logic over plain records
 * (settings, now, seats taken per slot start); the instance methods load a tenant's settings and bookings.
 */
@Service
public class SlotCalendar {

	private final CallSettingsStore settings;

	private final Bookings bookings;

	private final Clock clock;

	SlotCalendar(CallSettingsStore settings, Bookings bookings, Clock clock) {
		this.settings = settings;
		this.bookings = bookings;
		this.clock = clock;
	}

	/** The tenant's days from today to the end of the booking window that have a bookable free slot. */
	public List<CallDay> freeDays(String tenant) {
		CallSettings s = this.settings.settings(tenant);
		LocalDateTime now = now(this.clock);
		Map<LocalDateTime, Integer> taken = this.bookings.takenSeats(tenant, now, now.plus(s.bookingWindow()));
		return freeDays(s, now, taken);
	}

	/** Up to {@code count} bookable free slots closest in time to {@code wanted} (itself excluded). */
	public List<Slot> nearestFree(String tenant, LocalDateTime wanted, int count) {
		CallSettings s = this.settings.settings(tenant);
		LocalDateTime now = now(this.clock);
		Map<LocalDateTime, Integer> taken = this.bookings.takenSeats(tenant, now, now.plus(s.bookingWindow()));
		return nearestFree(freeDays(s, now, taken), wanted, count);
	}

	/** The slots of {@code days} closest to {@code wanted} (itself excluded), the earlier first on a tie. */
	public static List<Slot> nearestFree(List<CallDay> days, LocalDateTime wanted, int count) {
		return days.stream()
			.flatMap(day -> day.freeSlots().stream())
			.filter(slot -> !slot.start().equals(wanted))
			.sorted(java.util.Comparator
				.comparing((Slot slot) -> java.time.Duration.between(slot.start(), wanted).abs())
				.thenComparing(Slot::start))
			.limit(count)
			.toList();
	}

	/** Every slot of a date with its seats taken, for the console and for waiting on a full slot. */
	public List<Slot> slotsOn(String tenant, java.time.LocalDate date) {
		CallSettings s = this.settings.settings(tenant);
		Map<LocalDateTime, Integer> taken = this.bookings.takenSeats(tenant, date.atStartOfDay(),
				date.plusDays(1).atStartOfDay());
		return slotsOn(s, date, taken);
	}

	/** The school time now. */
	public static LocalDateTime now(Clock clock) {
		return ZonedDateTime.now(clock).withZoneSameInstant(SchoolTime.ZONE).toLocalDateTime();
	}

	/**
	 * The days from {@code now}'s date to the end of the window with at least one slot that is bookable
	 * (notice, window) and has a free seat.
	 *
	 * @param now school time
	 * @param taken seats booked per slot start
	 */
	public static List<CallDay> freeDays(CallSettings settings, LocalDateTime now, Map<LocalDateTime, Integer> taken) {
		List<CallDay> days = new ArrayList<>();
		LocalDate last = now.plus(settings.bookingWindow()).toLocalDate();
		for (LocalDate date = now.toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
			List<Slot> free = new ArrayList<>();
			for (Slot slot : slotsOn(settings, date, taken)) {
				if (slot.free() > 0 && check(settings, now, slot.start()).isEmpty()) {
					free.add(slot);
				}
			}
			if (!free.isEmpty()) {
				days.add(new CallDay(date, free));
			}
		}
		return days;
	}

	/** Every slot of a date (full ones too, notice and window not applied), in time order. */
	public static List<Slot> slotsOn(CallSettings settings, LocalDate date, Map<LocalDateTime, Integer> taken) {
		TreeSet<LocalTime> starts = new TreeSet<>();
		for (String station : settings.stations()) {
			for (Range range : ranges(settings, station, date)) {
				for (LocalTime t = range.start(); fits(t, settings, range.end()); t = t.plus(settings.slotLength())) {
					starts.add(t);
					if (t.plus(settings.slotLength()).isBefore(t)) {
						break; // wrapped past midnight
					}
				}
			}
		}
		List<Slot> slots = new ArrayList<>();
		for (LocalTime start : starts) {
			LocalDateTime at = date.atTime(start);
			List<String> open = openStations(settings, at);
			if (!open.isEmpty()) {
				int free = Math.max(0, open.size() - taken.getOrDefault(at, 0));
				slots.add(new Slot(at, at.plus(settings.slotLength()), open, free));
			}
		}
		return slots;
	}

	/**
	 * Why a slot cannot be booked at {@code now}, or empty when it can (a free seat aside):
	 * {@code TOO_LATE} (past, or inside the minimum notice), {@code OUTSIDE_WINDOW} (beyond the booking
	 * window), {@code CLOSED} (not a slot start, or no station open then).
	 */
	public static Optional<BookingOutcome> check(CallSettings settings, LocalDateTime now, LocalDateTime start) {
		if (start.isBefore(now.plus(settings.minNotice()))) {
			return Optional.of(BookingOutcome.TOO_LATE);
		}
		if (start.isAfter(now.plus(settings.bookingWindow()))) {
			return Optional.of(BookingOutcome.OUTSIDE_WINDOW);
		}
		boolean isSlot = slotsOn(settings, start.toLocalDate(), Map.of()).stream()
			.anyMatch(slot -> slot.start().equals(start));
		return isSlot ? Optional.empty() : Optional.of(BookingOutcome.CLOSED);
	}

	/** The stations open for the whole slot starting at {@code start}, in the settings' order. */
	public static List<String> openStations(CallSettings settings, LocalDateTime start) {
		LocalTime from = start.toLocalTime();
		LocalTime to = from.plus(settings.slotLength());
		List<String> open = new ArrayList<>();
		if (to.isBefore(from)) {
			return open; // slots do not cross midnight
		}
		for (String station : settings.stations()) {
			for (Range range : ranges(settings, station, start.toLocalDate())) {
				if (!from.isBefore(range.start()) && !to.isAfter(range.end())) {
					open.add(station);
					break;
				}
			}
		}
		return open;
	}

	private static boolean fits(LocalTime start, CallSettings settings, LocalTime end) {
		LocalTime slotEnd = start.plus(settings.slotLength());
		return !slotEnd.isBefore(start) && !slotEnd.isAfter(end);
	}

	private static List<Range> ranges(CallSettings settings, String station, LocalDate date) {
		List<Range> ranges = new ArrayList<>();
		boolean closed = settings.closures().stream().anyMatch(c -> c.closes(date, station));
		if (!closed) {
			for (OpeningHours hours : settings.hours().getOrDefault(station, List.of())) {
				if (hours.day() == date.getDayOfWeek()) {
					ranges.add(new Range(hours.start(), hours.end()));
				}
			}
		}
		for (ExtraOpening extra : settings.extraOpenings()) {
			if (extra.date().equals(date) && extra.station().equals(station)) {
				ranges.add(new Range(extra.start(), extra.end()));
			}
		}
		return ranges;
	}

	private record Range(LocalTime start, LocalTime end) {
	}

}
