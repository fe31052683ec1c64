package org.qinqing.emergency;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qinqing.notify.Addressed;
import org.qinqing.notify.Enqueued;
import org.qinqing.notify.Message;
import org.qinqing.people.ChildRole;
import org.qinqing.people.ChildRoles;
import org.qinqing.people.SchoolRecords;
import org.qinqing.notify.Outbox;
import org.springframework.stereotype.Component;

/**
 * Who is told what about an incident, always urgently (quiet hours do not hold it): the child's guardians, then its
 * parents, each with their own acknowledgement link; the reporter of whoever could not be reached, with the numbers
 * to phone; the head teacher and the leaders when a step's alarm goes; the leaders of the report to the authority.
 * Every message is keyed by incident, event and person, so a job or a retry that runs twice sends once; each notice
 * and each person out of reach goes onto the timeline once.
 */
@Component
class IncidentNotices {

	private final Outbox outbox;

	private final ChildRoles roles;

	private final SchoolRecords records;

	private final Incidents incidents;

	private final IncidentWording wording;

	private final IncidentLinks links;

	private final FamilyPhones phones;

	private final Clock clock;

	IncidentNotices(Outbox outbox, ChildRoles roles, SchoolRecords records, Incidents incidents,
			IncidentWording wording, IncidentLinks links, FamilyPhones phones, Clock clock) {
		this.outbox = outbox;
		this.roles = roles;
		this.records = records;
		this.incidents = incidents;
		this.wording = wording;
		this.links = links;
		this.phones = phones;
		this.clock = clock;
	}

	/**
	 * What telling the family came to: the people reached, and those out of reach, with the numbers to phone
	 * (those of the step's contact card too when nobody of a step is registered at all).
	 */
	record Told(List<String> reached, List<FamilyPhones.Contact> toPhone) {

		boolean anyone() {
			return !this.reached.isEmpty() || !this.toPhone.isEmpty();
		}

	}

	/**
	 * Tells the guardians, then the parents, and the leaders of the draft report. New events only go onto the
	 * timeline (a second run finds the notices queued already). {@code tellReporter}: push the numbers to phone to
	 * the reporter (a console report, or the safety net); in chat they are in the reply.
	 */
	Told family(String tenant, Incident incident, boolean tellReporter) {
		Map<String, Object> p = this.wording.params(tenant, incident);
		List<String> reached = new ArrayList<>();
		List<FamilyPhones.Contact> toPhone = new ArrayList<>();
		List<FamilyPhones.Contact> fresh = new ArrayList<>();
		for (ChainStep step : List.of(ChainStep.GUARDIANS, ChainStep.PARENTS)) {
			ChildRole role = step == ChainStep.GUARDIANS ? ChildRole.GUARDIANS : ChildRole.PARENTS;
			List<String> people = this.roles.people(tenant, incident.childId(), role);
			List<String> unreachable = new ArrayList<>();
			List<String> newlyUnreachable = new ArrayList<>();
			for (String personId : people) {
				Addressed addressed = this.outbox.toPerson(tenant, personId, familyMessage(tenant, incident, p, personId));
				for (Enqueued queued : addressed.queued()) {
					if (queued.queued()) {
						this.incidents.add(tenant, incident.number(), new IncidentEvent(IncidentEvent.Type.NOTIFIED,
								now(), "", step, personId, "", queued.messageId()));
					}
				}
				if (addressed.reachedSomeone()) {
					reached.add(personId);
				}
				for (Addressed.Unreachable u : addressed.unreachable()) {
					unreachable.add(u.personId());
					if (!incident.hasEvent(IncidentEvent.Type.UNREACHABLE, u.personId())) {
						newlyUnreachable.add(u.personId());
						this.incidents.add(tenant, incident.number(), new IncidentEvent(IncidentEvent.Type.UNREACHABLE,
								now(), "", step, u.personId(), u.reason().name(), ""));
					}
				}
			}
			toPhone.addAll(this.phones.of(tenant, incident.childId(), step, unreachable));
			fresh.addAll(this.phones.of(tenant, incident.childId(), step, newlyUnreachable));
			if (people.isEmpty()) {
				// nobody of the step registered: the card's numbers are all there is
				List<FamilyPhones.Contact> card = this.phones.of(tenant, incident.childId(), step);
				toPhone.addAll(card);
				if (!incident.hasEvent(IncidentEvent.Type.UNREACHABLE, step.name())) {
					fresh.addAll(card);
					this.incidents.add(tenant, incident.number(), new IncidentEvent(IncidentEvent.Type.UNREACHABLE,
							now(), "", step, step.name(), "NONE", ""));
				}
			}
		}
		if (tellReporter && !fresh.isEmpty()) {
			toPhone(tenant, incident, fresh, "unreachable");
		}
		tellLeaders(tenant, incident, "leaders-reported", "reported");
		return new Told(reached, toPhone);
	}

	/** The numbers to phone, to the reporter (the leaders when the report came from an account of nobody's). */
	void toPhone(String tenant, Incident incident, List<FamilyPhones.Contact> contacts, String event) {
		Map<String, Object> p = this.wording.params(tenant, incident);
		p.put("phones", this.wording.phoneList(contacts));
		String text = this.wording.text("reporter-" + event, p);
		String who = String.join("+", contacts.stream()
			.map(c -> c.personId().isEmpty() ? c.relation() + c.phone().hashCode() : c.personId())
			.toList());
		Message message = message(incident, p, tenant, "emergency-alert", event + "-" + who, text,
				"title-alert", "status-alert").urgently();
		this.outbox.toPeople(tenant, reporterOrLeaders(tenant, incident), message);
	}

	/** A step's alarm: the head teacher and the leaders (and the reporter, who is phoning meanwhile). */
	void alarm(String tenant, Incident incident, ChainStep step) {
		Set<String> people = new LinkedHashSet<>(this.roles.people(tenant, incident.childId(), ChildRole.HEAD_TEACHER));
		people.addAll(this.records.leaders(tenant));
		people.remove(incident.reporterId());
		Map<String, Object> p = this.wording.params(tenant, incident);
		p.put("link", this.links.console(incident.number()));
		this.outbox.toPeople(tenant, people, message(incident, p, tenant, "emergency-alert", "alarm-" + step.name(),
				this.wording.text("alarm-" + step.name(), p), "title-alert", "status-alert").urgently());
	}

	/** The leaders, of the report drafted (at report time) or still not sent (its alarm). */
	void tellLeaders(String tenant, Incident incident, String key, String event) {
		Map<String, Object> p = this.wording.params(tenant, incident);
		p.put("link", this.links.console(incident.number()));
		this.outbox.toPeople(tenant, this.records.leaders(tenant), message(incident, p, tenant, "emergency-alert", event,
				this.wording.text(key, p), "title-alert", "status-alert").urgently());
	}

	private Set<String> reporterOrLeaders(String tenant, Incident incident) {
		Set<String> people = new LinkedHashSet<>();
		if (!incident.reporterId().isEmpty() && this.records.person(tenant, incident.reporterId()).isPresent()) {
			people.add(incident.reporterId());
		}
		else {
			people.addAll(this.records.leaders(tenant));
		}
		return people;
	}

	private Message familyMessage(String tenant, Incident incident, Map<String, Object> p, String personId) {
		String link = this.links.forFamily(tenant, incident.number(), personId);
		// the link is the person's own: opening it is their 收到 (a template message carries it as its page)
		String text = this.wording.text("family", p)
				+ (link == null ? "" : "\n" + this.wording.text("family-link", Map.of("link", link)));
		Message message = message(incident, p, tenant, "emergency", "family-" + personId, text, "title-family",
				"status-family");
		return (link == null ? message : message.linking(link)).urgently();
	}

	/** A message keyed by incident and event; its template fields from the incident's words {@code p}. */
	private Message message(Incident incident, Map<String, Object> p, String tenant, String kind, String event,
			String text, String titleKey, String statusKey) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("child", Message.field(String.valueOf(p.get("child"))));
		fields.put("time", Message.field(String.valueOf(p.get("time"))));
		fields.put("status", Message.field(this.wording.text(statusKey)));
		return Message.of(kind, "emergency:" + tenant + ":" + incident.number() + ":" + event, text,
				this.wording.text(titleKey), fields);
	}

	private Instant now() {
		return this.clock.instant();
	}

}
