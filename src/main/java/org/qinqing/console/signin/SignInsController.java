package org.qinqing.console.signin;

import org.qinqing.console.CurrentStaff;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admins' view of failed sign-ins to their school's accounts (guarded by /console/admin/**). */
@Controller
class SignInsController {

	static final String VIEW = "console/sign-ins";

	private final SignInReport report;

	private final StaffAccounts accounts;

	private final SignInProperties properties;

	SignInsController(SignInReport report, StaffAccounts accounts, SignInProperties properties) {
		this.report = report;
		this.accounts = accounts;
		this.properties = properties;
	}

	@GetMapping("/console/admin/sign-ins")
	String signIns(Model model) {
		StaffUser user = CurrentStaff.require();
		model.addAttribute("user", user);
		model.addAttribute("accounts", this.report.accounts(this.accounts.usernames(user.tenant())));
		model.addAttribute("rules", this.properties);
		model.addAttribute("zone", SignInReport.SCHOOL_ZONE);
		return VIEW;
	}

}
