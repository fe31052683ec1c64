package org.qinqing.emergency;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.console.AuditLog;
import org.qinqing.console.CurrentStaff;
import org.qinqing.console.StaffUser;
import org.qinqing.people.CareScope;
import org.qinqing.people.Child;
import org.qinqing.people.ChildAccess;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.SchoolTime;
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
 * The console's incidents: the list a staff member may see (a teacher their classes' and paired children's, a
 * leader the school's), and an incident's page as a timeline, with its steps against their deadlines, the draft
 * report for the authority (leaders), and forms to record a call, the report sent (leaders), and to close it with
 * a note. An incident the user may not see is 404, as if it did not exist. Every change is audited.
 */
@Controller
class IncidentsController {

	static final String LIST_VIEW = "emergency/list";

	static final String PAGE_VIEW = "emergency/incident";

	static final String PATH = IncidentLinks.CONSOLE_PATH;

	static final String CLOSE_ACTION = "emergency-close";

	static final int LIST_SIZE = 100;

	static final int NOTE_MAX = 500;

	/** A row of the list. */
	record Row(String number, String child, String className, String kind, String reported, boolean open,
			Map<ChainStep, Incident.Outcome> outcomes) {
	}

	private final Incidents incidents;

	private final ChildAccess access;

	private final SchoolRecords records;

	private final IncidentTimeline timeline;

	private final Acknowledgements acknowledgements;

	private final EmergencyProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	IncidentsController(Incidents incidents, ChildAccess access, SchoolRecords records, IncidentTimeline timeline,
			Acknowledgements acknowledgements, EmergencyProperties properties, AuditLog audit, Clock clock) {
		this.incidents = incidents;
		this.access = access;
		this.records = records;
		this.timeline = timeline;
		this.acknowledgements = acknowledgements;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String list(Model model) {
		StaffUser user = CurrentStaff.require();
		CareScope scope = this.access.scope(user);
		List<Incident> list = this.incidents.newest(user.tenant(), scope, LIST_SIZE);
		Map<String, Child> children = this.records.children(user.tenant(), list.stream().map(Incident::childId).toList());
		Map<String, SchoolClass> classes = this.records.classes(user.tenant(),
				list.stream().map(Incident::classId).distinct().toList());
		List<Row> rows = list.stream()
			.filter(i -> children.get(i.childId()) != null && scope.covers(children.get(i.childId())))
			.map(i -> new Row(i.number(), org.qinqing.people.PersonNames.givenName(children.get(i.childId()).name()),
					Optional.ofNullable(classes.get(i.classId())).map(SchoolClass::name).orElse(""), i.kind(),
					SchoolTime.at(i.reported()).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
					i.open(), outcomes(i)))
			.toList();
		model.addAttribute("user", user);
		model.addAttribute("rows", rows);
		model.addAttribute("steps", ChainStep.values());
		return LIST_VIEW;
	}

	@GetMapping(PATH + "/{number}")
	String page(@PathVariable String number, Model model) {
		StaffUser user = CurrentStaff.require();
		Incident incident = visible(user, number);
		model.addAttribute("user", user);
		model.addAttribute("view", this.timeline.view(user.tenant(), incident));
		model.addAttribute("noteMax", NOTE_MAX);
		return PAGE_VIEW;
	}

	@PostMapping(PATH + "/{number}/call")
	String call(@PathVariable String number, @RequestParam(defaultValue = "") String relation,
			@RequestParam(defaultValue = "") String at, RedirectAttributes redirect) {
		StaffUser user = CurrentStaff.require();
		Incident incident = visible(user, number);
		Optional<LocalDateTime> when = when(at);
		String who = relation.strip();
		if (who.isEmpty() || who.length() > 20 || when.isEmpty()) {
			redirect.addFlashAttribute("error", "emergency.call.invalid");
		}
		else if (this.acknowledgements.call(user.tenant(), incident, who, SchoolTime.instant(when.get()),
				user.personId())) {
			this.audit.record(user, StaffNotesChat.CALL_ACTION, incident.number());
			redirect.addFlashAttribute("done", "emergency.call.done");
		}
		return redirect(incident);
	}

	@PostMapping(PATH + "/{number}/report-sent")
	String reportSent(@PathVariable String number, @RequestParam(defaultValue = "") String at,
			RedirectAttributes redirect) {
		StaffUser user = CurrentStaff.require();
		if (!user.isAdmin()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		Incident incident = visible(user, number);
		Optional<LocalDateTime> when = when(at);
		if (when.isEmpty()) {
			redirect.addFlashAttribute("error", "emergency.sent.invalid");
		}
		else if (this.acknowledgements.reportSent(user.tenant(), incident, SchoolTime.instant(when.get()),
				user.personId())) {
			this.audit.record(user, StaffNotesChat.SENT_ACTION, incident.number());
			redirect.addFlashAttribute("done", "emergency.sent.done");
		}
		return redirect(incident);
	}

	@PostMapping(PATH + "/{number}/close")
	String close(@PathVariable String number, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		StaffUser user = CurrentStaff.require();
		Incident incident = visible(user, number);
		String words = note.strip();
		if (words.length() < 2 || words.length() > NOTE_MAX) {
			redirect.addFlashAttribute("error", "emergency.close.invalid");
		}
		else if (this.incidents.close(user.tenant(), incident, user.personId(), words)) {
			this.audit.record(user, CLOSE_ACTION, incident.number());
			redirect.addFlashAttribute("done", "emergency.close.done");
		}
		return redirect(incident);
	}

	/** Today at the time typed (school time), or now; empty for a time not yet come or unreadable. */
	private Optional<LocalDateTime> when(String at) {
		LocalDateTime now = SchoolTime.now(this.clock);
		if (at.isBlank()) {
			return Optional.of(now);
		}
		try {
			LocalDateTime when = now.toLocalDate().atTime(LocalTime.parse(at.strip()));
			return when.isAfter(now.plusMinutes(5)) ? Optional.empty() : Optional.of(when);
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	private Map<ChainStep, Incident.Outcome> outcomes(Incident incident) {
		Map<ChainStep, Incident.Outcome> outcomes = new java.util.EnumMap<>(ChainStep.class);
		for (ChainStep step : ChainStep.values()) {
			outcomes.put(step, incident.outcome(step, this.properties.deadline(step)));
		}
		return outcomes;
	}

	/** The incident if this user may see it: 404 otherwise, so another class's incident does not show it exists. */
	private Incident visible(StaffUser user, String number) {
		CareScope scope = this.access.scope(user);
		return this.incidents.incident(user.tenant(), number)
			.filter(i -> scope.everyone()
					|| this.records.child(user.tenant(), i.childId()).filter(scope::covers).isPresent())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static String redirect(Incident incident) {
		return "redirect:" + PATH + "/" + incident.number();
	}

}
