package org.qinqing.calls.console;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.calls.Booking;
import org.qinqing.calls.Bookings;
import org.qinqing.calls.CallOutcome;
import org.qinqing.calls.CallOutcomes;
import org.qinqing.calls.SlotCalendar;
import org.qinqing.console.TodayFigure;
import org.qinqing.system.BotScripts;
import org.qinqing.system.PersonLinks;
import org.springframework.stereotype.Component;

/** 今日概况's line of family calls: today's, how many were held, and how many are still unmarked; three round trips. */
@Component
class CallsToday implements TodayFigure {

	private final Bookings bookings;

	private final CallOutcomes outcomes;

	private final BotScripts scripts;

	private final PersonLinks links;

	private final Clock clock;

	CallsToday(Bookings bookings, CallOutcomes outcomes, BotScripts scripts, PersonLinks links, Clock clock) {
		this.bookings = bookings;
		this.outcomes = outcomes;
		this.scripts = scripts;
		this.links = links;
		this.clock = clock;
		scripts.require("calls.today-figure", "calls.today-figure-none");
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public Optional<String> line(String tenant, String leaderId) {
		LocalDate today = SlotCalendar.now(this.clock).toLocalDate();
		List<Booking> calls = this.bookings.between(tenant, today.atStartOfDay(), today.plusDays(1).atStartOfDay());
		String link = Optional.ofNullable(this.links.absolute("/console/calls")).orElse("/console/calls");
		if (calls.isEmpty()) {
			return Optional.of(this.scripts.text("calls.today-figure-none", Map.of("link", link)));
		}
		Map<String, CallOutcomes.Mark> marks = this.outcomes.marks(tenant, calls.stream().map(Booking::number).toList());
		long held = marks.values().stream().filter(m -> m.outcome() == CallOutcome.HELD).count();
		return Optional.of(this.scripts.text("calls.today-figure",
				Map.of("count", calls.size(), "held", held, "unmarked", calls.size() - marks.size(), "link", link)));
	}

}
