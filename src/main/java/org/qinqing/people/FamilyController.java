package org.qinqing.people;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.console.AuditLog;
import org.qinqing.console.CurrentStaff;
import org.qinqing.console.StaffUser;
import org.springframework.http.HttpStatus;
import org.qinqing.system.SchoolTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A child's family in the console: the parents and guardians who may bind, book and be told. Add, change or
 * remove a member, link a sibling, pair the child with a teacher, issue or withdraw a member's binding code,
 * end a member's WeChat bindings. Who may open it follows {@link ChildAccess}; every change is audited and
 * takes effect in chat at the member's next message. Bound users are counted, never shown.
 */
@Controller
class FamilyController {

	static final String FAMILY_VIEW = "archives/family";

	/** A member as the page shows them: never an openid, only how many WeChat users are bound. */
	record MemberView(String id, Role role, String name, String relation, String phone, int boundUsers, String code,
			boolean withdrawn, int otherChildren) {
	}

	record HistoryLine(ZonedDateTime at, String by, String what, String who) {
	}

	/** One of several children with the name typed for a sibling. */
	record SiblingChoice(String id, String name, String className) {
	}

	private final ChildAccess access;

	private final SchoolRecords records;

	private final Families families;

	private final TeacherDirectory teachers;

	private final Directory directory;

	private final BindingCodes codes;

	private final AuditLog audit;

	FamilyController(ChildAccess access, SchoolRecords records, Families families, TeacherDirectory teachers,
			Directory directory, BindingCodes codes, AuditLog audit) {
		this.access = access;
		this.records = records;
		this.families = families;
		this.teachers = teachers;
		this.directory = directory;
		this.codes = codes;
		this.audit = audit;
	}

	@GetMapping("/console/archives/{childId}/family")
	String family(@PathVariable String childId, Model model) {
		StaffUser user = CurrentStaff.require();
		Child child = visibleChild(user, childId);
		this.audit.record(user, "view-family", child.id());
		return page(user, child, FamilyForm.empty(), Map.of(), null, model);
	}

	@PostMapping("/console/archives/{childId}/family/add")
	String add(@PathVariable String childId, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		StaffUser user = CurrentStaff.require();
		Child child = visibleChild(user, childId);
		FamilyForm form = FamilyForm.read(params);
		Map<String, String> errors = form.validate();
		if (!errors.isEmpty()) {
			return page(user, child, form, errors, null, model);
		}
		Person added = this.families.add(user.tenant(), child.id(), form.member(), user.displayName());
		this.audit.record(user, "family-add", child.id() + " " + added.id());
		redirect.addFlashAttribute("done", added.childIds().size() > 1 ? "linked" : "added");
		redirect.addFlashAttribute("doneName", added.name());
		return redirectTo(child);
	}

	@PostMapping("/console/archives/{childId}/family/{personId}/edit")
	String edit(@PathVariable String childId, @PathVariable String personId, @RequestParam Map<String, String> params,
			Model model, RedirectAttributes redirect) {
		StaffUser user = CurrentStaff.require();
		Child child = visibleChild(user, childId);
		Person person = memberOf(user, child, personId);
		FamilyForm form = FamilyForm.read(params);
		Map<String, String> errors = form.validate();
		if (!errors.isEmpty()) {
			return page(user, child, FamilyForm.empty(), errors, new EditState(person.id(), form), model);
		}
		this.families.update(user.tenant(), child.id(), person.id(), form.member(), user.displayName());
		this.audit.record(user, "family-edit", child.id() + " " + person.id());
		redirect.addFlashAttribute("done", "changed");
		redirect.addFlashAttribute("doneName", form.name());
		return redirectTo(child);
	}

	@PostMapping("/console/archives/{childId}/family/{personId}/remove")
	String remove(@PathVariable String childId, @PathVariable String personId, RedirectAttributes redirect) {
		return onMember(childId, personId, redirect, "removed", (user, child, person) -> {
			this.families.remove(user.tenant(), child.id(), person.id(), user.displayName());
			this.audit.record(user, "family-remove", child.id() + " " + person.id());
		});
	}

	@PostMapping("/console/archives/{childId}/family/{personId}/code")
	String issueCode(@PathVariable String childId, @PathVariable String personId, RedirectAttributes redirect) {
		return onMember(childId, personId, redirect, "code", (user, child, person) -> {
			this.codes.issue(user.tenant(), person.id(), user.username());
			this.audit.record(user, "binding-code-regenerate", person.id());
		});
	}

	@PostMapping("/console/archives/{childId}/family/{personId}/code/withdraw")
	String withdrawCode(@PathVariable String childId, @PathVariable String personId, RedirectAttributes redirect) {
		return onMember(childId, personId, redirect, "withdrawn", (user, child, person) -> {
			this.codes.withdraw(user.tenant(), person.id(), user.username());
			this.audit.record(user, "binding-code-revoke", person.id());
		});
	}

	@PostMapping("/console/archives/{childId}/family/{personId}/unbind")
	String unbind(@PathVariable String childId, @PathVariable String personId, RedirectAttributes redirect) {
		return onMember(childId, personId, redirect, "unbound", (user, child, person) -> {
			int ended = this.directory.unbindPerson(user.tenant(), person.id()).size();
			this.audit.record(user, "binding-end", person.id() + " " + ended);
		});
	}

	/** What a button next to one family member does, once the user may see the child and the person is its family. */
	private interface MemberAction {

		void run(StaffUser user, Child child, Person person);

	}

	/** Checks access, does the action, and goes back to the family with {@code done} said of the person. */
	private String onMember(String childId, String personId, RedirectAttributes redirect, String done,
			MemberAction action) {
		StaffUser user = CurrentStaff.require();
		Child child = visibleChild(user, childId);
		Person person = memberOf(user, child, personId);
		action.run(user, child, person);
		redirect.addFlashAttribute("done", done);
		redirect.addFlashAttribute("doneName", person.name());
		return redirectTo(child);
	}

	/** Links a sibling found by name (and class, when several children share it) among the children the user may see. */
	@PostMapping("/console/archives/{childId}/family/sibling")
	String sibling(@PathVariable String childId, @RequestParam(defaultValue = "") String siblingName,
			@RequestParam(defaultValue = "") String siblingId, Model model, RedirectAttributes redirect) {
		StaffUser user = CurrentStaff.require();
		Child child = visibleChild(user, childId);
		List<Child> matches = new ArrayList<>();
		for (Child candidate : this.access.visibleChildren(user)) {
			boolean wanted = siblingId.isBlank() ? candidate.name().equals(siblingName.strip())
					: candidate.id().equals(siblingId);
			if (wanted && !candidate.id().equals(child.id())) {
				matches.add(candidate);
			}
		}
		if (matches.size() != 1) {
			model.addAttribute("siblingName", siblingName);
			model.addAttribute("siblingMatches", matches.stream()
				.map(c -> new SiblingChoice(c.id(), c.name(),
						this.records.schoolClass(user.tenant(), c.classId()).map(SchoolClass::name).orElse("")))
				.toList());
			return page(user, child, FamilyForm.empty(),
					matches.isEmpty() ? Map.of("siblingName", "family.error.siblingNotFound") : Map.of(), null, model);
		}
		Child sibling = matches.get(0);
		this.families.linkSibling(user.tenant(), child.id(), sibling.id(), user.displayName());
		this.audit.record(user, "family-sibling", child.id() + " " + sibling.id());
		redirect.addFlashAttribute("done", "sibling");
		redirect.addFlashAttribute("doneName", sibling.name());
		return redirectTo(child);
	}

	@PostMapping("/console/archives/{childId}/family/teacher")
	String pair(@PathVariable String childId, @RequestParam(defaultValue = "") String teacherId,
			RedirectAttributes redirect) {
		StaffUser user = CurrentStaff.require();
		if (!user.isAdmin()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		Child child = visibleChild(user, childId);
		if (!teacherId.isBlank() && this.teachers.teacher(user.tenant(), teacherId).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		this.teachers.pair(user.tenant(), child.id(), teacherId);
		this.audit.record(user, "pair-teacher", child.id() + " " + teacherId);
		redirect.addFlashAttribute("done", "paired");
		redirect.addFlashAttribute("doneName", this.teachers.teacher(user.tenant(), teacherId).map(Person::name).orElse(""));
		return redirectTo(child);
	}

	/** The member being edited, with what was typed, when the edit came back with mistakes. */
	record EditState(String personId, FamilyForm form) {
	}

	private String page(StaffUser user, Child child, FamilyForm form, Map<String, String> errors, EditState editing,
			Model model) {
		String tenant = user.tenant();
		List<MemberView> members = new ArrayList<>();
		for (Person p : this.families.members(tenant, child.id())) {
			boolean withdrawn = this.codes.isWithdrawn(tenant, p.id());
			members.add(new MemberView(p.id(), p.role(), p.name(), p.relation(), p.phone(),
					this.directory.openidsOf(tenant, p.id()).size(), this.codes.currentCode(tenant, p.id()).orElse(""),
					withdrawn, p.childIds().size() - 1));
		}
		List<HistoryLine> history = new ArrayList<>();
		for (Families.Change change : this.families.history(tenant, child.id())) {
			history.add(new HistoryLine(Instant.ofEpochMilli(change.at()).atZone(SchoolTime.ZONE), change.by(),
					change.what(), change.who()));
		}
		Map<String, String> siblings = new LinkedHashMap<>();
		for (Person p : this.families.members(tenant, child.id())) {
			for (String other : p.childIds()) {
				if (!other.equals(child.id()) && !siblings.containsKey(other)) {
					this.records.child(tenant, other).ifPresent(c -> siblings.put(c.id(), c.name()));
				}
			}
		}
		Optional<SchoolClass> schoolClass = this.records.schoolClass(tenant, child.classId());
		model.addAttribute("user", user);
		model.addAttribute("child", child);
		model.addAttribute("className", schoolClass.map(SchoolClass::name).orElse(""));
		model.addAttribute("schoolName", schoolClass.flatMap(c -> this.records.school(tenant, c.schoolId()))
			.map(School::name)
			.orElse(""));
		model.addAttribute("members", members);
		model.addAttribute("siblings", siblings);
		model.addAttribute("history", history);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("editing", editing);
		model.addAttribute("teachers", user.isAdmin() ? this.teachers.teachers(tenant) : List.of());
		model.addAttribute("pairedTeacher", child.pairedTeacherId().isBlank() ? ""
				: this.teachers.teacher(tenant, child.pairedTeacherId()).map(Person::name).orElse(""));
		if (!model.containsAttribute("siblingName")) {
			model.addAttribute("siblingName", "");
		}
		return FAMILY_VIEW;
	}

	private Child visibleChild(StaffUser user, String childId) {
		Optional<Child> child = this.records.child(user.tenant(), childId);
		if (child.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (!this.access.canSee(user, child.get())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return child.get();
	}

	/** A member of this child's family, else 404: a person id from another family changes nothing. */
	private Person memberOf(StaffUser user, Child child, String personId) {
		return this.records.person(user.tenant(), personId)
			.filter(p -> p.isFamily() && p.childIds().contains(child.id()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static String redirectTo(Child child) {
		return "redirect:/console/archives/" + child.id() + "/family";
	}

}
