package org.qinqing.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qinqing.console.AuditLog;
import org.qinqing.console.CurrentStaff;
import org.qinqing.console.StaffUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Teachers in the directory (admins only: /console/admin/**): who heads which class and how many children each
 * is paired with; a new teacher with the classes they head; a teacher's classes changed. A teacher then gets a
 * card on their classes' binding sheets; pairing a child is done on the child's family page.
 */
@Controller
class TeachersController {

	static final String TEACHERS_VIEW = "archives/teachers";

	/** A teacher as the list shows them. */
	record TeacherRow(String id, String name, List<String> classIds, String classes, int paired, int boundUsers) {
	}

	private final TeacherDirectory teachers;

	private final ChildAccess access;

	private final Directory directory;

	private final AuditLog audit;

	TeachersController(TeacherDirectory teachers, ChildAccess access, Directory directory, AuditLog audit) {
		this.teachers = teachers;
		this.access = access;
		this.directory = directory;
		this.audit = audit;
	}

	@GetMapping("/console/admin/teachers")
	String list(Model model) {
		return page(CurrentStaff.require(), "", List.of(), Map.of(), model);
	}

	@PostMapping("/console/admin/teachers")
	String add(@RequestParam(defaultValue = "") String name,
			@RequestParam(name = "classId", required = false) List<String> classIds, Model model,
			RedirectAttributes redirect) {
		StaffUser user = CurrentStaff.require();
		List<String> classes = visible(user, classIds);
		String typed = name.strip();
		if (typed.isEmpty() || typed.length() > FamilyForm.MAX_NAME) {
			return page(user, typed, classes, Map.of("name", "teachers.error.name"), model);
		}
		Person added = this.teachers.add(user.tenant(), typed, classes);
		this.audit.record(user, "teacher-add", added.id());
		redirect.addFlashAttribute("done", "added");
		redirect.addFlashAttribute("doneName", added.name());
		return "redirect:/console/admin/teachers";
	}

	@PostMapping("/console/admin/teachers/{teacherId}/classes")
	String classes(@PathVariable String teacherId, @RequestParam(name = "classId", required = false) List<String> classIds,
			RedirectAttributes redirect) {
		StaffUser user = CurrentStaff.require();
		Person teacher = this.teachers.teacher(user.tenant(), teacherId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		this.teachers.setClasses(user.tenant(), teacher.id(), visible(user, classIds));
		this.audit.record(user, "teacher-classes", teacher.id());
		redirect.addFlashAttribute("done", "classes");
		redirect.addFlashAttribute("doneName", teacher.name());
		return "redirect:/console/admin/teachers#teacher-" + teacher.id();
	}

	private String page(StaffUser user, String name, List<String> chosen, Map<String, String> errors, Model model) {
		List<SchoolClass> classes = this.access.visibleClasses(user);
		List<TeacherRow> rows = new ArrayList<>();
		for (Person t : this.teachers.teachers(user.tenant())) {
			String headed = String.join("、", classes.stream()
				.filter(c -> t.classIds().contains(c.id()))
				.map(SchoolClass::name)
				.toList());
			rows.add(new TeacherRow(t.id(), t.name(), t.classIds(), headed, t.childIds().size(),
					this.directory.openidsOf(user.tenant(), t.id()).size()));
		}
		model.addAttribute("user", user);
		model.addAttribute("classes", classes);
		model.addAttribute("rows", rows);
		model.addAttribute("name", name);
		model.addAttribute("chosen", chosen);
		model.addAttribute("errors", errors);
		return TEACHERS_VIEW;
	}

	/** Only classes of this school: a class id from elsewhere is ignored. */
	private List<String> visible(StaffUser user, List<String> classIds) {
		if (classIds == null) {
			return List.of();
		}
		Set<String> allowed = new java.util.HashSet<>();
		this.access.visibleClasses(user).forEach(c -> allowed.add(c.id()));
		return classIds.stream().filter(allowed::contains).distinct().toList();
	}

}
