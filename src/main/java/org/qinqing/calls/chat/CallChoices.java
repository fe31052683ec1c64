package org.qinqing.calls.chat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.qinqing.calls.Bookings;
import org.qinqing.calls.CallSettings;
import org.qinqing.calls.CallSettingsStore;
import org.qinqing.calls.Slot;
import org.qinqing.calls.SlotCalendar;
import org.qinqing.conversation.Option;
import org.springframework.stereotype.Component;

/**
 * The numbered options of the booking chat: days, times and the nearest free times. Full slots are
 * listed too (marked) so a parent can wait for the time they want; slots inside the minimum notice or
 * beyond the window are not.
 */
@Component
class CallChoices {

	static final String WAIT = "wait";

	private final CallSettingsStore settings;

	private final Bookings bookings;

	private final CallWording wording;

	private final Clock clock;

	CallChoices(CallSettingsStore settings, Bookings bookings, CallWording wording, Clock clock) {
		this.settings = settings;
		this.bookings = bookings;
		this.wording = wording;
		this.clock = clock;
	}

	/** Days of the window with a bookable slot, free or full. */
	List<Option> days(String tenant) {
		CallSettings s = this.settings.settings(tenant);
		LocalDateTime now = SlotCalendar.now(this.clock);
		Map<LocalDateTime, Integer> taken = this.bookings.takenSeats(tenant, now, now.plus(s.bookingWindow()));
		List<Option> days = new ArrayList<>();
		LocalDate last = now.plus(s.bookingWindow()).toLocalDate();
		for (LocalDate date = now.toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
			List<Slot> slots = bookable(s, now, date, taken);
			if (!slots.isEmpty()) {
				boolean free = slots.stream().anyMatch(slot -> slot.free() > 0);
				String day = this.wording.dayFrom(date, now.toLocalDate());
				days.add(new Option(date.toString(),
						this.wording.text(free ? "calls.day-free" : "calls.day-full", Map.of("day", day)), day));
			}
		}
		return days;
	}

	/** The bookable times of a date, free or full. */
	List<Option> times(String tenant, LocalDate date) {
		CallSettings s = this.settings.settings(tenant);
		LocalDateTime now = SlotCalendar.now(this.clock);
		Map<LocalDateTime, Integer> taken = this.bookings.takenSeats(tenant, date.atStartOfDay(),
				date.plusDays(1).atStartOfDay());
		List<Option> times = new ArrayList<>();
		for (Slot slot : bookable(s, now, date, taken)) {
			String time = this.wording.time(slot.start());
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
	 * The free times nearest to {@code wanted}, each booked when picked, and waiting for {@code wanted}
	 * itself when it can still be booked.
	 */
	List<Option> alternatives(String tenant, LocalDateTime wanted, int count) {
		CallSettings s = this.settings.settings(tenant);
		LocalDateTime now = SlotCalendar.now(this.clock);
		Map<LocalDateTime, Integer> taken = this.bookings.takenSeats(tenant, now, now.plus(s.bookingWindow()));
		List<Option> options = new ArrayList<>();
		for (Slot slot : SlotCalendar.nearestFree(SlotCalendar.freeDays(s, now, taken), wanted, count)) {
			String label = this.wording.slot(slot.start());
			options.add(new Option(slot.start().toString(), label, label));
		}
		if (SlotCalendar.check(s, now, wanted).isEmpty()) {
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
