package org.qinqing.calls;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qinqing.calls.SlotCalendarTests.PHONE;
import static org.qinqing.calls.SlotCalendarTests.TABLET;

/** Waiting for a full slot: freed seats are held for the first in line, who confirms, declines or lets it lapse. */
class CallWaitlistTests extends CallsTestSupport {

	String first;

	@BeforeEach
	void aFullSlotWithTwoFamiliesWaiting() {
		for (int i = 1; i <= 5; i++) {
			family("f" + i);
		}
		this.first = number(book("f1", MONDAY_1630));
		book("f2", MONDAY_1630);
		assertThat(join("f3", MONDAY_1630)).isEqualTo(WaitOutcome.JOINED);
		assertThat(join("f4", MONDAY_1630)).isEqualTo(WaitOutcome.JOINED);
	}

	@Test
	void joiningTellsWhyNotWhenWaitingMakesNoSense() {
		assertThat(join("f3", MONDAY_1630)).isEqualTo(WaitOutcome.ALREADY_WAITING);
		assertThat(join("f1", MONDAY_1630)).isEqualTo(WaitOutcome.ALREADY_BOOKED);
		assertThat(join("f3", MONDAY_1630.plusMinutes(15))).isEqualTo(WaitOutcome.NOT_FULL);
		assertThat(join("f3", MONDAY_10.withHour(11))).isEqualTo(WaitOutcome.TOO_LATE);
		assertThat(join("f3", MONDAY_1630.plusDays(6))).isEqualTo(WaitOutcome.CLOSED); // Sunday
		assertThat(this.waitlist.waiting(this.tenant, "f3")).containsExactly(MONDAY_1630);
		assertThat(this.waitlist.pendingOffer(this.tenant, "f3")).isEmpty();
		assertThat(this.waitlist.accept(this.tenant, "f3", "mum-f3").outcome()).isEqualTo(BookingOutcome.NO_OFFER);
		assertThat(this.waitlist.decline(this.tenant, "f3")).isFalse();
		assertThat(queued()).noneMatch(q -> q.kind().equals("call-offer"));
	}

	@Test
	void aCancelledSeatIsHeldForTheFirstWaiterWhoConfirmsIt() {
		assertThat(this.bookings.cancel(this.tenant, "f1", this.first)).isEqualTo(CancelOutcome.CANCELLED);

		assertThat(this.waitlist.pendingOffer(this.tenant, "f3")).hasValueSatisfying(offer -> {
			assertThat(offer.slotStart()).isEqualTo(MONDAY_1630);
			assertThat(offer.childId()).isEqualTo("child-f3");
			assertThat(offer.expiresAt()).isEqualTo(this.clock.instant().plus(OFFER_HOLD));
		});
		assertThat(this.waitlist.pendingOffer(this.tenant, "f4")).isEmpty();
		assertThat(this.waitlist.waiting(this.tenant, "f3")).isEmpty();
		assertThat(this.waitlist.waiting(this.tenant, "f4")).containsExactly(MONDAY_1630);
		// the mother who asked and the father are told; the grandmother is not
		assertThat(queuedTo("mum-f3")).singleElement().satisfies(q -> {
			assertThat(q.kind()).isEqualTo("call-offer");
			assertThat(q.text()).contains(when(MONDAY_1630), "保留到 10:15", "回复「确认」约下这个时间", "回复「不要了」让给别人");
			assertThat(q.fields()).containsEntry("time", shortWhen(MONDAY_1630));
		});
		assertThat(queuedTo("dad-f3")).hasSize(1);
		assertThat(queuedTo("gran-f3")).isEmpty();
		assertThat(queuedTo("mum-f4")).isEmpty();

		// held: another family cannot take it, and the calendar does not show it free
		assertThat(book("f5", MONDAY_1630).outcome()).isEqualTo(BookingOutcome.FULL);
		assertThat(join("f5", MONDAY_1630)).isEqualTo(WaitOutcome.JOINED);
		assertThat(this.calendar.freeDays(this.tenant).get(0).freeSlots()).extracting(Slot::start)
			.doesNotContain(MONDAY_1630);

		BookingResult accepted = this.waitlist.accept(this.tenant, "f3", "mum-f3");
		assertThat(accepted.outcome()).isEqualTo(BookingOutcome.BOOKED);
		assertThat(accepted.booking()).get().satisfies(b -> {
			assertThat(b.station()).isEqualTo(PHONE);
			assertThat(b.childId()).isEqualTo("child-f3");
		});
		assertThat(this.waitlist.pendingOffer(this.tenant, "f3")).isEmpty();
		assertThat(this.bookings.upcoming(this.tenant, "f3")).extracting(Booking::start).containsExactly(MONDAY_1630);
		assertThat(this.waitlist.accept(this.tenant, "f3", "mum-f3").outcome()).isEqualTo(BookingOutcome.NO_OFFER);
		assertThat(this.waitlist.waiting(this.tenant, "f4")).containsExactly(MONDAY_1630);
	}

	@Test
	void theFamilyHoldingTheSeatMayAlsoBookItDirectly() {
		this.bookings.cancel(this.tenant, "f1", this.first);
		assertThat(book("f3", MONDAY_1630).booking()).get().satisfies(b -> assertThat(b.station()).isEqualTo(PHONE));
		assertThat(this.waitlist.pendingOffer(this.tenant, "f3")).isEmpty();
	}

	@Test
	void anExpiredOfferGoesToTheNextInLine() {
		this.bookings.cancel(this.tenant, "f1", this.first);
		assertThat(this.waitlist.pendingOffer(this.tenant, "f3")).isPresent();

		this.clock.advance(OFFER_HOLD.minusMinutes(1));
		assertThat(this.schedule.runDue(this.tenant)).isZero();
		assertThat(this.waitlist.pendingOffer(this.tenant, "f4")).isEmpty();

		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.waitlist.pendingOffer(this.tenant, "f3")).isEmpty();
		assertThat(this.schedule.runDue(this.tenant)).isEqualTo(1);
		assertThat(this.waitlist.pendingOffer(this.tenant, "f4")).isPresent();
		assertThat(queuedTo("mum-f4")).extracting(Queued::kind).containsExactly("call-offer");
		// the family that let the time pass is told, once, that the seat went and it no longer waits
		assertThat(queuedTo("mum-f3")).extracting(Queued::text)
			.anySatisfy(text -> assertThat(text).contains("已经让给下一位家长", "预约视频"));
		this.schedule.runDue(this.tenant);
		assertThat(queuedTo("mum-f3").stream().filter(q -> q.text().contains("已经让给下一位家长"))).hasSize(1);
		assertThat(this.waitlist.waiting(this.tenant, "f3")).isEmpty();
		assertThat(this.waitlist.accept(this.tenant, "f3", "mum-f3").outcome()).isEqualTo(BookingOutcome.NO_OFFER);
		assertThat(book("f3", MONDAY_1630).outcome()).isEqualTo(BookingOutcome.FULL);
		assertThat(this.waitlist.accept(this.tenant, "f4", "dad-f4").booking()).get()
			.satisfies(b -> assertThat(b.bookedBy()).isEqualTo("dad-f4"));
	}

	@Test
	void aDeclinedOfferGoesToTheNextAndThenTheSeatIsFreeForAll() {
		this.bookings.cancel(this.tenant, "f1", this.first);
		assertThat(this.waitlist.decline(this.tenant, "f3")).isTrue();
		assertThat(this.waitlist.pendingOffer(this.tenant, "f3")).isEmpty();
		assertThat(this.waitlist.pendingOffer(this.tenant, "f4")).isPresent();
		assertThat(this.waitlist.decline(this.tenant, "f4")).isTrue();
		assertThat(book("f5", MONDAY_1630).booking()).get().satisfies(b -> assertThat(b.station()).isEqualTo(PHONE));
	}

	@Test
	void anOfferTheFamilyCannotTakeGoesOn() {
		CallSettings capOne = SlotCalendarTests.defaults().withFamilyCapPerWeek(1);
		this.settings.save(this.tenant, capOne);
		book("f3", MONDAY_1630.plusDays(1)); // f3's one call this week
		this.bookings.cancel(this.tenant, "f1", this.first);
		assertThat(this.waitlist.accept(this.tenant, "f3", "mum-f3").outcome()).isEqualTo(BookingOutcome.FAMILY_CAP);
		assertThat(this.waitlist.pendingOffer(this.tenant, "f4")).isPresent();
	}

	@Test
	void leavingAndStaleQueues() {
		LocalDateTime tuesday = MONDAY_1630.plusDays(1);
		book("f1", tuesday);
		book("f2", tuesday);
		assertThat(join("f3", tuesday)).isEqualTo(WaitOutcome.JOINED);
		assertThat(this.waitlist.waiting(this.tenant, "f3")).containsExactly(MONDAY_1630, tuesday);
		assertThat(this.waitlist.leave(this.tenant, "f3", tuesday)).isTrue();
		assertThat(this.waitlist.leave(this.tenant, "f3", tuesday)).isFalse();
		assertThat(this.waitlist.waiting(this.tenant, "f3")).containsExactly(MONDAY_1630);

		// past the minimum notice, Monday's queue is dropped; a seat freed later is offered to nobody
		this.clock.set(MONDAY_10.withHour(14).withMinute(31));
		this.waitlist.dropStale(this.tenant); // what every instance does each poll interval
		assertThat(this.waitlist.waiting(this.tenant, "f3")).isEmpty();
		assertThat(this.waitlist.waiting(this.tenant, "f4")).isEmpty();
		this.clock.set(MONDAY_10.withHour(15));
		assertThat(this.bookings.cancel(this.tenant, "f1", this.first)).isEqualTo(CancelOutcome.CANCELLED);
		assertThat(this.waitlist.pendingOffer(this.tenant, "f3")).isEmpty();
		assertThat(queued()).noneMatch(q -> q.kind().equals("call-offer"));
	}

	@Test
	void twoFreedSeatsGoToTheFirstTwoWaiters() {
		this.bookings.cancel(this.tenant, "f1", this.first);
		this.bookings.cancel(this.tenant, "f2", this.bookings.upcoming(this.tenant, "f2").get(0).number());
		assertThat(this.waitlist.pendingOffer(this.tenant, "f3")).isPresent();
		assertThat(this.waitlist.pendingOffer(this.tenant, "f4")).isPresent();
		assertThat(this.waitlist.accept(this.tenant, "f4", "mum-f4").booking()).get()
			.satisfies(b -> assertThat(b.station()).isEqualTo(TABLET));
		assertThat(this.waitlist.accept(this.tenant, "f3", "mum-f3").booking()).get()
			.satisfies(b -> assertThat(b.station()).isEqualTo(PHONE));
	}

	@Test
	void instancesOfferingOneFreedSeatAtOnceHoldItForOneFamily() throws Exception {
		join("f5", MONDAY_1630);
		// the seat frees on an instance whose event never arrived: every instance then offers at once
		new Bookings(this.redis, this.settings, this.clock).cancel(this.tenant, "f1", this.first);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> offers = new ArrayList<>();
			CountDownLatch go = new CountDownLatch(1);
			for (int i = 0; i < 8; i++) {
				offers.add(pool.submit(() -> {
					go.await();
					return this.waitlist.offerNext(this.tenant, MONDAY_1630);
				}));
			}
			go.countDown();
			int made = 0;
			for (Future<Integer> offer : offers) {
				made += offer.get(30, TimeUnit.SECONDS);
			}
			assertThat(made).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.waitlist.pendingOffer(this.tenant, "f3")).isPresent();
		assertThat(this.waitlist.pendingOffer(this.tenant, "f4")).isEmpty();
		assertThat(queued()).filteredOn(q -> q.kind().equals("call-offer")).hasSize(2); // f3's mother and father
	}

	@Test
	void leavingTheQueueOfAHeldSlotGivesTheSeatToTheNext() {
		this.bookings.cancel(this.tenant, "f1", this.first);
		assertThat(this.waitlist.leave(this.tenant, "f3", MONDAY_1630)).isTrue();
		assertThat(this.waitlist.pendingOffer(this.tenant, "f3")).isEmpty();
		assertThat(this.waitlist.pendingOffer(this.tenant, "f4")).isPresent();
	}

	@Test
	void aSeatHeldDaysAheadKeepsTheSlotsBookingsUntilAfterTheCall() {
		LocalDateTime friday = MONDAY_1630.plusDays(4);
		String friday1 = number(book("f1", friday));
		book("f2", friday);
		join("f3", friday);
		this.bookings.cancel(this.tenant, "f1", friday1);
		assertThat(this.waitlist.pendingOffer(this.tenant, "f3")).isPresent();
		Long ttl = this.redis.getExpire(org.qinqing.system.RedisKeys.of(this.tenant, "calls", "slot:" + Bookings.slotId(friday)));
		assertThat(ttl).isGreaterThan(Duration.between(MONDAY_10, friday).toSeconds());
		assertThat(book("f4", friday).outcome()).isEqualTo(BookingOutcome.FULL);
	}

}
