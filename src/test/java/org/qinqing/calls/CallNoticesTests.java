package org.qinqing.calls;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinqing.jobs.DueJobs;
import org.qinqing.jobs.JobsProperties;
import org.qinqing.people.Child;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.SchoolClass;

import static org.assertj.core.api.Assertions.assertThat;

/** Who is told what when a call is booked or cancelled, and the reminders before it: each once. */
class CallNoticesTests extends CallsTestSupport {

	/** Wednesday 2 December 2026, 17:15. */
	static final LocalDateTime WEDNESDAY_1715 = MONDAY_1630.plusDays(2).withHour(17).withMinute(15);

	@BeforeEach
	void twoFamilies() {
		family("f1");
		family("f2");
	}

	@Test
	void aBookingIsConfirmedToTheOtherParentAndAnnouncedToTheTeacherAndGuardian() {
		String number = number(book("f1", WEDNESDAY_1715));

		assertThat(queuedTo("mum-f1")).isEmpty(); // the booker had the chat's answer
		assertThat(queuedTo("dad-f1")).singleElement().satisfies(q -> {
			assertThat(q.kind()).isEqualTo("call-booked");
			assertThat(q.text()).contains("母亲", "子涵1", when(WEDNESDAY_1715), number).doesNotContain("王子涵");
			assertThat(q.fields()).containsEntry("child", "子涵1")
				.containsEntry("time", shortWhen(WEDNESDAY_1715))
				.containsEntry("status", "已预约");
			assertThat(q.fields().values()).allSatisfy(v -> assertThat(v.length()).isLessThanOrEqualTo(20));
		});
		assertThat(queuedTo("teacher")).singleElement()
			.satisfies(q -> assertThat(q.text())
				.startsWith(when(WEDNESDAY_1715) + " 子涵1（三年级(1)班）的母亲预约了亲情视频，请带孩子到亲情室"));
		assertThat(queuedTo("gran-f1")).singleElement().satisfies(q -> assertThat(q.kind()).isEqualTo("call-duty"));
		assertThat(queuedTo("mum-f2")).isEmpty();
		assertThat(queued()).hasSize(3);
	}

	@Test
	void aGuardiansBookingIsConfirmedToBothParentsAndNotToTheGuardian() {
		this.bookings.book(this.tenant, "f1", "child-f1", "gran-f1", WEDNESDAY_1715);
		assertThat(queuedTo("gran-f1")).isEmpty();
		assertThat(queuedTo("mum-f1")).singleElement().satisfies(q -> assertThat(q.text()).startsWith("祖母"));
		assertThat(queuedTo("dad-f1")).hasSize(1);
		assertThat(queuedTo("teacher")).singleElement().satisfies(q -> assertThat(q.text()).contains("的祖母预约了"));
	}

	@Test
	void theHeadTeacherIsOnDutyElseThePairedTeacher() {
		this.records.save(this.tenant, new SchoolClass("c3-2", "s1", 3, 2, "三年级(2)班", ""));
		this.records.save(this.tenant, new Child("child-f1", "王子涵", "c3-2",
				LeftBehindType.BOTH_AWAY, "f1", "pair"));
		this.directory.bind(this.tenant, "o-pair", "pair");
		book("f1", WEDNESDAY_1715);
		assertThat(queuedTo("teacher")).isEmpty();
		assertThat(queuedTo("pair")).singleElement()
			.satisfies(q -> assertThat(q.text()).contains("子涵（三年级(2)班）的母亲预约了"));
	}

	@Test
	void remindersGoTheDayBeforeAndHalfAnHourBeforeOnceEachToParentsAndBooker() {
		String number = number(book("f1", WEDNESDAY_1715));
		assertThat(this.schedule.runDue(this.tenant)).isZero();
		int afterBooking = queued().size();

		this.clock.set(WEDNESDAY_1715.minusDays(1));
		assertThat(this.schedule.runDue(this.tenant)).isEqualTo(1);
		assertThat(this.schedule.runDue(this.tenant)).isZero();
		List<Queued> dayBefore = queued().subList(afterBooking, queued().size());
		assertThat(dayBefore).extracting(Queued::openid).containsExactlyInAnyOrder("o-mum-f1", "o-dad-f1");
		assertThat(dayBefore).allSatisfy(q -> {
			assertThat(q.kind()).isEqualTo("call-reminder");
			assertThat(q.key()).isEqualTo("call:" + this.tenant + ":" + number + ":remind-day:" + q.openid());
			assertThat(q.text()).contains("明天", when(WEDNESDAY_1715), "子涵1");
		});

		// a crash after queuing and before removing: the job runs again, on another instance, and adds nothing
		jobDueAgain(CallJobs.REMIND_DAY, number);
		build();
		assertThat(this.schedule.runDue(this.tenant)).isEqualTo(1);
		assertThat(queued()).hasSize(afterBooking + 2);

		this.clock.set(WEDNESDAY_1715.minusMinutes(30));
		DueJobs other = new DueJobs(this.redis, this.clock, JobsProperties.defaults(),
				new CallJobs(this.bookings, this.notices, this.waitlist).handlers());
		assertThat(this.schedule.runDue(this.tenant) + other.runDue(this.tenant)).isEqualTo(1);
		List<Queued> halfHour = queued().subList(afterBooking + 2, queued().size());
		assertThat(halfHour).extracting(Queued::openid).containsExactlyInAnyOrder("o-mum-f1", "o-dad-f1");
		assertThat(halfHour).allSatisfy(q -> assertThat(q.text()).contains("30 分钟后"));
		assertThat(pendingJobs()).isEmpty();
	}

	@Test
	void aGuardianWhoBookedIsRemindedToo() {
		this.bookings.book(this.tenant, "f1", "child-f1", "gran-f1", WEDNESDAY_1715);
		this.clock.set(WEDNESDAY_1715.minusMinutes(30));
		this.schedule.runDue(this.tenant);
		assertThat(queued()).filteredOn(q -> q.kind().equals("call-reminder"))
			.extracting(Queued::openid)
			.containsExactlyInAnyOrder("o-mum-f1", "o-dad-f1", "o-gran-f1");
	}

	@Test
	void aCallBookedLessThanADayAheadHasNoDayBeforeReminder() {
		this.clock.set(MONDAY_10.withHour(17));
		String number = number(book("f1", MONDAY_1630.plusDays(1)));
		assertThat(pendingJobs()).containsExactly(CallJobs.REMIND_30 + ":" + number);
	}

	@Test
	void aCancelledCallIsNotRemindedAndTheTeacherAndGuardianHearItIsOff() {
		String number = number(book("f1", WEDNESDAY_1715));
		book("f2", WEDNESDAY_1715);
		int before = queued().size();
		assertThat(this.bookings.cancel(this.tenant, "f1", number)).isEqualTo(CancelOutcome.CANCELLED);
		List<Queued> off = queued().subList(before, queued().size());
		assertThat(off).extracting(Queued::openid).containsExactlyInAnyOrder("o-teacher", "o-gran-f1");
		assertThat(off).allSatisfy(q -> {
			assertThat(q.kind()).isEqualTo("call-cancelled");
			assertThat(q.text()).contains("取消", "子涵1");
		});

		this.clock.set(WEDNESDAY_1715.minusMinutes(30));
		this.schedule.runDue(this.tenant);
		assertThat(queued()).filteredOn(q -> q.kind().equals("call-reminder"))
			.extracting(Queued::openid)
			.containsOnly("o-mum-f2", "o-dad-f2");
	}

	@Test
	void aReminderJobOfABookingCancelledMeanwhileSendsNothing() {
		String number = number(book("f1", WEDNESDAY_1715));
		this.bookings.cancel(this.tenant, "f1", number);
		jobDueAgain(CallJobs.REMIND_30, number);
		this.clock.set(WEDNESDAY_1715.minusMinutes(30));
		assertThat(this.schedule.runDue(this.tenant)).isEqualTo(1);
		assertThat(queued()).noneMatch(q -> q.kind().equals("call-reminder"));
	}

	@Test
	void noticesAnEventNeverDeliveredAreSentByTheNextPoll() {
		// an instance that stopped right after the booking script: no event reached the listeners
		Bookings crashed = new Bookings(this.redis, this.settings, this.clock);
		String number = number(crashed.book(this.tenant, "f1", "child-f1", "mum-f1", WEDNESDAY_1715));
		crashed.book(this.tenant, "f2", "child-f2", "mum-f2", WEDNESDAY_1715);
		family("f3");
		assertThat(join("f3", WEDNESDAY_1715)).isEqualTo(WaitOutcome.JOINED);
		assertThat(queued()).isEmpty();

		assertThat(this.schedule.runDue(this.tenant)).isEqualTo(2);
		assertThat(queuedTo("dad-f1")).extracting(Queued::kind).containsExactly("call-booked");
		assertThat(queuedTo("teacher")).hasSize(2);

		assertThat(crashed.cancel(this.tenant, "f1", number)).isEqualTo(CancelOutcome.CANCELLED);
		assertThat(this.waitlist.pendingOffer(this.tenant, "f3")).isEmpty();
		assertThat(this.schedule.runDue(this.tenant)).isEqualTo(1);
		assertThat(this.waitlist.pendingOffer(this.tenant, "f3")).isPresent();
		assertThat(queuedTo("gran-f1")).extracting(Queued::kind).containsExactly("call-duty", "call-cancelled");
		assertThat(this.schedule.runDue(this.tenant)).isZero();
	}

}
