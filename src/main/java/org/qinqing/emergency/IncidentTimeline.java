package org.qinqing.emergency;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinqing.notify.DeliveryLog;
import org.qinqing.notify.Outbox;
import org.qinqing.people.Child;
import org.qinqing.people.Person;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.SchoolTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An incident as the console shows it: its facts, each step against its deadline, the timeline in words (each
 * notice with what became of it), and the draft report for the authority (who, what, when, what was done so far).
 * People are named by relation and name, staff by name; never a phone number or an openid.
 */
@Component
class IncidentTimeline {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** One line of the timeline: when, what kind (for its mark), and the words. */
	record Line(ZonedDateTime at, String type, String text, boolean warning) {
	}

	/** A step against its deadline. */
	record StepView(ChainStep step, ZonedDateTime due, ZonedDateTime done, Incident.Outcome outcome) {
	}

	/** Everything the page shows. */
	record View(Incident incident, String child, String fullName, String className, String reporter,
			ZonedDateTime reported, List<StepView> steps, List<Line> lines, String draft) {
	}

	private final SchoolRecords records;

	private final Outbox outbox;

	private final MessageSource messages;

	private final EmergencyProperties properties;

	IncidentTimeline(SchoolRecords records, Outbox outbox, MessageSource messages, EmergencyProperties properties) {
		this.records = records;
		this.outbox = outbox;
		this.messages = messages;
		this.properties = properties;
	}

	View view(String tenant, Incident incident) {
		Optional<Child> child = this.records.child(tenant, incident.childId());
		String className = this.records.schoolClass(tenant, incident.classId()).map(SchoolClass::name).orElse("");
		Set<String> ids = new HashSet<>();
		ids.add(incident.reporterId());
		ids.add(incident.closedBy());
		incident.events().forEach(e -> {
			ids.add(e.by());
			ids.add(e.person());
		});
		ids.remove("");
		Map<String, Person> people = this.records.people(tenant, ids);
		List<StepView> steps = new ArrayList<>();
		for (ChainStep step : ChainStep.values()) {
			steps.add(new StepView(step, SchoolTime.at(incident.reported().plus(this.properties.deadline(step))),
					incident.done(step).map(SchoolTime::at).orElse(null),
					incident.outcome(step, this.properties.deadline(step))));
		}
		List<Line> lines = new ArrayList<>();
		for (IncidentEvent e : incident.events()) {
			lines.add(new Line(SchoolTime.at(e.at()), e.type().name(), line(tenant, incident, e, people),
					e.type() == IncidentEvent.Type.UNREACHABLE || e.type() == IncidentEvent.Type.LATE
							|| e.type() == IncidentEvent.Type.ALERTED));
		}
		String reporter = name(people, incident.reporterId(), "emergency.school");
		String fullName = child.map(Child::name).orElse("");
		String given = child.map(c -> org.qinqing.people.PersonNames.givenName(c.name())).orElse("");
		return new View(incident, given, fullName, className, reporter, SchoolTime.at(incident.reported()), steps,
				lines, draft(tenant, incident, fullName, className, reporter, lines));
	}

	private String line(String tenant, Incident incident, IncidentEvent e, Map<String, Person> people) {
		String step = e.step() == null ? "" : message("emergency.step." + e.step().name());
		return switch (e.type()) {
			case REPORTED -> message("emergency.line.REPORTED", name(people, e.by(), "emergency.school"),
					incident.kind(), incident.place(), incident.description());
			case DRAFTED -> message("emergency.line.DRAFTED");
			case NOTIFIED -> message("emergency.line.NOTIFIED", family(people, e.person()), step,
					delivery(tenant, e.message()));
			case UNREACHABLE -> message("emergency.line.UNREACHABLE", "NONE".equals(e.detail())
					? message("emergency.nobody." + e.step().name()) : family(people, e.person()),
					message("emergency.reason." + e.detail().split(" ")[0]));
			case ACKNOWLEDGED -> message("emergency.line.ACKNOWLEDGED", family(people, e.person()),
					message("emergency.via." + e.detail()));
			case CALLED -> message("emergency.line.CALLED", name(people, e.by(), "emergency.school"),
					e.person().isEmpty() ? e.detail() : family(people, e.person()), step);
			case ALERTED -> message("emergency.line.ALERTED." + e.step().name());
			case LATE -> message("emergency.line.LATE", step);
			case REPORT_SENT -> message("emergency.line.REPORT_SENT", name(people, e.by(), "emergency.school"));
			case CLOSED -> message("emergency.line.CLOSED", name(people, e.by(), "emergency.school"), e.detail());
		};
	}

	/** What became of a notice: sent (and read), waiting, or failed with WeChat's code. */
	private String delivery(String tenant, String messageId) {
		if (messageId.isEmpty()) {
			return message("emergency.delivery.none");
		}
		Optional<DeliveryLog> log = this.outbox.deliveryLog(tenant, messageId);
		if (log.isEmpty()) {
			return message("emergency.delivery.unknown");
		}
		DeliveryLog d = log.get();
		return switch (d.state()) {
			case SENT -> d.readAt() != null
					? message("emergency.delivery.read", TIME.format(SchoolTime.at(d.readAt())))
					: message("emergency.delivery.SENT", d.sentAt() == null ? "" : TIME.format(SchoolTime.at(d.sentAt())));
			case FAILED, SKIPPED -> message("emergency.delivery.FAILED", d.errorCode());
			default -> message("emergency.delivery.QUEUED");
		};
	}

	/** The report for the education authority and the township, to copy: who, what, when, where, what was done. */
	private String draft(String tenant, Incident incident, String fullName, String className, String reporter,
			List<Line> lines) {
		StringBuilder actions = new StringBuilder();
		for (Line line : lines) {
			if (!"REPORTED".equals(line.type()) && !"DRAFTED".equals(line.type())) {
				actions.append('\n').append(DAY_TIME.format(line.at())).append(' ').append(line.text());
			}
		}
		String school = this.records.schools(tenant).values().stream().map(org.qinqing.people.School::name).findFirst()
			.orElse("");
		return message("emergency.draft", school, className, fullName, incident.kind(),
				DAY_TIME.format(SchoolTime.at(incident.reported())), incident.place(), incident.description(), reporter,
				actions.isEmpty() ? message("emergency.draft.noActions") : actions.toString());
	}

	private String family(Map<String, Person> people, String personId) {
		Person p = people.get(personId);
		if (p == null) {
			return message("emergency.someone");
		}
		return p.relation().isBlank() ? p.name() : message("emergency.person", p.relation(), p.name());
	}

	private String name(Map<String, Person> people, String personId, String otherwise) {
		Person p = people.get(personId);
		return p == null || p.name().isBlank() ? message(otherwise) : p.name();
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

}
