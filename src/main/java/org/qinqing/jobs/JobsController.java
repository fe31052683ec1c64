package org.qinqing.jobs;

import java.time.ZonedDateTime;
import java.util.List;

import org.qinqing.console.AuditLog;
import org.qinqing.console.CurrentStaff;
import org.qinqing.console.StaffUser;
import org.qinqing.system.SchoolTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 定时任务 (admins: /console/admin/**): what is due next, and what failed, with a button to send it again. */
@Controller
class JobsController {

	static final String JOBS_VIEW = "jobs/jobs";

	record Row(String kind, String subject, ZonedDateTime at, int attempts, String error) {
	}

	private final DueJobs jobs;

	private final AuditLog audit;

	JobsController(DueJobs jobs, AuditLog audit) {
		this.jobs = jobs;
		this.audit = audit;
	}

	@GetMapping("/console/admin/jobs")
	String jobs(Model model) {
		StaffUser user = CurrentStaff.require();
		model.addAttribute("user", user);
		model.addAttribute("upcoming", rows(this.jobs.upcoming(user.tenant(), 100)));
		model.addAttribute("upcomingCount", this.jobs.upcomingCount(user.tenant()));
		model.addAttribute("failed", rows(this.jobs.failed(user.tenant(), 100)));
		model.addAttribute("failedCount", this.jobs.failedCount(user.tenant()));
		return JOBS_VIEW;
	}

	@PostMapping("/console/admin/jobs/retry")
	String retry(@RequestParam String kind, @RequestParam String subject, RedirectAttributes redirect) {
		StaffUser user = CurrentStaff.require();
		boolean sent = this.jobs.retryFailed(user.tenant(), kind, subject);
		if (sent) {
			this.audit.record(user, "job-retry", kind + ":" + subject);
		}
		redirect.addFlashAttribute("retried", sent);
		return "redirect:/console/admin/jobs";
	}

	private static List<Row> rows(List<DueJobs.View> views) {
		return views.stream()
			.map(v -> new Row(v.kind(), v.subject(), v.due().atZone(SchoolTime.ZONE), v.attempts(), v.error()))
			.toList();
	}

}
