package org.qinqing.parenting.push;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.qinqing.notify.NotifyProperties;
import org.qinqing.system.SchoolTime;
import org.springframework.stereotype.Component;

/**
 * When the weekly push sends, in school time: from the push time on the push day (and on the days a large push is
 * carried to) until quiet hours begin, so the plan never puts a lesson into quiet hours.
 */
@Component
class PushCalendar {

	private final PushProperties push;

	private final NotifyProperties notify;

	private final Clock clock;

	PushCalendar(PushProperties push, NotifyProperties notify, Clock clock) {
		this.push = push;
		this.notify = notify;
		this.clock = clock;
	}

	/** When sending may begin on a day. */
	Instant start(LocalDate day) {
		return SchoolTime.instant(day.atTime(this.push.time()));
	}

	/** When sending must be over on a day: the quiet hours' start (the day's end when there are none). */
	Instant end(LocalDate day) {
		boolean quiet = !this.notify.quietStart().equals(this.notify.quietEnd());
		boolean afterStart = this.notify.quietStart().isAfter(this.push.time());
		return quiet && afterStart ? SchoolTime.instant(day.atTime(this.notify.quietStart()))
				: SchoolTime.instant(day.plusDays(1).atStartOfDay());
	}

	LocalDate today() {
		return SchoolTime.today(this.clock);
	}

	/**
	 * The week whose push comes next: this week's push day when its evening is not over yet, else next week's.
	 */
	LocalDate upcomingWeek() {
		LocalDate today = today();
		int ahead = Math.floorMod(this.push.day().getValue() - today.getDayOfWeek().getValue(), 7);
		LocalDate day = today.plusDays(ahead);
		return this.clock.instant().isBefore(end(day)) ? day : day.plusWeeks(1);
	}

	/** Messages the rate sends between two instants, a little under the limit (the limiter keeps some slack). */
	long capacity(Instant from, Instant to) {
		long millis = to.toEpochMilli() - from.toEpochMilli();
		return millis <= 0 ? 0 : (long) (millis / 1000.0 * ratePerSecond());
	}

	double ratePerSecond() {
		return this.notify.ratePerSecond() * 0.9;
	}

}
