package org.qinqing.calls;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.qinqing.support.TestDates;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar's pure logic: opening hours, closures, extra openings, notice, window, seats. */
class SlotCalendarTests {

	static final String PHONE = "亲情室电话";

	static final String TABLET = "亲情室平板";

	/** The first Monday after today, at 10:00 school time: the tests' "now" (derived, never pinned). */
	static final LocalDateTime MONDAY_10 = TestDates.NEXT_MONDAY.atTime(10, 0);

	static final LocalDate MONDAY = MONDAY_10.toLocalDate();

	static CallSettings defaults() {
		return new CallsProperties(List.of(PHONE, TABLET), List.of("MON-FRI 16:30-18:00", "SAT 09:00-11:30"),
				Duration.ofMinutes(15), Duration.ofDays(14), Duration.ofHours(2), Duration.ofHours(1), 2, true)
			.toSettings();
	}

	@Test
	void weeklyHoursGiveFifteenMinuteSlotsWithOneSeatPerStation() {
		List<Slot> monday = SlotCalendar.slotsOn(defaults(), MONDAY_10.toLocalDate(), Map.of());
		assertThat(monday).extracting(slot -> slot.start().toLocalTime())
			.containsExactly(LocalTime.of(16, 30), LocalTime.of(16, 45), LocalTime.of(17, 0), LocalTime.of(17, 15),
					LocalTime.of(17, 30), LocalTime.of(17, 45));
		assertThat(monday).allSatisfy(slot -> {
			assertThat(slot.openStations()).containsExactly(PHONE, TABLET);
			assertThat(slot.free()).isEqualTo(2);
			assertThat(slot.end()).isEqualTo(slot.start().plusMinutes(15));
		});
		List<Slot> saturday = SlotCalendar.slotsOn(defaults(), MONDAY.plusDays(5), Map.of());
		assertThat(saturday).hasSize(10);
		assertThat(saturday.get(0).start().toLocalTime()).isEqualTo(LocalTime.of(9, 0));
		assertThat(saturday.get(9).start().toLocalTime()).isEqualTo(LocalTime.of(11, 15));
		assertThat(SlotCalendar.slotsOn(defaults(), MONDAY.plusDays(6), Map.of())).isEmpty();
	}

	@Test
	void freeDaysRunToTheEndOfTheBookingWindow() {
		List<CallDay> days = SlotCalendar.freeDays(defaults(), MONDAY_10, Map.of());
		// Monday .. Saturday, and the next Monday .. Saturday; the third Monday's 16:30 is past now + 14 days
		assertThat(days).hasSize(12);
		assertThat(days.get(0).date()).isEqualTo(MONDAY);
		assertThat(days.get(days.size() - 1).date()).isEqualTo(MONDAY.plusDays(12));
		assertThat(days).noneMatch(day -> day.date().getDayOfWeek() == java.time.DayOfWeek.SUNDAY);
		assertThat(SlotCalendar.check(defaults(), MONDAY_10, MONDAY.plusDays(14).atTime(16, 30)))
			.contains(BookingOutcome.OUTSIDE_WINDOW);
		assertThat(SlotCalendar.check(defaults(), MONDAY_10, MONDAY.plusDays(12).atTime(11, 15))).isEmpty();
	}

	@Test
	void minimumNoticeHidesAndRefusesSlotsStartingTooSoon() {
		LocalDateTime monday15 = MONDAY_10.withHour(15);
		List<CallDay> days = SlotCalendar.freeDays(defaults(), monday15, Map.of());
		assertThat(days.get(0).freeSlots()).extracting(slot -> slot.start().toLocalTime())
			.containsExactly(LocalTime.of(17, 0), LocalTime.of(17, 15), LocalTime.of(17, 30), LocalTime.of(17, 45));
		assertThat(SlotCalendar.check(defaults(), monday15, monday15.withHour(16).withMinute(45)))
			.contains(BookingOutcome.TOO_LATE);
		assertThat(SlotCalendar.check(defaults(), monday15, monday15.minusDays(1))).contains(BookingOutcome.TOO_LATE);
		assertThat(SlotCalendar.check(defaults(), monday15, monday15.withHour(17))).isEmpty();
	}

	@Test
	void timesOffTheGridOrOutsideTheHoursAreClosed() {
		LocalDate tuesday = MONDAY.plusDays(1);
		assertThat(SlotCalendar.check(defaults(), MONDAY_10, tuesday.atTime(16, 35))).contains(BookingOutcome.CLOSED);
		assertThat(SlotCalendar.check(defaults(), MONDAY_10, tuesday.atTime(18, 0))).contains(BookingOutcome.CLOSED);
		assertThat(SlotCalendar.check(defaults(), MONDAY_10, MONDAY.plusDays(6).atTime(10, 0)))
			.contains(BookingOutcome.CLOSED);
	}

	@Test
	void closuresRemoveADayOrOneStation() {
		LocalDate tuesday = MONDAY.plusDays(1);
		LocalDate wednesday = MONDAY.plusDays(2);
		CallSettings settings = defaults().withClosure(Closure.allStations(tuesday))
			.withClosure(new Closure(wednesday, TABLET));
		assertThat(SlotCalendar.slotsOn(settings, tuesday, Map.of())).isEmpty();
		assertThat(SlotCalendar.freeDays(settings, MONDAY_10, Map.of())).extracting(CallDay::date)
			.doesNotContain(tuesday)
			.contains(wednesday);
		assertThat(SlotCalendar.check(settings, MONDAY_10, tuesday.atTime(16, 30))).contains(BookingOutcome.CLOSED);
		List<Slot> wednesdaySlots = SlotCalendar.slotsOn(settings, wednesday, Map.of());
		assertThat(wednesdaySlots).hasSize(6).allSatisfy(slot -> {
			assertThat(slot.openStations()).containsExactly(PHONE);
			assertThat(slot.free()).isEqualTo(1);
		});
	}

	@Test
	void extraOpeningsAddHoursAlsoOnAClosedDay() {
		LocalDate sunday = MONDAY.plusDays(6);
		LocalDate tuesday = MONDAY.plusDays(1);
		CallSettings settings = defaults()
			.withExtraOpening(new ExtraOpening(sunday, LocalTime.of(14, 0), LocalTime.of(15, 0), TABLET))
			.withClosure(Closure.allStations(tuesday))
			.withExtraOpening(new ExtraOpening(tuesday, LocalTime.of(9, 0), LocalTime.of(9, 30), PHONE));
		List<Slot> sundaySlots = SlotCalendar.slotsOn(settings, sunday, Map.of());
		assertThat(sundaySlots).extracting(slot -> slot.start().toLocalTime())
			.containsExactly(LocalTime.of(14, 0), LocalTime.of(14, 15), LocalTime.of(14, 30), LocalTime.of(14, 45));
		assertThat(sundaySlots).allSatisfy(slot -> assertThat(slot.openStations()).containsExactly(TABLET));
		assertThat(SlotCalendar.slotsOn(settings, tuesday, Map.of())).extracting(slot -> slot.start().toLocalTime())
			.containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 15));
		assertThat(SlotCalendar.check(settings, MONDAY_10, sunday.atTime(14, 45))).isEmpty();
	}

	@Test
	void bookedSeatsLowerTheFreeCountAndAFullSlotIsNotOffered() {
		LocalDateTime first = MONDAY_10.withHour(16).withMinute(30);
		LocalDateTime second = first.plusMinutes(15);
		List<CallDay> days = SlotCalendar.freeDays(defaults(), MONDAY_10, Map.of(first, 2, second, 1));
		List<Slot> monday = days.get(0).freeSlots();
		assertThat(monday).extracting(Slot::start).doesNotContain(first);
		Optional<Slot> half = monday.stream().filter(slot -> slot.start().equals(second)).findFirst();
		assertThat(half).get().satisfies(slot -> {
			assertThat(slot.free()).isEqualTo(1);
			assertThat(slot.seats()).isEqualTo(2);
		});
	}

	@Test
	void openingHoursAreReadFromShortForms() {
		assertThat(OpeningHours.parse("MON-FRI 16:30-18:00")).hasSize(5);
		assertThat(OpeningHours.parse("sat 09:00-11:30")).containsExactly(
				new OpeningHours(java.time.DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(11, 30)));
	}

	@Test
	void nearestFreeSlotsAreTheClosestInTimeWithTheEarlierFirstOnATie() {
		CallSettings settings = defaults();
		LocalDateTime wanted = MONDAY_10.withHour(17).withMinute(0);
		List<CallDay> days = SlotCalendar.freeDays(settings, MONDAY_10, Map.of(wanted, 2));
		assertThat(SlotCalendar.nearestFree(days, wanted, 3)).extracting(Slot::start)
			.containsExactly(wanted.minusMinutes(15), wanted.plusMinutes(15), wanted.minusMinutes(30));
	}

}
