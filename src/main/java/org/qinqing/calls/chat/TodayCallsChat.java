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
import org.qinqing.calls.CallOutcome;
import org.qinqing.calls.CallOutcomes;
import org.qinqing.calls.SlotCalendar;
import org.qinqing.conversation.Command;
import org.qinqing.conversation.Completion;
import org.qinqing.conversation.Flow;
import org.qinqing.conversation.FlowContext;
import org.qinqing.conversation.Option;
import org.qinqing.conversation.Step;
import org.qinqing.people.Child;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.BotScripts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code 今天的视频} for teachers: today's calls of the children in their classes (or paired with
 * them; a school leader sees all), each marked in two taps as held, child absent or parent no-show.
 */
@Configuration(proxyBeanMethods = false)
class TodayCallsChat {

	static final String TODAY_FLOW = "call-today";

	private final Bookings bookings;

	private final CallOutcomes outcomes;

	private final SchoolRecords records;

	private final CallWording wording;

	private final Clock clock;

	private final List<String> outcomeWords;

	TodayCallsChat(Bookings bookings, CallOutcomes outcomes, SchoolRecords records, CallWording wording, Clock clock,
			BotScripts scripts) {
		this.bookings = bookings;
		this.outcomes = outcomes;
		this.records = records;
		this.wording = wording;
		this.clock = clock;
		this.outcomeWords = scripts.strings("calls.outcomes");
		if (this.outcomeWords.size() != CallOutcome.values().length) {
			throw new IllegalStateException(scripts.fileOf("calls.outcomes") + ": calls.outcomes needs "
					+ CallOutcome.values().length + " words, in the order " + List.of(CallOutcome.values()));
		}
		for (CallOutcome outcome : CallOutcome.values()) {
			scripts.require("calls.outcome-" + outcome.name());
		}
		scripts.require("calls.words-today", "calls.today-item", "calls.unmarked", "calls.marked");
	}

	@Bean
	Command todayCallsCommand(BotScripts scripts) {
		List<String> words = scripts.strings("calls.words-today");
		return new Command(TODAY_FLOW, EnumSet.of(Role.TEACHER, Role.ADMIN), words::contains,
				(input, context) -> Command.Outcome.startFlow("", TODAY_FLOW,
						Map.of("date", this.wording.day(today()))));
	}

	@Bean
	Flow todayCallsFlow() {
		return Flow.completing(TODAY_FLOW,
				List.of(Step.pick("call", "calls.ask-today", "calls.hint-today", "calls.today-none", this::calls),
						Step.choice("outcome", "calls.ask-outcome", "calls.outcomes", "calls.hint-outcome")),
				this::mark);
	}

	private List<Option> calls(FlowContext context) {
		String tenant = context.tenant();
		Optional<Person> teacher = this.records.person(tenant, context.identity().personId());
		LocalDate today = today();
		List<Booking> todays = this.bookings.between(tenant, today.atStartOfDay(), today.plusDays(1).atStartOfDay());
		Map<String, CallOutcomes.Mark> marks = this.outcomes.marks(tenant,
				todays.stream().map(Booking::number).toList());
		List<Option> options = new ArrayList<>();
		for (Booking booking : todays) {
			Optional<Child> child = this.records.child(tenant, booking.childId());
			if (child.isEmpty() || !looksAfter(context.identity().role(), teacher, child.get())) {
				continue;
			}
			String call = this.wording.time(booking.start()) + " " + this.wording.childLabel(tenant, child.get());
			CallOutcomes.Mark mark = marks.get(booking.number());
			String state = mark == null ? this.wording.text("calls.unmarked")
					: this.wording.text("calls.outcome-" + mark.outcome().name());
			options.add(new Option(booking.number(), this.wording.text("calls.today-item",
					Map.of("time", this.wording.time(booking.start()), "child",
							this.wording.childLabel(tenant, child.get()), "station", booking.station(), "state", state)),
					call));
		}
		return options;
	}

	private static boolean looksAfter(Role role, Optional<Person> teacher, Child child) {
		if (role == Role.ADMIN) {
			return true;
		}
		return teacher.map(t -> t.classIds().contains(child.classId()) || t.childIds().contains(child.id()))
			.orElse(false);
	}

	private Completion mark(FlowContext context) {
		int index = this.outcomeWords.indexOf(context.answers().get("outcome"));
		CallOutcome outcome = CallOutcome.values()[index];
		String number = context.answers().get("call");
		this.outcomes.mark(context.tenant(), number, outcome, context.identity().personId());
		return Completion.done(this.wording.text("calls.marked", Map.of("call",
				context.answers().getOrDefault("callLabel", number), "outcome", this.outcomeWords.get(index))));
	}

	private LocalDate today() {
		return SlotCalendar.now(this.clock).toLocalDate();
	}

}
