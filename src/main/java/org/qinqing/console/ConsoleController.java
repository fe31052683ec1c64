package org.qinqing.console;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.qinqing.console.signin.SignInNotices;
import org.qinqing.system.SchoolTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in page, the dashboard (with an admin's notice of accounts under attack), and the admin's audit log. */
@Controller
class ConsoleController {

	static final String LOGIN_VIEW = "console/login";

	static final String DASHBOARD_VIEW = "console/dashboard";

	static final String AUDIT_VIEW = "console/audit";

	private final List<DashboardTile> tiles;

	private final AuditLog audit;

	private final SignInNotices signIns;

	private final Clock clock;

	private final MessageSource messages;

	ConsoleController(List<DashboardTile> tiles, AuditLog audit, SignInNotices signIns, Clock clock,
			MessageSource messages) {
		this.tiles = tiles.stream().sorted(Comparator.comparingInt(DashboardTile::order)).toList();
		this.audit = audit;
		this.signIns = signIns;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping(SecurityConfiguration.LOGIN)
	String login(HttpServletRequest request, Model model) {
		if (request.getParameter("error") != null) {
			model.addAttribute("loginError", this.signIns.loginError(request.getSession(false)));
		}
		model.addAttribute("lockoutRule", this.signIns.rules());
		return LOGIN_VIEW;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/console";
	}

	@GetMapping("/console")
	String dashboard(Model model) {
		StaffUser user = CurrentStaff.require();
		model.addAttribute("user", user);
		model.addAttribute("asOf", ZonedDateTime.now(this.clock));
		// a tile may show nothing to this user (null), e.g. admin-only figures for a teacher
		model.addAttribute("tiles",
				this.tiles.stream().map(tile -> tile.view(user)).filter(java.util.Objects::nonNull).toList());
		model.addAttribute("slowedAccounts", user.isAdmin() ? this.signIns.slowedAccounts(user.tenant()) : List.of());
		return DASHBOARD_VIEW;
	}

	@GetMapping("/console/admin/audit")
	String audit(Model model) {
		StaffUser user = CurrentStaff.require();
		model.addAttribute("user", user);
		model.addAttribute("entries", this.audit.latest(user.tenant(), 500)
			.stream()
			.map(entry -> AuditView.of(entry, SchoolTime.ZONE, this.messages))
			.toList());
		return AUDIT_VIEW;
	}

}
