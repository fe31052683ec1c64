package org.qinqing.calls.console;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qinqing.calls.CallSettings;
import org.qinqing.calls.CallSettingsStore;
import org.qinqing.calls.CallsClosed;
import org.qinqing.calls.Closure;
import org.qinqing.calls.SlotCalendar;
import org.qinqing.console.AuditLog;
import org.qinqing.console.CurrentStaff;
import org.qinqing.console.StaffUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The school's call settings (admins only, by the security rules): stations, weekly hours, slot length,
 * window, notices, the weekly cap, whether guardians may book, closures and extra openings. A form with
 * a mistake comes back as typed; a saved new closure is announced as {@link CallsClosed} after the save,
 * so the listener that moves bookings and tells families reads the new settings.
 */
@Controller
class CallSettingsController {

	static final String SETTINGS_VIEW = "calls/settings";

	static final String PATH = "/console/calls/settings";

	static final String SAVE_ACTION = "call-settings";

	private final CallSettingsStore store;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final MessageSource messages;

	private final Clock clock;

	CallSettingsController(CallSettingsStore store, ApplicationEventPublisher events, AuditLog audit,
			MessageSource messages, Clock clock) {
		this.store = store;
		this.events = events;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String form(Model model) {
		StaffUser user = CurrentStaff.require();
		CallSettings settings = this.store.settings(user.tenant());
		return show(user, CallSettingsForm.of(settings), Map.of(), model);
	}

	@PostMapping(PATH)
	String save(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		StaffUser user = CurrentStaff.require();
		CallSettingsForm form = CallSettingsForm.read(params);
		CallSettingsForm.Checked checked = form.validate(SlotCalendar.now(this.clock).toLocalDate());
		if (!checked.ok()) {
			Map<String, String> errors = new LinkedHashMap<>();
			checked.problems()
				.forEach((field, problem) -> errors.put(field,
						this.messages.getMessage(problem.key(), problem.args(), Locale.SIMPLIFIED_CHINESE)));
			return show(user, form, errors, model);
		}
		CallSettings before = this.store.settings(user.tenant());
		CallSettings after = checked.settings();
		List<Closure> added = new ArrayList<>(after.closures());
		added.removeAll(before.closures());
		this.store.save(user.tenant(), after);
		this.audit.record(user, SAVE_ACTION, added.isEmpty() ? "settings"
				: "settings, closed " + added.stream().map(c -> c.date() + (c.station().isEmpty() ? "" : " " + c.station())).toList());
		for (Closure closure : added) {
			this.events.publishEvent(new CallsClosed(user.tenant(), closure.date(), closure.station(), user.username()));
		}
		redirect.addFlashAttribute("saved", added.isEmpty() ? "calls.settings.saved" : "calls.settings.savedClosed");
		return "redirect:" + PATH;
	}

	private String show(StaffUser user, CallSettingsForm form, Map<String, String> errors, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("form", form);
		model.addAttribute("stationNames", CallSettingsForm.stationNames(form.stations()));
		model.addAttribute("errors", errors);
		return SETTINGS_VIEW;
	}

}
