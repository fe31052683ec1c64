package org.qinqing.calls.chat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.qinqing.calls.Bookings;
import org.qinqing.calls.CallDay;
import org.qinqing.calls.CallSettings;
import org.qinqing.calls.CallSettingsStore;
import org.qinqing.calls.Slot;
import org.qinqing.calls.SlotCalendar;
import org.qinqing.conversation.Option;
import org.qinqing.conversation.Wording;
import org.springframework.stereotype.Component;

/**
 * The numbered options of the booking chat: days, times and the nearest free times. Full slots are
 * listed too (marked) so a parent can wait for the time they want; slots inside the minimum notice or
 * beyond the window are not. Days of a week the family has at its cap, and times it holds already, are
 * shown marked and cannot be picked; the nearest free times leave them out.
 */
@Component
class CallChoices {

	static final String WAIT = "wait";

	private final CallSettingsStore settings;

	private final Bookings bookings;

	private final CallWording wording;

	private final Wording shared;

	private final Clock clock;

	CallChoices(CallSettingsStore settings, Bookings bookings, CallWording wording, Wording shared, Clock clock) {
		this.settings = settings;
		this.bookings = bookings;
		this.wording = wording;
		this.shared = shared;
		this.clock = clock;
	}

	/** Days of the window with a bookable slot, free or full; those of a week at the family's cap marked. */
	List<Option> days(String tenant, FamilyCalls family) {
		CallSettings s = this.settings.settings(tenant);
		LocalDateTime now = SlotCalendar.now(this.clock);
		Map<LocalDateTime, Integer> taken = this.bookings.takenSeats(tenant, now, now.plus(s.bookingWindow()));
		List<Option> days = new ArrayList<>();
		LocalDate last = now.plus(s.bookingWindow()).toLocalDate();
		for (LocalDate date = now.toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
			List<Slot> slots = bookable(s, now, date, taken);
			if (slots.isEmpty()) {
				continue;
			}
			String day = this.shared.dayFrom(date, now.toLocalDate());
			if (family.weekFull(date)) {
				days.add(Option.unavailable(date.toString(), this.wording.text("calls.day-week-full",
						Map.of("day", day, "cap", s.familyCapPerWeek())), "calls.hint-week-full"));
				continue;
			}
			boolean free = slots.stream().anyMatch(slot -> slot.free() > 0 && !family.holds(slot.start()));
			days.add(new Option(date.toString(),
					this.wording.text(free ? "calls.day-free" : "calls.day-full", Map.of("day", day)), day));
		}
		return days;
	}

	/** The dates from today to the end of the window with a slot that can still be booked (free or full). */
	List<LocalDate> bookableDates(String tenant) {
		CallSettings s = this.settings.settings(tenant);
		LocalDateTime now = SlotCalendar.now(this.clock);
		List<LocalDate> dates = new ArrayList<>();
		LocalDate last = now.plus(s.bookingWindow()).toLocalDate();
		for (LocalDate date = now.toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
			if (!bookable(s, now, date, Map.of()).isEmpty()) {
				dates.add(date);
			}
		}
		return dates;
	}

	/**
	 * The family's calls to come and per week of the window; {@code replacing} (a booking being moved,
	 * or empty) does not count in its week. {@link FamilyCalls#NONE} without a family.
	 */
	FamilyCalls familyCalls(String tenant, String familyId, String replacing) {
		if (familyId == null || familyId.isEmpty()) {
			return FamilyCalls.NONE;
		}
		CallSettings s = this.settings.settings(tenant);
		LocalDateTime now = SlotCalendar.now(this.clock);
		java.util.Set<LocalDateTime> held = new java.util.HashSet<>();
		this.bookings.upcoming(tenant, familyId).forEach(booking -> held.add(booking.start()));
		Map<LocalDate, Integer> perWeek = new java.util.HashMap<>();
		LocalDate lastMonday = FamilyCalls.monday(now.plus(s.bookingWindow()).toLocalDate());
		for (LocalDate monday = FamilyCalls.monday(now.toLocalDate()); !monday.isAfter(lastMonday);
				monday = monday.plusWeeks(1)) {
			java.util.Set<String> calls = this.bookings.weekCalls(tenant, familyId, monday);
			perWeek.put(monday, calls.size() - (calls.contains(replacing) ? 1 : 0));
		}
		return new FamilyCalls(held, perWeek, s.familyCapPerWeek());
	}

	/** The bookable times of a date, free or full; those the family holds marked. */
	List<Option> times(String tenant, LocalDate date, FamilyCalls family) {
		CallSettings s = this.settings.settings(tenant);
		LocalDateTime now = SlotCalendar.now(this.clock);
		Map<LocalDateTime, Integer> taken = this.bookings.takenSeats(tenant, date.atStartOfDay(),
				date.plusDays(1).atStartOfDay());
		List<Option> times = new ArrayList<>();
		for (Slot slot : bookable(s, now, date, taken)) {
			String time = this.wording.time(slot.start());
			if (family.holds(slot.start())) {
				times.add(Option.unavailable(slot.start().toString(),
						this.wording.text("calls.time-held", Map.of("time", time)), "calls.hint-time-held"));
				continue;
			}
			times.add(new Option(slot.start().toString(),
					this.wording.text(slot.free() > 0 ? "calls.time-free" : "calls.time-full", Map.of("time", time)),
					time));
		}
		return times;
	}

	/** Whether the slot has a free seat now. */
	boolean isFree(String tenant, LocalDateTime start) {
		CallSettings s = this.settings.settings(tenant);
		Map<LocalDateTime, Integer> taken = this.bookings.takenSeats(tenant, start, start.plusMinutes(1));
		return SlotCalendar.slotsOn(s, start.toLocalDate(), taken)
			.stream()
			.anyMatch(slot -> slot.start().equals(start) && slot.free() > 0);
	}

	/**
	 * The free times nearest to {@code wanted} that the family could book (not a time it holds, not in a
	 * week at its cap), each booked when picked, and waiting for {@code wanted} itself when it can still
	 * be booked.
	 */
	List<Option> alternatives(String tenant, LocalDateTime wanted, int count, FamilyCalls family) {
		CallSettings s = this.settings.settings(tenant);
		LocalDateTime now = SlotCalendar.now(this.clock);
		Map<LocalDateTime, Integer> taken = this.bookings.takenSeats(tenant, now, now.plus(s.bookingWindow()));
		List<CallDay> days = SlotCalendar.freeDays(s, now, taken)
			.stream()
			.filter(day -> !family.weekFull(day.date()))
			.map(day -> new CallDay(day.date(),
					day.freeSlots().stream().filter(slot -> !family.holds(slot.start())).toList()))
			.toList();
		List<Option> options = new ArrayList<>();
		for (Slot slot : SlotCalendar.nearestFree(days, wanted, count)) {
			String label = this.wording.slot(slot.start());
			options.add(new Option(slot.start().toString(), label, label));
		}
		if (SlotCalendar.check(s, now, wanted).isEmpty() && !family.holds(wanted)
				&& !family.weekFull(wanted.toLocalDate())) {
			options.add(new Option(WAIT,
					this.wording.text("calls.alternative-wait", Map.of("wanted", this.wording.slot(wanted)))));
		}
		return options;
	}

	private static List<Slot> bookable(CallSettings s, LocalDateTime now, LocalDate date,
			Map<LocalDateTime, Integer> taken) {
		return SlotCalendar.slotsOn(s, date, taken)
			.stream()
			.filter(slot -> SlotCalendar.check(s, now, slot.start()).isEmpty())
			.toList();
	}

}
