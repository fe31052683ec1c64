package org.qinqing.calls.chat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.calls.Booking;
import org.qinqing.calls.CallSettings;
import org.qinqing.calls.CallSettingsStore;
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
 * Booking a call in chat: {@code 预约视频} → the child (asked only when there are several) → a day →
 * a time → confirm → a booking number. A seat taken meanwhile, or a full time, leads to the nearest
 * free times (each booked with one number) and to waiting for the wanted time.
 */
@Configuration(proxyBeanMethods = false)
class BookingChat {

	static final String BOOK_FLOW = "call-book";

	static final String ALTERNATIVES_FLOW = "call-alternatives";

	static final String BOOK = "book";

	static final String NEAREST = "nearest";

	static final String NO = "no";

	/** Answers a flow may be seeded with: the booking a new time replaces, and the slot length. */
	static final String REPLACE = "replace";

	private static final int ALTERNATIVES = 3;

	private final Access access;

	private final CallFamilies families;

	private final CallChoices choices;

	private final CallWording wording;

	private final Wording shared;

	private final CallSettingsStore settings;

	private final CallBooker booker;

	private final WeeklyCapNotice capNotice;

	BookingChat(Access access, CallFamilies families, CallChoices choices, CallWording wording, Wording shared,
			CallSettingsStore settings, CallBooker booker, WeeklyCapNotice capNotice, BotScripts scripts) {
		this.capNotice = capNotice;
		this.access = access;
		this.families = families;
		this.choices = choices;
		this.wording = wording;
		this.shared = shared;
		this.settings = settings;
		this.booker = booker;
		scripts.require("calls.words-book", "calls.guardians-not-allowed", "calls.no-children", "calls.day-free",
				"calls.day-full", "calls.time-free", "calls.time-full", "calls.confirm-book", "calls.confirm-wait",
				"calls.confirm-nearest", "calls.confirm-no", "calls.not-booked", "calls.not-rescheduled",
				"calls.alternative-wait");
	}

	@Bean
	Command bookCallCommand(BotScripts scripts) {
		List<String> words = scripts.strings("calls.words-book");
		return new Command("call-book", EnumSet.of(Role.PARENT, Role.GUARDIAN, Role.VISITOR), words::contains,
				(input, context) -> start(context, Map.of()));
	}

	/** Starts booking (or rebooking {@code seed}'s {@link #REPLACE}) when the user may book. */
	Command.Outcome start(FlowContext context, Map<String, String> seed) {
		CallSettings s = this.settings.settings(context.tenant());
		List<FamilyTie> bookable = this.families.bookable(context.tenant(), context.openid(),
				s.guardiansMayBook());
		if (bookable.isEmpty()) {
			boolean guardian = !this.access.familyOf(context.tenant(), context.openid()).isEmpty();
			return Command.Outcome.reply(this.wording.text(guardian ? "calls.guardians-not-allowed" : "calls.no-children"));
		}
		WeeklyCapNotice.Notice notice = this.capNotice.notice(context.tenant(), bookable, seed.getOrDefault(REPLACE, ""));
		if (notice.nothingBookable()) {
			return Command.Outcome.reply(notice.text());
		}
		Map<String, String> given = new HashMap<>(seed);
		given.put("minutes", String.valueOf(s.slotLength().toMinutes()));
		return Command.Outcome.startFlow(notice.text(), BOOK_FLOW, given);
	}

	@Bean
	Flow callBookFlow() {
		return Flow.named(BOOK_FLOW).wordedIn("calls.book").given("minutes", REPLACE)
			.pick("child", this::children).skippedWhenOne()
			.pick("day", context -> this.choices.days(context.tenant(), familyCalls(context)))
			.pick("time", context -> this.choices.times(context.tenant(), context.date("day"), familyCalls(context)))
			.pick("confirm", this::confirmOptions)
			.then(this::confirmed);
	}

	@Bean
	Flow callAlternativesFlow() {
		return Flow.named(ALTERNATIVES_FLOW).wordedIn("calls.alternatives").given("child", "wantedAt", "wanted", REPLACE)
			.pick("time", context -> this.choices.alternatives(context.tenant(),
					LocalDateTime.parse(context.text("wantedAt")), ALTERNATIVES, familyCalls(context)))
			.then(context -> {
				String time = context.text("time");
				if (CallChoices.WAIT.equals(time)) {
					return this.booker.waitFor(context, context.text("child"), LocalDateTime.parse(context.text("wantedAt")));
				}
				return this.booker.book(context, context.text("child"), LocalDateTime.parse(time), context.text(REPLACE));
			});
	}

	/** What the chosen child's family has booked (a call being moved aside), so the lists offer only what it can book. */
	private FamilyCalls familyCalls(FlowContext context) {
		String familyId = this.access.tieTo(context.tenant(), context.openid(), context.answers().get("child"))
			.map(m -> m.child().familyId())
			.orElse("");
		return this.choices.familyCalls(context.tenant(), familyId, context.answers().getOrDefault(REPLACE, ""));
	}

	private List<Option> children(FlowContext context) {
		CallSettings s = this.settings.settings(context.tenant());
		return this.families.bookable(context.tenant(), context.openid(), s.guardiansMayBook())
			.stream()
			.map(m -> new Option(m.child().id(), this.shared.childLabel(context.tenant(), m.child())))
			.toList();
	}

	private List<Option> confirmOptions(FlowContext context) {
		LocalDateTime start = LocalDateTime.parse(context.answers().get("time"));
		if (this.choices.isFree(context.tenant(), start)) {
			return List.of(option(BOOK, "calls.confirm-book"), option(NO, "calls.confirm-no"));
		}
		return List.of(option(CallChoices.WAIT, "calls.confirm-wait"), option(NEAREST, "calls.confirm-nearest"),
				option(NO, "calls.confirm-no"));
	}

	private Completion confirmed(FlowContext context) {
		Map<String, String> a = context.answers();
		String child = a.get("child");
		LocalDateTime start = LocalDateTime.parse(a.get("time"));
		String replace = a.getOrDefault(REPLACE, "");
		switch (Optional.ofNullable(a.get("confirm")).orElse(NO)) {
			case BOOK:
				return this.booker.book(context, child, start, replace);
			case CallChoices.WAIT:
				return this.booker.waitFor(context, child, start);
			case NEAREST:
				return this.booker.alternatives("", child, start, replace);
			default:
				// when moving a call, "不约了" leaves the old booking as it was: say so
				return Completion.done(replace.isEmpty() ? this.wording.text("calls.not-booked")
						: this.wording.text("calls.not-rescheduled", Map.of("old", replace)));
		}
	}

	private Option option(String value, String key) {
		return new Option(value, this.wording.text(key));
	}

}
