package org.qinqing.calls.chat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qinqing.calls.CallSettingsStore;
import org.qinqing.calls.SlotCalendar;
import org.qinqing.conversation.Wording;
import org.qinqing.people.FamilyTie;
import org.springframework.stereotype.Component;

/**
 * Said before the days are listed when a family has its weekly number of calls in a week that could
 * still be booked: which week is full and which one is still open, so nobody walks to the confirmation
 * to be refused there. When no week is open the booking does not start at all.
 */
@Component
class WeeklyCapNotice {

	/** The words to say first (empty: nothing to say), and whether the family can book nothing now. */
	record Notice(String text, boolean nothingBookable) {
	}

	private final CallChoices choices;

	private final CallWording wording;

	private final Wording shared;

	private final CallSettingsStore settings;

	private final java.time.Clock clock;

	WeeklyCapNotice(CallChoices choices, CallWording wording, Wording shared, CallSettingsStore settings,
			java.time.Clock clock, org.qinqing.system.BotScripts scripts) {
		this.choices = choices;
		this.wording = wording;
		this.shared = shared;
		this.settings = settings;
		this.clock = clock;
		scripts.require("calls.cap-lead", "calls.cap-all", "calls.your-family", "calls.child-family",
				"calls.week-this", "calls.week-next", "calls.week-later", "calls.week-separator",
				"calls.day-week-full", "calls.hint-week-full", "calls.time-held", "calls.hint-time-held");
	}

	/** About the families of {@code members}; {@code replacing} is a booking being moved (or empty). */
	Notice notice(String tenant, List<FamilyTie> members, String replacing) {
		List<LocalDate> weeks = this.choices.bookableDates(tenant).stream().map(FamilyCalls::monday).distinct().toList();
		Map<String, List<String>> children = new LinkedHashMap<>();
		members.forEach(m -> children.computeIfAbsent(m.child().familyId(), f -> new ArrayList<>())
			.add(this.shared.givenName(m.child())));
		int cap = this.settings.settings(tenant).familyCapPerWeek();
		List<String> lines = new ArrayList<>();
		boolean anyOpen = weeks.isEmpty();
		for (Map.Entry<String, List<String>> family : children.entrySet()) {
			FamilyCalls calls = this.choices.familyCalls(tenant, family.getKey(), replacing);
			List<LocalDate> full = weeks.stream().filter(calls::weekFull).toList();
			List<LocalDate> open = weeks.stream().filter(week -> !calls.weekFull(week)).toList();
			anyOpen |= !open.isEmpty();
			if (full.isEmpty()) {
				continue;
			}
			String who = children.size() == 1 ? this.wording.text("calls.your-family")
					: this.wording.text("calls.child-family", Map.of("child", this.shared.list(family.getValue())));
			lines.add(open.isEmpty()
					? this.wording.text("calls.cap-all", Map.of("family", who, "full", weeks(full), "cap", cap))
					: this.wording.text("calls.cap-lead",
							Map.of("family", who, "full", weeks(full), "open", weeks(open), "cap", cap)));
		}
		return new Notice(String.join("\n", lines), !anyOpen);
	}

	/** 本周（12月1日到12月7日）和下周（12月8日到12月14日） */
	private String weeks(List<LocalDate> mondays) {
		LocalDate thisMonday = FamilyCalls.monday(SlotCalendar.now(this.clock).toLocalDate());
		List<String> names = new ArrayList<>();
		for (LocalDate monday : mondays) {
			long ahead = ChronoUnit.WEEKS.between(thisMonday, monday);
			String key = ahead == 0 ? "calls.week-this" : ahead == 1 ? "calls.week-next" : "calls.week-later";
			names.add(this.wording.text(key,
					Map.of("from", this.shared.date(monday), "to", this.shared.date(monday.plusDays(6)))));
		}
		return String.join(this.wording.text("calls.week-separator"), names);
	}

}
