package org.qinqing.emergency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qinqing.conversation.Wording;
import org.qinqing.people.Child;
import org.qinqing.people.Person;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.BotScripts;
import org.qinqing.system.SchoolTime;
import org.springframework.stereotype.Component;

/** The words of an incident in chat ({@code bot-scripts/emergency.yaml}): who, what, where, when, and phone lists. */
@Component
class IncidentWording {

	static final String PREFIX = "emergency.";

	private static final java.util.List<String> KEYS = java.util.List.of("words-report", "words-ack", "words-called",
			"words-sent", "report-list", "report-name", "not-found", "no-children", "places", "reported", "told",
			"told-nobody", "to-phone", "watch", "phone-line", "phone-none", "person-label", "no-phone", "school", "family",
			"family-link", "title-family", "status-family", "acknowledged", "nothing-open", "reporter-unreachable",
			"reporter-failed", "reporter-call-GUARDIANS", "reporter-call-PARENTS", "alarm-GUARDIANS", "alarm-PARENTS",
			"leaders-reported", "authority-alarm", "title-alert", "status-alert", "call-usage",
			"call-recorded", "none-open", "which-open", "sent-recorded", "sent-already", "relations", "parent-relations",
			"what.其他", "today-none", "today-open", "today-step", "today-more", "today-MET", "today-LATE", "today-PENDING");

	private final BotScripts scripts;

	private final Wording wording;

	private final SchoolRecords records;

	private final EmergencyProperties properties;

	IncidentWording(BotScripts scripts, Wording wording, SchoolRecords records, EmergencyProperties properties) {
		this.scripts = scripts;
		this.wording = wording;
		this.records = records;
		this.properties = properties;
		// every word the incidents say, checked at start: a missing one stops it naming the file and the key
		for (String key : KEYS) {
			scripts.require(PREFIX + key);
		}
	}

	String text(String key) {
		return this.scripts.text(PREFIX + key);
	}

	String text(String key, Map<String, ?> params) {
		return this.scripts.text(PREFIX + key, params);
	}

	List<String> strings(String key) {
		return this.scripts.strings(PREFIX + key);
	}

	/** The placeholders every incident text may use: number, child, class, kind, place, description, time, phone. */
	Map<String, Object> params(String tenant, Incident incident) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("number", incident.number());
		java.util.Optional<Child> child = this.records.child(tenant, incident.childId());
		p.put("child", child.map(this.wording::givenName).orElse(""));
		p.put("fullName", child.map(Child::name).orElse(""));
		p.put("class", this.records.schoolClass(tenant, incident.classId()).map(SchoolClass::name).orElse(""));
		p.put("kind", incident.kind());
		p.put("what", what(incident.kind()));
		p.put("place", incident.place());
		p.put("description", incident.description());
		p.put("time", this.wording.shortWhen(SchoolTime.local(incident.reported())));
		p.put("hour", this.wording.time(SchoolTime.local(incident.reported())));
		p.put("reporter", reporterName(tenant, incident.reporterId()));
		p.put("phone", schoolPhone());
		return p;
	}

	/** 受伤了, 找不到了...: what happened as a sentence says it (其他's words for a kind the file does not name). */
	String what(String kind) {
		String key = PREFIX + "what." + kind;
		return this.scripts.has(key) ? this.scripts.text(key) : text("what.其他");
	}

	String schoolPhone() {
		return this.properties.schoolPhone().isBlank() ? text("no-phone") : this.properties.schoolPhone();
	}

	String reporterName(String tenant, String personId) {
		return personName(tenant, personId).orElse(text("school"));
	}

	java.util.Optional<String> personName(String tenant, String personId) {
		if (personId == null || personId.isEmpty()) {
			return java.util.Optional.empty();
		}
		return this.records.person(tenant, personId).map(Person::name).filter(name -> !name.isBlank());
	}

	/** One line per contact: 奶奶 林秀英 13800001234 (or 没有登记电话). */
	String phoneList(List<FamilyPhones.Contact> contacts) {
		StringBuilder lines = new StringBuilder();
		for (FamilyPhones.Contact c : contacts) {
			lines.append(lines.isEmpty() ? "" : "\n")
				.append(text("phone-line", Map.of("relation", c.relation(), "name", c.name(), "phone",
						c.phone().isEmpty() ? text("phone-none") : c.phone())));
		}
		return lines.toString();
	}

	String list(List<String> items) {
		return this.wording.list(items);
	}

	/** 奶奶（林秀英）、父亲: who was told, for the reporter. */
	String names(String tenant, List<String> personIds) {
		return this.wording.list(personIds.stream()
			.map(id -> this.records.person(tenant, id)
				.map(p -> p.relation().isBlank() ? p.name()
						: text("person-label", Map.of("relation", p.relation(), "name", p.name())))
				.orElse(id))
			.toList());
	}

}
