package org.qinqing.talks;

import java.time.DayOfWeek;
import java.time.LocalTime;

import org.qinqing.console.AuditLog;
import org.qinqing.console.CurrentStaff;
import org.qinqing.console.StaffUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A school's talk settings (leaders only): the terms and days off that decide which months owe, the rule for two
 * teachers, and when reminders go. Saving reschedules the reminders; audited.
 */
@Controller
class TalkSettingsController {

	static final String PATH = TalksController.PATH + "/settings";

	private final TalkSettingsStore store;

	private final TalkReminders reminders;

	private final AuditLog audit;

	TalkSettingsController(TalkSettingsStore store, TalkReminders reminders, AuditLog audit) {
		this.store = store;
		this.reminders = reminders;
		this.audit = audit;
	}

	@GetMapping(PATH)
	String show(@RequestParam(required = false) String saved, Model model) {
		StaffUser user = admin();
		model.addAttribute("s", this.store.settings(user.tenant()));
		model.addAttribute("saved", saved != null);
		model.addAttribute("error", null);
		return "talks/settings";
	}

	@PostMapping(PATH)
	String save(@RequestParam String autumnStart, @RequestParam String autumnEnd, @RequestParam String springStart,
			@RequestParam String springEnd, @RequestParam(defaultValue = "") String closed,
			@RequestParam int minSchoolDays, @RequestParam OwedRule rule, @RequestParam DayOfWeek talkDay,
			@RequestParam String talkTime, @RequestParam String missingTime, @RequestParam int countdownFrom,
			Model model) {
		StaffUser user = admin();
		TalkSettings s;
		try {
			s = new TalkSettings(new SchoolCalendar(SchoolCalendar.monthDay(autumnStart), SchoolCalendar.monthDay(autumnEnd),
					SchoolCalendar.monthDay(springStart), SchoolCalendar.monthDay(springEnd),
					SchoolCalendar.parseClosed(closed), minSchoolDays), rule, talkDay, LocalTime.parse(talkTime),
					LocalTime.parse(missingTime), countdownFrom);
			if (minSchoolDays > 20 || countdownFrom < 1 || countdownFrom > 28) {
				throw new IllegalArgumentException("out of range");
			}
		}
		catch (RuntimeException ex) {
			model.addAttribute("s", this.store.settings(user.tenant()));
			model.addAttribute("saved", false);
			model.addAttribute("error", "talks.settings.error");
			return "talks/settings";
		}
		this.store.save(user.tenant(), s);
		this.reminders.schedule(user.tenant());
		this.audit.record(user, "talk-settings", "");
		return "redirect:" + PATH + "?saved";
	}

	private static StaffUser admin() {
		StaffUser user = CurrentStaff.require();
		if (!user.isAdmin()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return user;
	}

}
