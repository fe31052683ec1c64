package org.qinqing.calls;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.qinqing.conversation.Completion;
import org.qinqing.conversation.FlowContext;
import org.qinqing.people.Role;
import org.qinqing.system.BotScripts;
import org.springframework.stereotype.Component;

/**
 * What the booking chat does once a parent has chosen: take the seat (or move a booking to it), and
 * when the seat went meanwhile, lead on to the nearest free times. Worded from {@code calls.yaml}.
 */
@Component
class CallBooker {

	private final CallFamilies families;

	private final Bookings bookings;

	private final CallSettingsStore settings;

	private final CallWording wording;

	CallBooker(CallFamilies families, Bookings bookings, CallSettingsStore settings, CallWording wording,
			BotScripts scripts) {
		this.families = families;
		this.bookings = bookings;
		this.settings = settings;
		this.wording = wording;
		scripts.require("calls.booked", "calls.rescheduled", "calls.taken", "calls.not-bookable", "calls.family-cap",
				"calls.already-booked", "calls.old-gone", "calls.no-children", "calls.guardians-not-allowed");
	}

	/** Whether a full time can be waited for. */
	boolean canWait() {
		return false;
	}

	Completion book(FlowContext context, String childId, LocalDateTime start, String replace) {
		String tenant = context.tenant();
		CallSettings s = this.settings.settings(tenant);
		Optional<CallFamilies.Member> member = this.families.member(tenant, context.openid(), childId)
			.filter(m -> m.adult().role() == Role.PARENT || s.guardiansMayBook());
		if (member.isEmpty()) {
			return Completion.done(this.wording.text("calls.no-children"));
		}
		CallFamilies.Member m = member.get();
		BookingResult result = this.bookings.book(tenant, m.child().familyId(), childId, m.adult().id(), start);
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

	Completion waitFor(FlowContext context, String childId, LocalDateTime start) {
		return alternatives("", childId, start, "");
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

	private String booked(String tenant, CallFamilies.Member m, Booking booking, String replaced) {
		Map<String, Object> params = new HashMap<>();
		params.put("number", booking.number());
		params.put("old", replaced);
		params.put("day", this.wording.day(booking.start().toLocalDate()));
		params.put("time", this.wording.time(booking.start()));
		params.put("teacher", this.wording.bringingTeacher(tenant, m.child()));
		params.put("child", this.wording.givenName(m.child()));
		return this.wording.text(replaced.isEmpty() ? "calls.booked" : "calls.rescheduled", params);
	}

}
