package org.qinqing.talks;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.qinqing.console.AuditLog;
import org.qinqing.console.CurrentStaff;
import org.qinqing.console.StaffUser;
import org.qinqing.people.Child;
import org.qinqing.people.ChildAccess;
import org.qinqing.people.Person;
import org.qinqing.people.SchoolRecords;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Individual plans in the console: the list (open first), a plan's goal, measures, follow-up days and owner, and
 * closing it, which needs a note. The access rule as for cards (404 for a child the user may not see); every change
 * audited.
 */
@Controller
class PlansController {

	static final String PATH = TalksController.PATH + "/plans";

	record PlanView(IndividualPlan plan, String child, String owner) {
	}

	private final IndividualPlans plans;

	private final ChildAccess access;

	private final SchoolRecords records;

	private final AuditLog audit;

	private final Clock clock;

	PlansController(IndividualPlans plans, ChildAccess access, SchoolRecords records, AuditLog audit, Clock clock) {
		this.plans = plans;
		this.access = access;
		this.records = records;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String list(Model model) {
		StaffUser user = CurrentStaff.require();
		List<IndividualPlan> all = this.plans.all(user.tenant());
		Map<String, Child> children = this.records.children(user.tenant(),
				all.stream().map(IndividualPlan::childId).distinct().toList());
		Map<String, Person> owners = this.records.people(user.tenant(),
				all.stream().map(IndividualPlan::ownerId).distinct().toList());
		List<PlanView> views = new ArrayList<>();
		for (IndividualPlan p : all) {
			Child c = children.get(p.childId());
			if (c != null && this.access.canSee(user, c)) {
				Person o = owners.get(p.ownerId());
				views.add(new PlanView(p, c.name(), o == null ? "" : o.name()));
			}
		}
		model.addAttribute("plans", views);
		return "talks/plans";
	}

	@GetMapping(PATH + "/{id}")
	String plan(@PathVariable String id, @RequestParam(required = false) String saved, Model model) {
		StaffUser user = CurrentStaff.require();
		return show(user, visible(user, id), saved != null, null, model);
	}

	@PostMapping(PATH + "/{id}")
	String save(@PathVariable String id, @RequestParam(defaultValue = "") String goal,
			@RequestParam(defaultValue = "") String measures, @RequestParam(defaultValue = "") String followUps,
			@RequestParam(defaultValue = "") String owner, Model model) {
		StaffUser user = CurrentStaff.require();
		PlanView view = visible(user, id);
		List<LocalDate> days;
		try {
			days = followUps.isBlank() ? List.of()
					: java.util.Arrays.stream(followUps.split("[,，\\s]+")).filter(s -> !s.isBlank())
						.map(LocalDate::parse).distinct().sorted().toList();
		}
		catch (DateTimeParseException ex) {
			return show(user, view, false, "talks.plan.error.days", model);
		}
		if (goal.strip().isEmpty() || goal.length() > 300 || measures.length() > 1000) {
			return show(user, view, false, "talks.plan.error.goal", model);
		}
		String newOwner = owner.isBlank() ? view.plan().ownerId() : owner.strip();
		if (!newOwner.equals(view.plan().ownerId()) && this.records.person(user.tenant(), newOwner).isEmpty()) {
			return show(user, view, false, "talks.plan.error.owner", model);
		}
		IndividualPlan changed = view.plan().withDetails(newOwner, goal.strip(), measures.strip(), days);
		this.plans.update(user.tenant(), view.plan(), changed, this.clock.instant());
		this.audit.record(user, "talk-plan-edit", id);
		return "redirect:" + PATH + "/" + id + "?saved";
	}

	@PostMapping(PATH + "/{id}/close")
	String close(@PathVariable String id, @RequestParam(defaultValue = "") String note, Model model) {
		StaffUser user = CurrentStaff.require();
		PlanView view = visible(user, id);
		if (note.strip().length() < 2) {
			return show(user, view, false, "talks.plan.error.close", model);
		}
		this.plans.close(user.tenant(), view.plan(), note.strip(), this.clock.instant());
		this.audit.record(user, "talk-plan-close", id);
		return "redirect:" + PATH + "/" + id + "?saved";
	}

	private String show(StaffUser user, PlanView view, boolean saved, String error, Model model) {
		model.addAttribute("view", view);
		model.addAttribute("saved", saved);
		model.addAttribute("error", error);
		model.addAttribute("followUps", String.join(", ", view.plan().followUps().stream().map(LocalDate::toString).toList()));
		return "talks/plan";
	}

	private PlanView visible(StaffUser user, String id) {
		IndividualPlan plan = this.plans.plan(user.tenant(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Child child = this.access.child(user, plan.childId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String owner = this.records.person(user.tenant(), plan.ownerId()).map(Person::name).orElse("");
		return new PlanView(plan, child.name(), owner);
	}

}
