package org.qinqing.calls;

import org.qinqing.system.SchoolTime;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.system.RedisKeys;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qinqing.calls.SlotCalendarTests.MONDAY_10;
import static org.qinqing.calls.SlotCalendarTests.PHONE;
import static org.qinqing.calls.SlotCalendarTests.TABLET;

/** Bookings against a real Redis, with a fixed clock per case and a fresh tenant per test. */
class BookingsTests extends PortalTestSupport {

	static final LocalDateTime MONDAY_1630 = MONDAY_10.withHour(16).withMinute(30);

	@Autowired
	CallSettingsStore settings;

	String tenant;

	Bookings bookings;

	@BeforeEach
	void freshTenant() {
		this.tenant = TENANT + "-calls-" + UUID.randomUUID().toString().substring(0, 8);
		this.bookings = at(MONDAY_10);
	}

	Bookings at(LocalDateTime schoolTime) {
		return new Bookings(this.redis, this.settings, clock(schoolTime));
	}

	static Clock clock(LocalDateTime schoolTime) {
		return Clock.fixed(ZonedDateTime.of(schoolTime, SchoolTime.ZONE).toInstant(), SchoolTime.ZONE);
	}

	BookingResult book(String family, LocalDateTime slot) {
		return this.bookings.book(this.tenant, family, "child-" + family, "parent-" + family, slot);
	}

	@Test
	void aSlotHasOneSeatPerStationAndEachBookingGetsANumber() {
		BookingResult first = book("f1", MONDAY_1630);
		BookingResult second = book("f2", MONDAY_1630);
		assertThat(first.outcome()).isEqualTo(BookingOutcome.BOOKED);
		assertThat(first.booking()).get().satisfies(b -> {
			assertThat(b.number()).isEqualTo("V0001");
			assertThat(b.station()).isEqualTo(PHONE);
			assertThat(b.start()).isEqualTo(MONDAY_1630);
			assertThat(b.childId()).isEqualTo("child-f1");
			assertThat(b.bookedBy()).isEqualTo("parent-f1");
		});
		assertThat(second.booking()).get().satisfies(b -> {
			assertThat(b.number()).isEqualTo("V0002");
			assertThat(b.station()).isEqualTo(TABLET);
		});
		assertThat(book("f3", MONDAY_1630).outcome()).isEqualTo(BookingOutcome.FULL);
		assertThat(book("f1", MONDAY_1630).outcome()).isEqualTo(BookingOutcome.ALREADY_BOOKED);
		assertThat(this.bookings.booking(this.tenant, "V0002")).contains(second.booking().get());
	}

	@Test
	void timeRulesAreCheckedBeforeASeatIsTaken() {
		assertThat(book("f1", MONDAY_10.withHour(11)).outcome()).isEqualTo(BookingOutcome.TOO_LATE);
		assertThat(book("f1", MONDAY_1630.plusDays(14)).outcome()).isEqualTo(BookingOutcome.OUTSIDE_WINDOW);
		assertThat(book("f1", MONDAY_1630.plusDays(6)).outcome()).isEqualTo(BookingOutcome.CLOSED); // Sunday
		assertThat(at(MONDAY_10.withHour(15)).book(this.tenant, "f1", "c", "p", MONDAY_1630).outcome())
			.isEqualTo(BookingOutcome.TOO_LATE);
		assertThat(this.bookings.upcoming(this.tenant, "f1")).isEmpty();
	}

	@Test
	void aFamilyMayBookTwoCallsAnIsoWeek() {
		assertThat(book("f1", MONDAY_1630).isBooked()).isTrue();
		BookingResult tuesday = book("f1", MONDAY_1630.plusDays(1));
		assertThat(tuesday.isBooked()).isTrue();
		assertThat(book("f1", MONDAY_1630.plusDays(2)).outcome()).isEqualTo(BookingOutcome.FAMILY_CAP);
		assertThat(book("f1", MONDAY_1630.plusDays(7)).outcome()).isEqualTo(BookingOutcome.BOOKED); // next week
		assertThat(book("f2", MONDAY_1630.plusDays(2)).outcome()).isEqualTo(BookingOutcome.BOOKED); // other family
		assertThat(this.bookings.cancel(this.tenant, "f1", tuesday.booking().get().number()))
			.isEqualTo(CancelOutcome.CANCELLED);
		assertThat(book("f1", MONDAY_1630.plusDays(2)).outcome()).isEqualTo(BookingOutcome.BOOKED);
	}

	@Test
	void theSchoolsSavedSettingsApply() {
		CallSettings saved = SlotCalendarTests.defaults()
			.withFamilyCapPerWeek(1)
			.withClosure(new Closure(MONDAY_10.toLocalDate().plusDays(1), TABLET))
			.withClosure(Closure.allStations(MONDAY_10.toLocalDate().plusDays(2)))
			.withExtraOpening(new ExtraOpening(MONDAY_10.toLocalDate().plusDays(6), java.time.LocalTime.of(14, 0),
					java.time.LocalTime.of(15, 0), PHONE));
		this.settings.save(this.tenant, saved);
		assertThat(this.settings.settings(this.tenant)).isEqualTo(saved);
		assertThat(book("f1", MONDAY_1630.plusDays(2)).outcome()).isEqualTo(BookingOutcome.CLOSED);
		assertThat(book("f1", MONDAY_1630.plusDays(1)).booking()).get()
			.satisfies(b -> assertThat(b.station()).isEqualTo(PHONE));
		assertThat(book("f2", MONDAY_1630.plusDays(1)).outcome()).isEqualTo(BookingOutcome.FULL); // one station
		assertThat(book("f1", MONDAY_1630.plusDays(3)).outcome()).isEqualTo(BookingOutcome.FAMILY_CAP);
		assertThat(book("f2", MONDAY_10.plusDays(6).withHour(14).withMinute(45)).outcome())
			.isEqualTo(BookingOutcome.BOOKED); // Sunday's extra opening
	}

	@Test
	void cancellingRespectsTheNoticeAndOnlyTheFamilysOwnBooking() {
		String number = book("f1", MONDAY_1630).booking().get().number();
		assertThat(at(MONDAY_10.withHour(15).withMinute(45)).cancel(this.tenant, "f1", number))
			.isEqualTo(CancelOutcome.TOO_LATE);
		assertThat(this.bookings.cancel(this.tenant, "f2", number)).isEqualTo(CancelOutcome.NOT_FOUND);
		assertThat(this.bookings.cancel(this.tenant, "f1", "V9999")).isEqualTo(CancelOutcome.NOT_FOUND);
		assertThat(at(MONDAY_10.withHour(15).withMinute(30)).cancel(this.tenant, "f1", number))
			.isEqualTo(CancelOutcome.CANCELLED);
		assertThat(this.bookings.cancel(this.tenant, "f1", number)).isEqualTo(CancelOutcome.NOT_FOUND);
		assertThat(this.bookings.upcoming(this.tenant, "f1")).isEmpty();
	}

	@Test
	void aCancelledSeatCanBeTakenAgain() {
		BookingResult first = book("f1", MONDAY_1630);
		book("f2", MONDAY_1630);
		assertThat(book("f3", MONDAY_1630).outcome()).isEqualTo(BookingOutcome.FULL);
		assertThat(this.bookings.cancel(this.tenant, "f1", first.booking().get().number()))
			.isEqualTo(CancelOutcome.CANCELLED);
		BookingResult again = book("f3", MONDAY_1630);
		assertThat(again.booking()).get().satisfies(b -> assertThat(b.station()).isEqualTo(PHONE));
		assertThat(book("f4", MONDAY_1630).outcome()).isEqualTo(BookingOutcome.FULL);
		assertThat(book("f1", MONDAY_1630).outcome()).isEqualTo(BookingOutcome.FULL);
	}

	/**
	 * The app's clock and Redis' may disagree (a test's clock, a host out of step): a slot's seats are kept
	 * for a day after the call by the app's clock, not expired at once by Redis' own. Here the app lives a
	 * year behind the Redis it writes to, as this suite's clocks did once their pinned Monday had passed.
	 */
	@Test
	void seatsAreKeptByTheAppsClockWhateverTimeRedisKeeps() {
		LocalDateTime yearAgo = MONDAY_10.minusWeeks(52);
		LocalDateTime call = MONDAY_1630.minusWeeks(52);
		Bookings behind = at(yearAgo);
		assertThat(behind.book(this.tenant, "f1", "child-f1", "parent-f1", call).outcome()).isEqualTo(BookingOutcome.BOOKED);
		assertThat(behind.book(this.tenant, "f2", "child-f2", "parent-f2", call).outcome()).isEqualTo(BookingOutcome.BOOKED);
		assertThat(behind.book(this.tenant, "f3", "child-f3", "parent-f3", call).outcome()).isEqualTo(BookingOutcome.FULL);
		Long ttl = this.redis.getExpire(RedisKeys.of(this.tenant, "calls", "slot:" + Bookings.slotId(call)));
		// from 10:00 to a day after the 16:30 call: 30.5 hours by the app's clock
		assertThat(ttl).isBetween(30 * 3600L, 31 * 3600L);
	}

	@Test
	void upcomingListsTheFamilysCallsNotYetStartedInOrder() {
		book("f1", MONDAY_1630.plusDays(3));
		book("f1", MONDAY_1630);
		book("f2", MONDAY_1630.plusDays(1));
		assertThat(this.bookings.upcoming(this.tenant, "f1")).extracting(Booking::start)
			.containsExactly(MONDAY_1630, MONDAY_1630.plusDays(3));
		assertThat(at(MONDAY_1630.plusMinutes(1)).upcoming(this.tenant, "f1")).extracting(Booking::start)
			.containsExactly(MONDAY_1630.plusDays(3));
	}

	@Test
	void theCalendarLeavesOutSlotsWhoseSeatsAreBooked() {
		SlotCalendar calendar = new SlotCalendar(this.settings, this.bookings, clock(MONDAY_10));
		book("f1", MONDAY_1630);
		book("f2", MONDAY_1630);
		book("f3", MONDAY_1630.plusMinutes(15));
		List<Slot> monday = calendar.freeDays(this.tenant).get(0).freeSlots();
		assertThat(monday).extracting(Slot::start).doesNotContain(MONDAY_1630);
		assertThat(monday.get(0).start()).isEqualTo(MONDAY_1630.plusMinutes(15));
		assertThat(monday.get(0).free()).isEqualTo(1);
	}

	@Test
	void twoHundredParentsConfirmingOneTwoSeatSlotAtOnceGetExactlyTwoBookings() throws Exception {
		int callers = 200;
		ExecutorService pool = Executors.newFixedThreadPool(50);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<BookingResult>> futures = new ArrayList<>();
		try {
			for (int i = 0; i < callers; i++) {
				String family = "f" + i;
				futures.add(pool.submit(() -> {
					go.await();
					return book(family, MONDAY_1630);
				}));
			}
			go.countDown();
			List<BookingResult> results = new ArrayList<>();
			for (Future<BookingResult> future : futures) {
				results.add(future.get(30, TimeUnit.SECONDS));
			}
			assertThat(results).filteredOn(BookingResult::isBooked)
				.hasSize(2)
				.extracting(r -> r.booking().get().station())
				.containsExactlyInAnyOrder(PHONE, TABLET);
			assertThat(results).filteredOn(r -> r.outcome() == BookingOutcome.FULL).hasSize(callers - 2);
			assertThat(this.bookings.takenSeats(this.tenant, MONDAY_10, MONDAY_10.plusDays(1)))
				.containsExactly(java.util.Map.entry(MONDAY_1630, 2));
		}
		finally {
			pool.shutdownNow();
		}
	}

}
