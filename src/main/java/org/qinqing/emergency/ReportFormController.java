package org.qinqing.emergency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qinqing.console.AuditLog;
import org.qinqing.console.CurrentStaff;
import org.qinqing.console.StaffUser;
import org.qinqing.people.CareScope;
import org.qinqing.people.Child;
import org.qinqing.people.ChildAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Reporting from the console: one form (the child's name, what happened, where the child is now, a few words).
 * A name that finds several children shows them to pick; the report is then what the chat's is: stored with its
 * deadlines, the family told at once, and the numbers to phone pushed to the reporter in chat.
 */
@Controller
class ReportFormController {

	static final String VIEW = "emergency/new";

	private final ChildFinder finder;

	private final ChildAccess access;

	private final IncidentReporting reporting;

	private final IncidentWording words;

	private final AuditLog audit;

	ReportFormController(ChildFinder finder, ChildAccess access, IncidentReporting reporting, IncidentWording words,
			AuditLog audit) {
		this.finder = finder;
		this.access = access;
		this.reporting = reporting;
		this.words = words;
		this.audit = audit;
	}

	@GetMapping(IncidentsController.PATH + "/new")
	String form(Model model) {
		return show(CurrentStaff.require(), Map.of(), Map.of(), List.of(), model);
	}

	@PostMapping(IncidentsController.PATH)
	String report(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String childId,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String place,
			@RequestParam(defaultValue = "") String otherPlace, @RequestParam(defaultValue = "") String description,
			Model model) {
		StaffUser user = CurrentStaff.require();
		CareScope scope = this.access.scope(user);
		List<Child> children = this.finder.children(user.tenant(), scope);
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("name", name.strip());
		typed.put("kind", kind);
		typed.put("place", place);
		typed.put("otherPlace", otherPlace.strip());
		typed.put("description", description.strip());
		Map<String, String> errors = new LinkedHashMap<>();
		List<Child> found = childId.isEmpty() ? ChildFinder.named(children, name)
				: children.stream().filter(c -> c.id().equals(childId)).toList();
		if (found.isEmpty()) {
			errors.put("name", "emergency.form.name.none");
		}
		else if (found.size() > 1) {
			errors.put("name", "emergency.form.name.several");
		}
		if (!this.words.strings("report.kind.options").contains(kind)) {
			errors.put("kind", "emergency.form.kind.none");
		}
		String where = otherPlace.isBlank() ? place : otherPlace.strip();
		if (where.isBlank() || where.length() > 60) {
			errors.put("place", "emergency.form.place.none");
		}
		String what = description.strip();
		if (what.length() < 2 || what.length() > 300) {
			errors.put("description", "emergency.form.description.length");
		}
		if (!errors.isEmpty()) {
			return show(user, typed, errors, found.size() > 1 ? found : List.of(), model);
		}
		Child child = found.get(0);
		IncidentReporting.Reported reported = this.reporting.report(user.tenant(), new Incidents.Report(child.id(),
				child.classId(), kind, where, what, user.personId(), user.isAdmin() ? "admin" : "teacher"), true);
		this.audit.record(user, ReportChat.AUDIT_ACTION, reported.incident().number());
		return "redirect:" + IncidentsController.PATH + "/" + reported.incident().number() + "?reported";
	}

	private String show(StaffUser user, Map<String, String> typed, Map<String, String> errors, List<Child> several,
			Model model) {
		Map<String, String> choices = new LinkedHashMap<>();
		choices.putAll(this.finder.labels(user.tenant(), several));
		model.addAttribute("user", user);
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		model.addAttribute("choices", choices);
		model.addAttribute("kinds", this.words.strings("report.kind.options"));
		model.addAttribute("places", this.words.strings("places"));
		return VIEW;
	}

}
