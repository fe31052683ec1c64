package org.qinqing.parenting;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.qinqing.console.AuditLog;
import org.qinqing.console.CurrentStaff;
import org.qinqing.console.StaffUser;
import org.qinqing.people.Child;
import org.qinqing.people.ChildAccess;
import org.qinqing.system.SchoolTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's 家长课堂 page: this term's reach per school and class (a leader the whole school, a teacher their
 * classes and paired children, by the one access rule), the families never to have opened a lesson (to follow up
 * by phone or at the school gate: no phone numbers here), and 提醒未读, audited, for the whole page or one class.
 */
@Controller
class ReachController {

	static final String PATH = "/console/parenting";

	static final String VIEW = "parenting/reach";

	static final String REMIND_ACTION = "parenting-remind";

	private final Reach reach;

	private final ChildAccess access;

	private final ReadReminders reminders;

	private final AuditLog audit;

	private final LessonsProperties properties;

	private final Clock clock;

	ReachController(Reach reach, ChildAccess access, ReadReminders reminders, AuditLog audit,
			LessonsProperties properties, Clock clock) {
		this.reach = reach;
		this.access = access;
		this.reminders = reminders;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String page(@RequestParam(name = "class", defaultValue = "") String classId, Model model) {
		StaffUser user = CurrentStaff.require();
		Reach.Report report = this.reach.of(user.tenant(), children(user, classId));
		model.addAttribute("report", report);
		model.addAttribute("classId", classId);
		model.addAttribute("target", this.properties.target());
		return VIEW;
	}

	@PostMapping(PATH + "/remind")
	String remind(@RequestParam(name = "class", defaultValue = "") String classId, RedirectAttributes redirect) {
		StaffUser user = CurrentStaff.require();
		Reach.Report report = this.reach.of(user.tenant(), children(user, classId));
		int reached = this.reminders.remind(user.tenant(), report.notReached(), SchoolTime.today(this.clock));
		this.audit.record(user, REMIND_ACTION, (classId.isEmpty() ? "all" : classId) + " " + report.notReached().size()
				+ "/" + reached);
		redirect.addFlashAttribute("reminded", reached);
		return "redirect:" + PATH + (classId.isEmpty() ? "" : "?class=" + classId);
	}

	/** The children the user may see, of one class when asked (a class not theirs gives none). */
	private List<Child> children(StaffUser user, String classId) {
		if (classId.isEmpty()) {
			return this.access.visibleChildren(user);
		}
		return Optional.ofNullable(this.access.visibleChildren(user, List.of(classId)).get(classId)).orElse(List.of());
	}

}
