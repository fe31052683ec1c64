package org.qinqing.calls;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.qinqing.jobs.DueJob;
import org.qinqing.jobs.JobHandler;
import org.qinqing.jobs.JobResult;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The calls' due jobs, written by the booking and waitlist scripts in the same step as their cause:
 * {@code call-booked} and {@code call-cancelled} (due at once: the notices of a booking or cancellation, and
 * for a cancellation the offer of its seat to the waiting families), {@code call-remind-day} and
 * {@code call-remind-30} (a cancellation removes them), and {@code call-offer-end} (the end of a seat held for a
 * waiting family; its subject is {@code <family>:<slot>}). Each may run twice after a crash: its messages carry
 * idempotency keys, and it checks the booking's or offer's state first.
 */
@Configuration(proxyBeanMethods = false)
class CallJobs {

	static final String BOOKED = "call-booked";

	static final String CANCELLED = "call-cancelled";

	static final String REMIND_DAY = "call-remind-day";

	static final String REMIND_30 = "call-remind-30";

	static final String OFFER_END = "call-offer-end";

	private final Bookings bookings;

	private final CallNotices notices;

	private final CallWaitlist waitlist;

	CallJobs(Bookings bookings, CallNotices notices, CallWaitlist waitlist) {
		this.bookings = bookings;
		this.notices = notices;
		this.waitlist = waitlist;
	}

	/** One handler per kind, for {@link org.qinqing.jobs.DueJobs} (tests build them by hand, as another instance). */
	List<JobHandler> handlers() {
		return List.of(bookedJob(), cancelledJob(), remindDayJob(), remind30Job(), offerEndJob());
	}

	@Bean
	JobHandler bookedJob() {
		return JobHandler.of(BOOKED, this::booked);
	}

	@Bean
	JobHandler cancelledJob() {
		return JobHandler.of(CANCELLED, this::cancelled);
	}

	@Bean
	JobHandler remindDayJob() {
		return JobHandler.of(REMIND_DAY, (tenant, job) -> remind(tenant, job, "remind-day"));
	}

	@Bean
	JobHandler remind30Job() {
		return JobHandler.of(REMIND_30, (tenant, job) -> remind(tenant, job, "remind-30"));
	}

	@Bean
	JobHandler offerEndJob() {
		return JobHandler.of(OFFER_END, this::offerEnd);
	}

	private JobResult booked(String tenant, DueJob job) {
		this.bookings.booking(tenant, job.subject())
			.filter(b -> this.bookings.isActive(tenant, b.number()))
			.ifPresent(b -> this.notices.booked(tenant, b));
		return JobResult.done();
	}

	private JobResult cancelled(String tenant, DueJob job) {
		Optional<Booking> cancelled = this.bookings.booking(tenant, job.subject());
		if (cancelled.isPresent()) {
			String reason = job.get("reason");
			this.notices.cancelled(tenant, cancelled.get(), reason);
			if (!Bookings.CLOSED.equals(reason)) {
				// a closure's seat is gone, and the closure ends the date's queues itself
				this.waitlist.offerNext(tenant, cancelled.get().start());
			}
		}
		return JobResult.done();
	}

	private JobResult remind(String tenant, DueJob job, String which) {
		this.notices.remind(tenant, job.subject(), which);
		return JobResult.done();
	}

	private JobResult offerEnd(String tenant, DueJob job) {
		int colon = job.subject().lastIndexOf(':');
		String family = job.subject().substring(0, colon);
		String slot = job.subject().substring(colon + 1);
		Optional<Instant> notYet = this.waitlist.expire(tenant, family, slot);
		return notYet.map(JobResult::later).orElse(JobResult.done());
	}

}
