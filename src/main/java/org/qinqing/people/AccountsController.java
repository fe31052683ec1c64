package org.qinqing.people;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.qinqing.console.CurrentStaff;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff accounts (admins only: the security configuration guards /console/admin/**): the list, and a
 * new teacher account linked to a teacher of the tenant who has none yet. Passwords are never put in
 * the model, never echoed back into the form and never logged.
 */
@Controller
class AccountsController {

	static final String ACCOUNTS_VIEW = "archives/accounts";

	static final int MIN_PASSWORD = 10;

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,32}");

	private final StaffAccounts accounts;

	private final SchoolRecords records;

	private final org.springframework.context.MessageSource messages;

	AccountsController(StaffAccounts accounts, SchoolRecords records, org.springframework.context.MessageSource messages) {
		this.accounts = accounts;
		this.records = records;
		this.messages = messages;
	}

	@GetMapping("/console/admin/accounts")
	String accounts(Model model) {
		StaffUser user = CurrentStaff.require();
		return page(user, "", "", Map.of(), model);
	}

	@PostMapping("/console/admin/accounts")
	String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String personId,
			@RequestParam(defaultValue = "") String password, Model model, RedirectAttributes redirect) {
		StaffUser user = CurrentStaff.require();
		String name = username.strip();
		Map<String, String> errors = new LinkedHashMap<>();
		if (!USERNAME.matcher(name).matches()) {
			errors.put("username", "accounts.error.username");
		}
		else if (this.accounts.exists(name)) {
			errors.put("username", "accounts.error.usernameTaken");
		}
		Optional<Person> teacher = teachersWithoutAccount(user).stream()
			.filter(p -> p.id().equals(personId))
			.findFirst();
		if (teacher.isEmpty()) {
			errors.put("personId", "accounts.error.teacher");
		}
		if (password.length() < MIN_PASSWORD) {
			errors.put("password", "accounts.error.password");
		}
		if (!errors.isEmpty()) {
			return page(user, name, personId, errors, model);
		}
		this.accounts.save(new StaffUser(name, user.tenant(), StaffRole.TEACHER, teacher.get().id(),
				this.messages.getMessage("accounts.teacherDisplayName", new Object[] { teacher.get().name() },
						java.util.Locale.SIMPLIFIED_CHINESE)), password);
		redirect.addFlashAttribute("createdName", teacher.get().name());
		redirect.addFlashAttribute("createdUsername", name);
		return "redirect:/console/admin/accounts";
	}

	private String page(StaffUser user, String username, String personId, Map<String, String> errors, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("accounts", this.accounts.all(user.tenant()));
		model.addAttribute("teachers", teachersWithoutAccount(user));
		model.addAttribute("username", username);
		model.addAttribute("personId", personId);
		model.addAttribute("errors", errors);
		return ACCOUNTS_VIEW;
	}

	private List<Person> teachersWithoutAccount(StaffUser user) {
		Set<String> linked = new HashSet<>();
		this.accounts.all(user.tenant()).forEach(account -> linked.add(account.personId()));
		List<Person> teachers = new ArrayList<>();
		for (String id : this.records.ids(user.tenant(), "person")) {
			this.records.person(user.tenant(), id)
				.filter(p -> p.role() == Role.TEACHER && !linked.contains(p.id()))
				.ifPresent(teachers::add);
		}
		return teachers;
	}

}
