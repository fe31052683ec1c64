package org.qinqing.emergency;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qinqing.people.Access;
import org.qinqing.people.FamilyTie;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.springframework.stereotype.Service;

/**
 * What completes a chain step: a family member's 收到 (in chat, for every open incident of their children, or by
 * their signed link), a call a teacher made, and the report to the authority sent. The first of a step marks it done
 * with its time and cancels its alarm and deadline; a person's 收到 counts once, each call is on the timeline.
 */
@Service
class Acknowledgements {

	private final Incidents incidents;

	private final Access access;

	private final SchoolRecords records;

	private final Relations relations;

	private final Clock clock;

	Acknowledgements(Incidents incidents, Access access, SchoolRecords records, Relations relations, Clock clock) {
		this.incidents = incidents;
		this.access = access;
		this.records = records;
		this.relations = relations;
		this.clock = clock;
	}

	/** A family member's 收到 in chat: the open incidents of their children it acknowledged (none: nothing open). */
	List<Incident> fromChat(String tenant, String openid) {
		Map<String, FamilyTie> ties = this.access.familyOf(tenant, openid)
			.stream()
			.collect(Collectors.toMap(t -> t.child().id(), Function.identity(), (a, b) -> a));
		List<Incident> acknowledged = new ArrayList<>();
		for (Incident incident : this.incidents.openOf(tenant, ties.keySet())) {
			Person adult = ties.get(incident.childId()).adult();
			if (acknowledge(tenant, incident, adult, "chat") > 0) {
				acknowledged.add(incident);
			}
		}
		return acknowledged;
	}

	/** The signed link opened: false when the incident is closed, or the person is no family of its child. */
	boolean fromLink(String tenant, Incident incident, String personId) {
		Optional<Person> adult = this.records.person(tenant, personId)
			.filter(Person::isFamily)
			.filter(p -> p.childIds().contains(incident.childId()));
		return adult.isPresent() && acknowledge(tenant, incident, adult.get(), "link") > 0;
	}

	private int acknowledge(String tenant, Incident incident, Person adult, String how) {
		ChainStep step = adult.role() == Role.PARENT ? ChainStep.PARENTS : ChainStep.GUARDIANS;
		IncidentEvent event = new IncidentEvent(IncidentEvent.Type.ACKNOWLEDGED, this.clock.instant(), adult.id(), step,
				adult.id(), how, "");
		return this.incidents.acknowledge(tenant, incident.number(), step, adult.id(), event);
	}

	/**
	 * A phone call a teacher made, to the child's family member of {@code relation} (奶奶, 爸爸) at {@code at}: it
	 * counts for the guardians' or the parents' step, by who that is. False when the incident is closed.
	 */
	boolean call(String tenant, Incident incident, String relation, Instant at, String by) {
		Optional<Person> adult = this.relations.find(this.records.adultsOf(tenant, incident.childId()), relation);
		ChainStep step = adult.map(p -> p.role() == Role.PARENT ? ChainStep.PARENTS : ChainStep.GUARDIANS)
			.orElse(this.relations.isParent(relation) ? ChainStep.PARENTS : ChainStep.GUARDIANS);
		IncidentEvent event = new IncidentEvent(IncidentEvent.Type.CALLED, at, by, step,
				adult.map(Person::id).orElse(""), relation, "");
		return this.incidents.acknowledge(tenant, incident.number(), step, "", event) == 1;
	}

	/** The report to the authority recorded sent at {@code at}: false when it was already, or the incident closed. */
	boolean reportSent(String tenant, Incident incident, Instant at, String by) {
		IncidentEvent event = new IncidentEvent(IncidentEvent.Type.REPORT_SENT, at, by, ChainStep.AUTHORITY, "", "", "");
		return this.incidents.acknowledge(tenant, incident.number(), ChainStep.AUTHORITY, "report-sent", event) == 1;
	}

}
