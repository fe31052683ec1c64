package org.qinqing.emergency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.qinqing.people.Child;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.RedisKeys;
import org.qinqing.system.SchoolTime;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * The demo school's incident: one closed this term, with its whole timeline (reported, the family told, the
 * grandmother's 收到, a call to a parent, the report sent, closed), so the dashboard's tile and the incident's page
 * show something real on first start. Written straight onto the timeline, never through the outbox: nobody is
 * messaged, and closing it at once cancels the jobs its report scheduled (the demo loads before any poll).
 */
@Service
public class DemoIncidents {

	private final Incidents incidents;

	private final SchoolRecords records;

	private final StringRedisTemplate redis;

	private final Clock clock;

	DemoIncidents(Incidents incidents, SchoolRecords records, StringRedisTemplate redis, Clock clock) {
		this.incidents = incidents;
		this.records = records;
		this.redis = redis;
		this.clock = clock;
	}

	/**
	 * Adds the term's incident unless this term has one, for a left-behind child of {@code children} outside the
	 * families in {@code keepFree} (the simulator's personas start with nothing open). Returns its number, if added.
	 */
	public Optional<String> seed(String tenant, Collection<Child> children, Set<String> keepFree) {
		LocalDate today = SchoolTime.today(this.clock);
		LocalDate term = SchoolTerm.start(today);
		String marker = RedisKeys.of(tenant, "demo", "incident-term");
		if (term.toString().equals(this.redis.opsForValue().get(marker))) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Instant at = SchoolTime.instant(today.minusDays(12).atTime(10, 20));
		if (at.isBefore(SchoolTime.instant(term.atTime(10, 20)))) {
			at = SchoolTime.instant(term.atTime(10, 20));
		}
		if (at.isAfter(now.minus(Duration.ofHours(3)))) {
			at = now.minus(Duration.ofHours(3));
		}
		for (Child child : children) {
			if (!child.leftBehind().isLeftBehind() || keepFree.contains(child.familyId())) {
				continue;
			}
			List<Person> adults = this.records.adultsOf(tenant, child.id());
			Optional<Person> guardian = adults.stream().filter(p -> p.role() == Role.GUARDIAN).findFirst();
			Optional<Person> parent = adults.stream().filter(p -> p.role() == Role.PARENT).findFirst();
			Optional<String> teacher = this.records.schoolClass(tenant, child.classId())
				.map(SchoolClass::headTeacherId)
				.filter(id -> !id.isBlank());
			List<String> leaders = this.records.leaders(tenant);
			if (guardian.isEmpty() || parent.isEmpty() || teacher.isEmpty() || leaders.isEmpty()) {
				continue;
			}
			String number = write(tenant, child, guardian.get(), parent.get(), teacher.get(), leaders.get(0), at);
			this.redis.opsForValue().set(marker, term.toString());
			return Optional.of(number);
		}
		return Optional.empty();
	}

	private String write(String tenant, Child child, Person guardian, Person parent, String teacher, String leader,
			Instant at) {
		String number = this.incidents.report(tenant, new Incidents.Report(child.id(), child.classId(), "受伤",
				"学校医务室", "课间在操场跑步摔倒，右膝擦伤，校医已消毒包扎，孩子情绪稳定。", teacher, "teacher"), at);
		Incident incident = this.incidents.incident(tenant, number).orElseThrow();
		this.incidents.add(tenant, number, new IncidentEvent(IncidentEvent.Type.NOTIFIED, at.plusSeconds(40), "",
				ChainStep.GUARDIANS, guardian.id(), "", ""));
		this.incidents.add(tenant, number, new IncidentEvent(IncidentEvent.Type.NOTIFIED, at.plusSeconds(40), "",
				ChainStep.PARENTS, parent.id(), "", ""));
		Instant acked = at.plus(Duration.ofMinutes(6));
		this.incidents.acknowledge(tenant, number, ChainStep.GUARDIANS, guardian.id(), new IncidentEvent(
				IncidentEvent.Type.ACKNOWLEDGED, acked, guardian.id(), ChainStep.GUARDIANS, guardian.id(), "chat", ""));
		Instant called = at.plus(Duration.ofMinutes(24));
		this.incidents.acknowledge(tenant, number, ChainStep.PARENTS, "", new IncidentEvent(IncidentEvent.Type.CALLED,
				called, teacher, ChainStep.PARENTS, parent.id(), parent.relation(), ""));
		Instant sent = at.plus(Duration.ofMinutes(70));
		this.incidents.acknowledge(tenant, number, ChainStep.AUTHORITY, "report-sent", new IncidentEvent(
				IncidentEvent.Type.REPORT_SENT, sent, leader, ChainStep.AUTHORITY, "", "", ""));
		this.incidents.close(tenant, incident, leader, "伤口已处理，放学由家人接回家；第二天回访，孩子已正常上课。",
				at.plus(Duration.ofHours(2)));
		return number;
	}

}
