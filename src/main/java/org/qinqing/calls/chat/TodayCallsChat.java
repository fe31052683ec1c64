package org.qinqing.calls.chat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.calls.Booking;
import org.qinqing.calls.Bookings;
import org.qinqing.calls.CallMarkers;
import org.qinqing.calls.CallOutcome;
import org.qinqing.calls.CallOutcomes;
import org.qinqing.calls.SlotCalendar;
import org.qinqing.console.AuditLog;
import org.qinqing.conversation.Command;
import org.qinqing.conversation.Completion;
import org.qinqing.conversation.Flow;
import org.qinqing.conversation.FlowContext;
import org.qinqing.conversation.Option;
import org.qinqing.conversation.Wording;
import org.qinqing.people.Access;
import org.qinqing.people.CareScope;
import org.qinqing.people.Child;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.BotScripts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code 今天的视频} for teachers: today's calls of the children in their classes (or paired with
 * them; a school leader sees all), each marked in two taps as held, child absent or parent no-show once
 * it has begun (a call still to come says when it can be marked). Each mark names the teacher and is audited.
 */
@Configuration(proxyBeanMethods = false)
class TodayCallsChat {

	static final String TODAY_FLOW = "call-today";

	/** The audit log's action for a mark, the same as the console's. */
	static final String MARK_ACTION = "mark-call";

	private final Bookings bookings;

	private final CallOutcomes outcomes;

	private final CallMarkers markers;

	private final SchoolRecords records;

	private final Access access;

	private final AuditLog audit;

	private final CallWording wording;

	private final Wording shared;

	private final Clock clock;

	private final List<String> outcomeWords;

	TodayCallsChat(Bookings bookings, CallOutcomes outcomes, CallMarkers markers, SchoolRecords records, Access access,
			AuditLog audit, CallWording wording, Wording shared, Clock clock, BotScripts scripts) {
		this.bookings = bookings;
		this.outcomes = outcomes;
		this.markers = markers;
		this.records = records;
		this.access = access;
		this.audit = audit;
		this.wording = wording;
		this.shared = shared;
		this.clock = clock;
		this.outcomeWords = scripts.strings("calls.outcomes");
		if (this.outcomeWords.size() != CallOutcome.values().length) {
			throw new IllegalStateException(scripts.fileOf("calls.outcomes") + ": calls.outcomes needs "
					+ CallOutcome.values().length + " words, in the order " + List.of(CallOutcome.values()));
		}
		for (CallOutcome outcome : CallOutcome.values()) {
			scripts.require("calls.outcome-" + outcome.name());
		}
		scripts.require("calls.words-today", "calls.today-item", "calls.unmarked", "calls.not-begun", "calls.marked-by",
				"calls.marked", "calls.not-started", "calls.cancel-gone");
	}

	@Bean
	Command todayCallsCommand(BotScripts scripts) {
		List<String> words = scripts.strings("calls.words-today");
		return new Command(TODAY_FLOW, EnumSet.of(Role.TEACHER, Role.ADMIN), words::contains,
				(input, context) -> Command.Outcome.startFlow("", TODAY_FLOW,
						Map.of("date", this.shared.day(today()))));
	}

	@Bean
	Flow todayCallsFlow() {
		// the outcome is a pick so that a call still to come has none: the engine then says when it can be marked
		return Flow.named(TODAY_FLOW).wordedIn("calls.marking").given("date")
			.pick("call", this::calls)
			.pick("outcome", this::outcomesOfBegunCall)
			.then(this::mark);
	}

	private List<Option> calls(FlowContext context) {
		String tenant = context.tenant();
		CareScope scope = this.access.scopeOf(tenant, context.identity());
		LocalDate today = today();
		List<Booking> todays = this.bookings.between(tenant, today.atStartOfDay(), today.plusDays(1).atStartOfDay());
		Map<String, CallOutcomes.Mark> marks = this.outcomes.marks(tenant,
				todays.stream().map(Booking::number).toList());
		List<Option> options = new ArrayList<>();
		for (Booking booking : todays) {
			Optional<Child> child = this.records.child(tenant, booking.childId());
			if (child.isEmpty() || !scope.covers(child.get())) {
				continue;
			}
			String call = this.wording.time(booking.start()) + " " + this.shared.childLabel(tenant, child.get());
			options.add(new Option(booking.number(), this.wording.text("calls.today-item",
					Map.of("time", this.wording.time(booking.start()), "child",
							this.shared.childLabel(tenant, child.get()), "station", booking.station(), "state",
							state(tenant, booking, marks.get(booking.number())))),
					call));
		}
		return options;
	}

	/** 未记录, 17:00 开始后可记录, or 已通话（黄丽 记录）. */
	private String state(String tenant, Booking booking, CallOutcomes.Mark mark) {
		if (mark == null) {
			return this.outcomes.hasBegun(booking) ? this.wording.text("calls.unmarked")
					: this.wording.text("calls.not-begun", Map.of("time", this.wording.time(booking.start())));
		}
		String outcome = this.wording.text("calls.outcome-" + mark.outcome().name());
		String name = this.markers.nameOf(tenant, mark.by());
		return name.isEmpty() ? outcome : this.wording.text("calls.marked-by", Map.of("outcome", outcome, "name", name));
	}

	/** The three outcomes, or none while the picked call has not begun. */
	private List<Option> outcomesOfBegunCall(FlowContext context) {
		Optional<Booking> booking = this.bookings.booking(context.tenant(), context.answers().get("call"));
		if (booking.isPresent() && !this.outcomes.hasBegun(booking.get())) {
			return List.of();
		}
		List<Option> options = new ArrayList<>();
		for (int i = 0; i < CallOutcome.values().length; i++) {
			options.add(new Option(CallOutcome.values()[i].name(), this.outcomeWords.get(i)));
		}
		return options;
	}

	private Completion mark(FlowContext context) {
		CallOutcome outcome = CallOutcome.valueOf(context.answers().get("outcome"));
		String number = context.answers().get("call");
		String label = context.answers().getOrDefault("callLabel", number);
		// cancelled while the teacher was choosing: a call that did not take place has no outcome
		Optional<Booking> booking = this.bookings.booking(context.tenant(), number)
			.filter(b -> isActive(context.tenant(), b));
		if (booking.isEmpty()) {
			return Completion.done(this.wording.text("calls.cancel-gone"));
		}
		String name = context.identity().displayName();
		CallOutcomes.Marker by = CallOutcomes.Marker.wechat(context.identity().personId(), name);
		if (this.outcomes.mark(context.tenant(), booking.get(), outcome, by) == CallOutcomes.Marking.NOT_STARTED) {
			return Completion.done(this.wording.text("calls.not-started", Map.of("callLabel", label)));
		}
		this.audit.recordFromChat(context.tenant(), context.identity().personId(), name, MARK_ACTION,
				number + " " + outcome.name());
		return Completion.done(this.wording.text("calls.marked",
				Map.of("call", label, "outcome", this.outcomeWords.get(outcome.ordinal()))));
	}

	private boolean isActive(String tenant, Booking booking) {
		return this.bookings.between(tenant, booking.start(), booking.start().plusMinutes(1))
			.stream()
			.anyMatch(active -> active.number().equals(booking.number()));
	}

	private LocalDate today() {
		return SlotCalendar.now(this.clock).toLocalDate();
	}

}
