package org.qinqing.calls;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Moving a booking to another time in one step: all or nothing, and never two bookings on one seat. */
class RescheduleTests extends CallsTestSupport {

	static final LocalDateTime TUESDAY = MONDAY_1630.plusDays(1);

	static final LocalDateTime WEDNESDAY = MONDAY_1630.plusDays(2);

	BookingResult reschedule(String family, String number, LocalDateTime to) {
		return this.bookings.reschedule(this.tenant, family, number, "mum-" + family, to);
	}

	@Test
	void withinAWeekAtItsCapTheOldCallMakesRoomForTheNew() {
		book("f1", MONDAY_1630);
		String tuesday = number(book("f1", TUESDAY));
		assertThat(book("f1", WEDNESDAY).outcome()).isEqualTo(BookingOutcome.FAMILY_CAP);

		BookingResult moved = reschedule("f1", tuesday, WEDNESDAY);

		assertThat(moved.outcome()).isEqualTo(BookingOutcome.BOOKED);
		assertThat(moved.booking()).get().satisfies(b -> {
			assertThat(b.start()).isEqualTo(WEDNESDAY);
			assertThat(b.number()).isNotEqualTo(tuesday);
			assertThat(b.childId()).isEqualTo("child-f1");
		});
		assertThat(this.bookings.upcoming(this.tenant, "f1")).extracting(Booking::start)
			.containsExactly(MONDAY_1630, WEDNESDAY);
		assertThat(this.bookings.takenSeats(this.tenant, TUESDAY.minusHours(1), TUESDAY.plusHours(1))).isEmpty();
		assertThat(book("f1", WEDNESDAY.plusDays(1)).outcome()).isEqualTo(BookingOutcome.FAMILY_CAP);
		assertThat(reschedule("f1", tuesday, WEDNESDAY.plusDays(1)).outcome()).isEqualTo(BookingOutcome.NOT_FOUND);
		assertThat(this.events).extracting(e -> e.getClass().getSimpleName())
			.containsSubsequence("CallCancelled", "CallBooked");
		assertThat(this.events).filteredOn(CallCancelled.class::isInstance)
			.singleElement()
			.satisfies(e -> assertThat(((CallCancelled) e).reason()).isEqualTo(Bookings.RESCHEDULED));
	}

	@Test
	void aFullSlotChangesNothing() {
		String tuesday = number(book("f1", TUESDAY));
		book("f2", WEDNESDAY);
		book("f3", WEDNESDAY);
		assertThat(reschedule("f1", tuesday, WEDNESDAY).outcome()).isEqualTo(BookingOutcome.FULL);
		assertThat(this.bookings.upcoming(this.tenant, "f1")).extracting(Booking::number).containsExactly(tuesday);
		assertThat(this.bookings.takenSeats(this.tenant, MONDAY_10, MONDAY_10.plusDays(3)))
			.containsEntry(TUESDAY, 1)
			.containsEntry(WEDNESDAY, 2);
		assertThat(this.events).noneMatch(CallCancelled.class::isInstance);
	}

	@Test
	void onlyTheFamilysActiveBookingOutsideTheCancelNoticeMoves() {
		String monday = number(book("f1", MONDAY_1630));
		assertThat(reschedule("f2", monday, WEDNESDAY).outcome()).isEqualTo(BookingOutcome.NOT_FOUND);
		assertThat(reschedule("f1", "V9999", WEDNESDAY).outcome()).isEqualTo(BookingOutcome.NOT_FOUND);
		assertThat(reschedule("f1", monday, MONDAY_1630).outcome()).isEqualTo(BookingOutcome.ALREADY_BOOKED);
		assertThat(reschedule("f1", monday, WEDNESDAY.plusDays(4)).outcome()).isEqualTo(BookingOutcome.CLOSED);
		this.clock.set(MONDAY_10.withHour(15).withMinute(45));
		assertThat(reschedule("f1", monday, WEDNESDAY).outcome()).isEqualTo(BookingOutcome.TOO_LATE);
		assertThat(this.bookings.upcoming(this.tenant, "f1")).extracting(Booking::number).containsExactly(monday);
	}

	@Test
	void theFreedSeatIsOfferedToTheFirstWaiter() {
		family("f3");
		String tuesday = number(book("f1", TUESDAY));
		book("f2", TUESDAY);
		assertThat(join("f3", TUESDAY)).isEqualTo(WaitOutcome.JOINED);
		assertThat(reschedule("f1", tuesday, WEDNESDAY).isBooked()).isTrue();
		assertThat(this.waitlist.pendingOffer(this.tenant, "f3")).get()
			.satisfies(offer -> assertThat(offer.slotStart()).isEqualTo(TUESDAY));
	}

	@Test
	void concurrentReschedulesAndBookingsKeepOneBookingPerSeatAndOnePerFamily() throws Exception {
		int families = 48; // Tuesday to Friday, 6 slots of 2 seats a day
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < families; i++) {
			// each family's current call on its own slot over two weeks
			LocalDateTime own = MONDAY_1630.plusDays(1 + i / 12).plusMinutes(15L * ((i % 12) / 2));
			numbers.add(number(book("r" + i, own)));
		}
		ExecutorService pool = Executors.newFixedThreadPool(32);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<BookingResult>> futures = new ArrayList<>();
		try {
			for (int i = 0; i < families; i++) {
				String family = "r" + i;
				String number = numbers.get(i);
				futures.add(pool.submit(() -> {
					go.await();
					return reschedule(family, number, MONDAY_1630.plusDays(7));
				}));
				String other = "b" + i;
				futures.add(pool.submit(() -> {
					go.await();
					return book(other, MONDAY_1630.plusDays(7));
				}));
			}
			go.countDown();
			List<BookingResult> results = new ArrayList<>();
			for (Future<BookingResult> future : futures) {
				results.add(future.get(30, TimeUnit.SECONDS));
			}
			assertThat(results).filteredOn(BookingResult::isBooked).hasSize(2);
			assertThat(results).filteredOn(r -> !r.isBooked())
				.allSatisfy(r -> assertThat(r.outcome()).isEqualTo(BookingOutcome.FULL));
			assertThat(this.bookings.between(this.tenant, MONDAY_1630.plusDays(7), MONDAY_1630.plusDays(7).plusMinutes(1)))
				.extracting(Booking::station)
				.containsExactlyInAnyOrder(SlotCalendarTests.PHONE, SlotCalendarTests.TABLET);
			for (int i = 0; i < families; i++) {
				assertThat(this.bookings.upcoming(this.tenant, "r" + i)).hasSize(1);
			}
			long othersBooked = results.stream()
				.filter(BookingResult::isBooked)
				.filter(r -> r.booking().get().familyId().startsWith("b"))
				.count();
			assertThat(this.bookings.between(this.tenant, MONDAY_10, MONDAY_10.plusDays(14)))
				.hasSize(families + (int) othersBooked);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
