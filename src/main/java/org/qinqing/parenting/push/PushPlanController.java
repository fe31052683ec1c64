package org.qinqing.parenting.push;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.qinqing.console.CurrentStaff;
import org.qinqing.console.StaffUser;
import org.qinqing.system.SchoolTime;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 家长课堂推送 (admins): this week's push (audience, plan per day, sent so far, next batch) and the last weeks'.
 * Three round trips: the weeks' figures in one pipeline, and the two jobs' times.
 */
@Controller
class PushPlanController {

	static final String VIEW = "parenting/push-plan";

	/** Weeks shown below this week's. */
	private static final int HISTORY = 8;

	/** One day of the plan as the page shows it. */
	record DayRow(LocalDate date, int planned, int sent, boolean today) {
	}

	private final PushStore store;

	private final PushSchedule schedule;

	private final PushCalendar calendar;

	PushPlanController(PushStore store, PushSchedule schedule, PushCalendar calendar) {
		this.store = store;
		this.schedule = schedule;
		this.calendar = calendar;
	}

	@GetMapping("/console/parenting/push")
	String plan(Model model) {
		StaffUser user = CurrentStaff.require();
		if (!user.isAdmin()) {
			throw new AccessDeniedException("admins only");
		}
		String tenant = user.tenant();
		List<WeekPush> weeks = this.store.latest(tenant, HISTORY + 1);
		LocalDate today = this.calendar.today();
		WeekPush current = weeks.isEmpty() ? null : weeks.get(0);
		LocalDate upcoming = this.calendar.upcomingWeek();
		if (current != null && current.finished() && current.week().isBefore(today.minusDays(6))) {
			current = null; // last week's is history; this week's has not begun
		}
		model.addAttribute("user", user);
		model.addAttribute("current", current);
		model.addAttribute("days", current == null ? List.of() : days(current, today));
		model.addAttribute("finishedAt", current == null ? null : zoned(current.finishedAt()));
		model.addAttribute("nextBatch", current == null || current.finished() ? null
				: zoned(this.schedule.next(tenant, current.week()).orElse(null)));
		LocalDate nextWeek = upcoming;
		if (current != null && !nextWeek.isAfter(current.week())) {
			nextWeek = current.week().plusWeeks(1);
		}
		model.addAttribute("nextPush", zoned(this.schedule.next(tenant, nextWeek).orElse(null)));
		model.addAttribute("history", current == null ? weeks.stream().limit(HISTORY).toList()
				: weeks.stream().skip(1).toList());
		return VIEW;
	}

	private static List<DayRow> days(WeekPush push, LocalDate today) {
		return push.plan()
			.days()
			.stream()
			.map(d -> new DayRow(d.date(), d.count(), push.sentOn(d.date()), d.date().equals(today)))
			.toList();
	}

	private static ZonedDateTime zoned(Instant instant) {
		return instant == null ? null : SchoolTime.at(instant);
	}

}
