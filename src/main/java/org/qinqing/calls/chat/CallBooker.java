package org.qinqing.calls.chat;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.qinqing.calls.Booking;
import org.qinqing.calls.BookingOutcome;
import org.qinqing.calls.BookingResult;
import org.qinqing.calls.Bookings;
import org.qinqing.calls.CallSettings;
import org.qinqing.calls.CallSettingsStore;
import org.qinqing.calls.CallTimings;
import org.qinqing.calls.CallWaitlist;
import org.qinqing.calls.SlotCalendar;
import org.qinqing.conversation.Completion;
import org.qinqing.conversation.FlowContext;
import org.qinqing.conversation.Wording;
import org.qinqing.people.Access;
import org.qinqing.people.FamilyTie;
import org.qinqing.people.Role;
import org.qinqing.system.BotScripts;
import org.springframework.stereotype.Component;

/**
 * What the booking chat does once a parent has chosen: take the seat (or move a booking to it), and
 * when the seat went meanwhile, lead on to the nearest free times. Worded from {@code calls.yaml}.
 */
@Component
class CallBooker {

	private final Access access;

	private final Bookings bookings;

	private final CallSettingsStore settings;

	private final CallWording wording;

	private final Wording shared;

	private final CallWaitlist waitlist;

	private final java.time.Clock clock;

	private final CallTimings timings;

	CallBooker(Access access, Bookings bookings, CallSettingsStore settings, CallWording wording, Wording shared,
			CallWaitlist waitlist, java.time.Clock clock, CallTimings timings, BotScripts scripts) {
		this.clock = clock;
		this.timings = timings;
		this.access = access;
		this.bookings = bookings;
		this.settings = settings;
		this.wording = wording;
		this.shared = shared;
		this.waitlist = waitlist;
		scripts.require("calls.waiting", "calls.already-waiting", "calls.booked", "calls.rescheduled", "calls.booked-by-guardian",
				"calls.rescheduled-by-guardian", "calls.taken", "calls.not-bookable", "calls.family-cap",
				"calls.already-booked", "calls.old-gone", "calls.no-children", "calls.guardians-not-allowed");
	}

	Completion book(FlowContext context, String childId, LocalDateTime start, String replace) {
		String tenant = context.tenant();
		CallSettings s = this.settings.settings(tenant);
		Optional<FamilyTie> member = mayBook(context, childId, s);
		if (member.isEmpty()) {
			return Completion.done(this.wording.text("calls.no-children"));
		}
		FamilyTie m = member.get();
		BookingResult result = replace.isEmpty()
				? this.bookings.book(tenant, m.child().familyId(), childId, m.adult().id(), start)
				: this.bookings.reschedule(tenant, m.child().familyId(), replace, m.adult().id(), start);
		return outcome(result, tenant, m, start, replace, s);
	}

	/** A booking (or an accepted offer, or a move) worded for the parent. */
	Completion outcome(BookingResult result, String tenant, FamilyTie m, LocalDateTime start,
			String replace, CallSettings s) {
		String childId = m.child().id();
		if (result.outcome() == BookingOutcome.TOO_LATE && !replace.isEmpty() && oldTooLate(tenant, replace, s)) {
			return Completion.done(this.wording.text("calls.old-gone", Map.of("hours", hours(s.cancelNotice()))));
		}
		switch (result.outcome()) {
			case BOOKED:
				return Completion.done(booked(tenant, m, result.booking().orElseThrow(), replace));
			case FULL:
				return alternatives(this.wording.text("calls.taken"), childId, start, replace);
			case TOO_LATE:
			case OUTSIDE_WINDOW:
			case CLOSED:
				return alternatives(this.wording.text("calls.not-bookable"), childId, start, replace);
			case FAMILY_CAP:
				return Completion.done(this.wording.text("calls.family-cap", Map.of("cap", s.familyCapPerWeek())));
			case ALREADY_BOOKED:
				return Completion.done(this.wording.text("calls.already-booked"));
			default:
				return Completion.done(this.wording.text("calls.old-gone", Map.of("hours", hours(s.cancelNotice()))));
		}
	}

	/** Puts the family in line for a full time; a seat that freed meanwhile is simply booked. */
	Completion waitFor(FlowContext context, String childId, LocalDateTime start) {
		String tenant = context.tenant();
		Optional<FamilyTie> member = mayBook(context, childId, this.settings.settings(tenant));
		if (member.isEmpty()) {
			return Completion.done(this.wording.text("calls.no-children"));
		}
		FamilyTie m = member.get();
		switch (this.waitlist.join(tenant, m.child().familyId(), childId, m.adult().id(), start)) {
			case JOINED:
				return Completion.done(this.wording.text("calls.waiting",
						Map.of("slot", this.wording.slot(start), "hold", this.timings.offerHold().toMinutes())));
			case ALREADY_WAITING:
				return Completion.done(this.wording.text("calls.already-waiting"));
			case NOT_FULL:
				return book(context, childId, start, "");
			case ALREADY_BOOKED:
				return Completion.done(this.wording.text("calls.already-booked"));
			default:
				return alternatives(this.wording.text("calls.not-bookable"), childId, start, "");
		}
	}

	/** The user's tie to the child, when the school lets them book for it (guardians only if allowed). */
	private Optional<FamilyTie> mayBook(FlowContext context, String childId, CallSettings s) {
		return this.access.tieTo(context.tenant(), context.openid(), childId)
			.filter(m -> m.asParent() || s.guardiansMayBook());
	}

	private boolean oldTooLate(String tenant, String number, CallSettings s) {
		return this.bookings.booking(tenant, number)
			.map(b -> b.start().isBefore(SlotCalendar.now(this.clock).plus(s.cancelNotice())))
			.orElse(true);
	}

	/** Leads on to the free times nearest to {@code wanted}, picking one of which books it. */
	Completion alternatives(String lead, String childId, LocalDateTime wanted, String replace) {
		Map<String, String> seed = new HashMap<>();
		seed.put("child", childId);
		seed.put("wantedAt", wanted.toString());
		seed.put("wanted", this.wording.slot(wanted));
		if (!replace.isEmpty()) {
			seed.put(BookingChat.REPLACE, replace);
		}
		return Completion.continueWith(lead, BookingChat.ALTERNATIVES_FLOW, seed);
	}

	/** 1, or 1.5 for a notice of 90 minutes. */
	static String hours(java.time.Duration notice) {
		long minutes = notice.toMinutes();
		return minutes % 60 == 0 ? String.valueOf(minutes / 60) : String.valueOf(minutes / 60.0);
	}

	private String booked(String tenant, FamilyTie m, Booking booking, String replaced) {
		Map<String, Object> params = new HashMap<>();
		params.put("number", booking.number());
		params.put("old", replaced);
		params.put("day", this.shared.day(booking.start().toLocalDate()));
		params.put("time", this.wording.time(booking.start()));
		params.put("teacher", this.wording.bringingTeacher(tenant, m.child()));
		params.put("child", this.shared.givenName(m.child()));
		// the call is between the child and the parents: a guardian who booked is not the one called
		String key = replaced.isEmpty() ? "calls.booked" : "calls.rescheduled";
		return this.wording.text(m.adult().role() == Role.GUARDIAN ? key + "-by-guardian" : key, params);
	}

}
