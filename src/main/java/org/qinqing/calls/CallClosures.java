package org.qinqing.calls;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Carries out a closure the school saved ({@link CallsClosed}): each active booking of that date at a
 * station now closed moves to another station open and free at the same time (same number; the duty
 * teacher is told), otherwise it is cancelled (reason {@value Bookings#CLOSED}, not counted against the
 * family's week) and the family is offered the nearest free times. Queues and offers of the date end.
 * Running it again finds nothing left to move or cancel, and its notices are idempotent.
 */
@Service
class CallClosures {

	private static final Logger log = LoggerFactory.getLogger(CallClosures.class);

	private final CallSettingsStore settings;

	private final Bookings bookings;

	private final CallWaitlist waitlist;

	private final CallNotices notices;

	private final Clock clock;

	CallClosures(CallSettingsStore settings, Bookings bookings, CallWaitlist waitlist, CallNotices notices,
			Clock clock) {
		this.settings = settings;
		this.bookings = bookings;
		this.waitlist = waitlist;
		this.notices = notices;
		this.clock = clock;
	}

	@EventListener
	void onClosed(CallsClosed event) {
		close(event.tenant(), event.date());
	}

	/** @return how many bookings were moved or cancelled */
	int close(String tenant, LocalDate date) {
		CallSettings s = this.settings.settings(tenant);
		int changed = 0;
		this.waitlist.closeDate(tenant, date);
		// calls of the day that have begun already are left as they are
		LocalDateTime from = SlotCalendar.now(this.clock).plusSeconds(1);
		if (from.isBefore(date.atStartOfDay())) {
			from = date.atStartOfDay();
		}
		for (Booking booking : this.bookings.between(tenant, from, date.plusDays(1).atStartOfDay())) {
			List<String> open = SlotCalendar.openStations(s, booking.start());
			if (open.contains(booking.station())) {
				continue;
			}
			boolean moved = false;
			for (String station : open) {
				if (this.bookings.moveStation(tenant, booking.number(), station)) {
					this.notices.moved(tenant, booking, station);
					moved = true;
					break;
				}
			}
			if (moved || this.bookings.cancelClosed(tenant, booking.number())) {
				changed++;
			}
		}
		log.info("Tenant {}: closure of {} moved or cancelled {} booking(s)", tenant, date, changed);
		return changed;
	}

}
