package org.qinqing.calls;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qinqing.calls.SlotCalendarTests.PHONE;
import static org.qinqing.calls.SlotCalendarTests.TABLET;

/** A date the school closes after families booked it: moved where a seat is free, else cancelled and told. */
class CallClosuresTests extends CallsTestSupport {

	static final LocalDateTime TUESDAY = MONDAY_1630.plusDays(1);

	static final LocalDate TUESDAY_DATE = TUESDAY.toLocalDate();

	@BeforeEach
	void families() {
		for (int i = 1; i <= 4; i++) {
			family("f" + i);
		}
	}

	void close(String station) {
		this.settings.save(this.tenant,
				SlotCalendarTests.defaults().withClosure(new Closure(TUESDAY_DATE, station)));
		this.closures.onClosed(new CallsClosed(this.tenant, TUESDAY_DATE, station, "admin"));
	}

	@Test
	void aBookingAtTheClosedStationMovesToAFreeOneWithTheSameNumber() {
		String number = number(book("f1", TUESDAY));
		int before = queued().size();

		close(PHONE);

		assertThat(this.bookings.booking(this.tenant, number)).get().satisfies(b -> {
			assertThat(b.station()).isEqualTo(TABLET);
			assertThat(b.start()).isEqualTo(TUESDAY);
		});
		assertThat(this.bookings.upcoming(this.tenant, "f1")).extracting(Booking::number).containsExactly(number);
		assertThat(queued().subList(before, queued().size())).singleElement().satisfies(q -> {
			assertThat(q.openid()).isEqualTo("o-teacher");
			assertThat(q.text()).contains("换到了" + TABLET, number);
		});
		assertThat(book("f2", TUESDAY).outcome()).isEqualTo(BookingOutcome.FULL); // one station left, taken
	}

	@Test
	void withoutAFreeStationItIsCancelledFreeOfTheWeeksCapAndTheFamilyGetsOtherTimes() {
		String number = number(book("f1", TUESDAY)); // phone
		book("f2", TUESDAY); // tablet
		book("f1", TUESDAY.plusDays(1)); // f1's second call this week
		int before = queued().size();

		close(PHONE);

		assertThat(this.bookings.upcoming(this.tenant, "f1")).extracting(Booking::number).doesNotContain(number);
		assertThat(this.bookings.upcoming(this.tenant, "f2")).singleElement()
			.satisfies(b -> assertThat(b.station()).isEqualTo(TABLET));
		assertThat(this.events).filteredOn(CallCancelled.class::isInstance)
			.singleElement()
			.satisfies(e -> assertThat(((CallCancelled) e).reason()).isEqualTo(Bookings.CLOSED));
		var told = queued().subList(before, queued().size());
		assertThat(told).filteredOn(q -> q.openid().equals("o-mum-f1")).singleElement().satisfies(q -> {
			assertThat(q.kind()).isEqualTo("call-cancelled");
			assertThat(q.text()).contains("学校 " + date(TUESDAY_DATE) + " 亲情室暂停使用", when(TUESDAY), number,
					"这些时间还有空位：" + when(TUESDAY.plusMinutes(15)) + "；" + when(TUESDAY.plusMinutes(30)) + "；"
							+ when(TUESDAY.plusMinutes(45)),
					"回复「预约视频」重新预约");
		});
		assertThat(told).filteredOn(q -> q.openid().equals("o-dad-f1")).hasSize(1);
		assertThat(told).filteredOn(q -> q.openid().equals("o-gran-f1")).singleElement()
			.satisfies(q -> assertThat(q.text()).contains("取消"));
		assertThat(told).noneMatch(q -> q.openid().endsWith("-f2"));
		// the cancelled call does not count: f1 may book another this week
		assertThat(book("f1", TUESDAY.plusDays(2)).outcome()).isEqualTo(BookingOutcome.BOOKED);
		// nor is it reminded
		this.clock.set(TUESDAY.minusMinutes(30));
		this.schedule.runDue(this.tenant);
		assertThat(queuedTo("mum-f1")).noneMatch(q -> q.kind().equals("call-reminder"));
	}

	@Test
	void closingEveryStationCancelsEveryBookingOfTheDayAndEndsItsQueues() {
		book("f1", TUESDAY);
		book("f2", TUESDAY);
		book("f4", TUESDAY.plusDays(1));
		assertThat(join("f3", TUESDAY)).isEqualTo(WaitOutcome.JOINED);

		close("");

		assertThat(this.bookings.between(this.tenant, TUESDAY_DATE.atStartOfDay(), TUESDAY_DATE.plusDays(1).atStartOfDay()))
			.isEmpty();
		assertThat(this.bookings.upcoming(this.tenant, "f4")).hasSize(1);
		assertThat(this.waitlist.waiting(this.tenant, "f3")).isEmpty();
		assertThat(queuedTo("mum-f3")).singleElement().satisfies(q -> {
			assertThat(q.text()).contains("排队等候的 " + when(TUESDAY) + " 已取消");
		});
		assertThat(queuedTo("mum-f1")).singleElement()
			.satisfies(q -> assertThat(q.text())
				.contains("这些时间还有空位：" + when(MONDAY_1630.plusMinutes(45)) + "；" + when(MONDAY_1630.plusMinutes(60)) + "；"
						+ when(MONDAY_1630.plusMinutes(75))));
	}

	@Test
	void theSameClosureTwiceTellsEveryoneOnce() {
		String moved = number(book("f1", TUESDAY.plusMinutes(15))); // phone, tablet free: moves
		book("f2", TUESDAY); // phone
		book("f3", TUESDAY); // tablet: f2 cannot move
		assertThat(join("f4", TUESDAY)).isEqualTo(WaitOutcome.JOINED);

		close(PHONE);
		int once = queued().size();
		this.closures.onClosed(new CallsClosed(this.tenant, TUESDAY_DATE, PHONE, "admin"));
		build(); // as another instance would receive it
		this.closures.onClosed(new CallsClosed(this.tenant, TUESDAY_DATE, PHONE, "admin"));

		assertThat(queued()).hasSize(once);
		assertThat(this.bookings.booking(this.tenant, moved)).get()
			.satisfies(b -> assertThat(b.station()).isEqualTo(TABLET));
		assertThat(queuedTo("mum-f2")).filteredOn(q -> q.kind().equals("call-cancelled")).hasSize(1);
		assertThat(queuedTo("mum-f4")).filteredOn(q -> q.kind().equals("call-cancelled")).hasSize(1);
		assertThat(this.events).filteredOn(CallCancelled.class::isInstance).hasSize(1);
	}

	@Test
	void callsOfTheDayThatHaveBegunAreLeftAlone() {
		String begun = number(book("f1", TUESDAY));
		String later = number(book("f2", TUESDAY.plusMinutes(30)));
		this.clock.set(TUESDAY.plusMinutes(10));
		close("");
		assertThat(this.bookings.isActive(this.tenant, begun)).isTrue();
		assertThat(this.bookings.isActive(this.tenant, later)).isFalse();
		assertThat(queuedTo("mum-f1")).noneMatch(q -> q.kind().equals("call-cancelled"));
	}

}
