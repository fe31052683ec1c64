package org.qinqing.calls.chat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.calls.Booking;
import org.qinqing.calls.Bookings;
import org.qinqing.calls.CallSettings;
import org.qinqing.calls.CallSettingsStore;
import org.qinqing.calls.CallWaitlist;
import org.qinqing.calls.CancelOutcome;
import org.qinqing.conversation.Command;
import org.qinqing.conversation.Completion;
import org.qinqing.conversation.Flow;
import org.qinqing.conversation.FlowContext;
import org.qinqing.conversation.Option;
import org.qinqing.conversation.Wording;
import org.qinqing.people.Access;
import org.qinqing.people.FamilyTie;
import org.qinqing.people.Role;
import org.qinqing.system.BotScripts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code 我的预约}: the family's upcoming calls (and the times it waits for), each of which can be
 * moved to another time or cancelled (with a confirmation) in chat. Guardians see their children's
 * calls too, so they know when to have the child ready.
 */
@Configuration(proxyBeanMethods = false)
class MyCallsChat {

	static final String MINE_FLOW = "call-mine";

	static final String CANCEL_FLOW = "call-cancel";

	private static final String BOOKING = "b:";

	private static final String WAITING = "w:";

	private static final String LEAVE = "leave";

	private static final String RESCHEDULE = "reschedule";

	private static final String CANCEL = "cancel";

	private static final String KEEP = "keep";

	private final Access access;

	private final CallFamilies families;

	private final Bookings bookings;

	private final CallSettingsStore settings;

	private final CallWording wording;

	private final Wording shared;

	private final CallWaitlist waitlist;

	private final WaitlistChat offers;

	private final WeeklyCapNotice capNotice;

	MyCallsChat(Access access, CallFamilies families, Bookings bookings, CallSettingsStore settings,
			CallWording wording, Wording shared, CallWaitlist waitlist, WaitlistChat offers,
			WeeklyCapNotice capNotice, BotScripts scripts) {
		this.capNotice = capNotice;
		this.access = access;
		this.families = families;
		this.bookings = bookings;
		this.settings = settings;
		this.wording = wording;
		this.shared = shared;
		this.waitlist = waitlist;
		this.offers = offers;
		scripts.require("calls.words-mine", "calls.mine-booking", "calls.mine-waiting", "calls.action-reschedule",
				"calls.action-cancel", "calls.action-leave", "calls.action-keep", "calls.booking-kept", "calls.waiting-kept", "calls.reschedule-lead",
				"calls.cancelled", "calls.cancel-too-late", "calls.cancel-gone", "calls.cancel-yes", "calls.cancel-no",
				"calls.left-waitlist");
	}

	@Bean
	Command myCallsCommand(BotScripts scripts) {
		List<String> words = scripts.strings("calls.words-mine");
		return new Command(MINE_FLOW, EnumSet.of(Role.PARENT, Role.GUARDIAN), words::contains,
				(input, context) -> {
					String offer = this.offers.pending(context).orElse("");
					if (items(context).isEmpty()) {
						return Command.Outcome.reply(offer.isEmpty() ? this.wording.text("calls.mine-none") : offer);
					}
					return Command.Outcome.startFlow(offer, MINE_FLOW, Map.of());
				});
	}

	@Bean
	Flow myCallsFlow() {
		return Flow.named(MINE_FLOW).wordedIn("calls.mine").pick("item", this::items).pick("action", this::actions)
			.then(this::act);
	}

	@Bean
	Flow cancelCallFlow() {
		return Flow.named(CANCEL_FLOW).wordedIn("calls.cancel").given("number", "itemLabel")
			.pick("sure", context -> List.of(option(CANCEL, "calls.cancel-yes"), option(KEEP, "calls.cancel-no")))
			.then(context -> Completion.done(CANCEL.equals(context.text("sure")) ? cancel(context, context.text("number"))
					: bookingKept(context)));
	}

	/** The family's upcoming calls, earliest first. */
	private List<Option> items(FlowContext context) {
		List<Option> items = new ArrayList<>();
		for (Booking booking : upcoming(context)) {
			String label = this.wording.text("calls.mine-booking",
					Map.of("day", this.shared.day(booking.start().toLocalDate()), "time",
							this.wording.time(booking.start()), "child",
							this.wording.childLabel(context.tenant(), booking.childId()), "number", booking.number()));
			items.add(new Option(BOOKING + booking.number(), label));
		}
		for (FamilyTie member : this.access.familyOf(context.tenant(), context.openid())) {
			String family = member.child().familyId();
			if (items.stream().anyMatch(o -> o.value().startsWith(WAITING + family + "|"))) {
				continue;
			}
			for (java.time.LocalDateTime start : this.waitlist.waiting(context.tenant(), family)) {
				String label = this.wording.text("calls.mine-waiting", Map.of("day",
						this.shared.day(start.toLocalDate()), "time", this.wording.time(start), "child",
						this.shared.childLabel(context.tenant(), member.child())));
				items.add(new Option(WAITING + family + "|" + start, label));
			}
		}
		return items;
	}

	private List<Booking> upcoming(FlowContext context) {
		List<Booking> upcoming = new ArrayList<>();
		for (String family : this.families.families(context.tenant(), context.openid())) {
			upcoming.addAll(this.bookings.upcoming(context.tenant(), family));
		}
		upcoming.sort(java.util.Comparator.comparing(Booking::start));
		return upcoming;
	}

	private List<Option> actions(FlowContext context) {
		if (context.answers().get("item").startsWith(WAITING)) {
			return List.of(option(LEAVE, "calls.action-leave"), option(KEEP, "calls.action-keep"));
		}
		return List.of(option(RESCHEDULE, "calls.action-reschedule"), option(CANCEL, "calls.action-cancel"),
				option(KEEP, "calls.action-keep"));
	}

	private Completion act(FlowContext context) {
		String item = context.answers().get("item");
		if (item.startsWith(WAITING)) {
			return leave(context, item.substring(WAITING.length()));
		}
		String number = item.substring(BOOKING.length());
		Map<String, String> seed = new HashMap<>();
		seed.put("number", number);
		seed.put("itemLabel", context.answers().getOrDefault("itemLabel", number));
		switch (context.answers().get("action")) {
			case CANCEL:
				return Completion.continueWith("", CANCEL_FLOW, seed);
			case RESCHEDULE:
				return reschedule(context, number);
			default:
				return Completion.done(bookingKept(context));
		}
	}

	/** Keeping a call says which call stays, so nobody wonders whether it was cancelled after all. */
	private String bookingKept(FlowContext context) {
		return this.wording.text("calls.booking-kept", Map.of("itemLabel", context.answers().getOrDefault("itemLabel", "")));
	}

	private Completion leave(FlowContext context, String familyAndStart) {
		if (!LEAVE.equals(context.answers().get("action"))) {
			return Completion.done(this.wording.text("calls.waiting-kept"));
		}
		String family = familyAndStart.substring(0, familyAndStart.indexOf('|'));
		java.time.LocalDateTime start = java.time.LocalDateTime.parse(familyAndStart.substring(family.length() + 1));
		if (this.families.families(context.tenant(), context.openid()).contains(family)) {
			this.waitlist.leave(context.tenant(), family, start);
		}
		return Completion.done(this.wording.text("calls.left-waitlist"));
	}

	/** Moving a call: the booking flow again for the same child, replacing this booking once booked. */
	private Completion reschedule(FlowContext context, String number) {
		Optional<Booking> booking = own(context, number);
		if (booking.isEmpty()) {
			return Completion.done(this.wording.text("calls.cancel-gone"));
		}
		CallSettings s = this.settings.settings(context.tenant());
		Optional<FamilyTie> member = this.families
			.bookable(context.tenant(), context.openid(), s.guardiansMayBook())
			.stream()
			.filter(m -> m.child().id().equals(booking.get().childId()))
			.findFirst();
		if (member.isEmpty()) {
			return Completion.done(this.wording.text("calls.guardians-not-allowed"));
		}
		// another week at the cap is said first; the call's own week has room for it
		String capped = this.capNotice.notice(context.tenant(), List.of(member.get()), number).text();
		Map<String, String> seed = new HashMap<>();
		seed.put("child", booking.get().childId());
		seed.put("childLabel", this.wording.childLabel(context.tenant(), booking.get().childId()));
		seed.put("minutes", String.valueOf(s.slotLength().toMinutes()));
		seed.put(BookingChat.REPLACE, number);
		String lead = this.wording.text("calls.reschedule-lead") + (capped.isEmpty() ? "" : "\n" + capped);
		return Completion.continueWith(lead, BookingChat.BOOK_FLOW, seed);
	}

	private String cancel(FlowContext context, String number) {
		Optional<Booking> booking = own(context, number);
		if (booking.isEmpty()) {
			return this.wording.text("calls.cancel-gone");
		}
		CancelOutcome outcome = this.bookings.cancel(context.tenant(), booking.get().familyId(), number);
		switch (outcome) {
			case CANCELLED:
				return this.wording.text("calls.cancelled");
			case TOO_LATE:
				return this.wording.text("calls.cancel-too-late",
						Map.of("hours", CallBooker.hours(this.settings.settings(context.tenant()).cancelNotice())));
			default:
				return this.wording.text("calls.cancel-gone");
		}
	}

	/** The booking, when it belongs to one of the user's families. */
	private Optional<Booking> own(FlowContext context, String number) {
		return this.bookings.booking(context.tenant(), number)
			.filter(b -> this.families.families(context.tenant(), context.openid()).contains(b.familyId()));
	}

	private Option option(String value, String key) {
		return new Option(value, this.wording.text(key));
	}

}
