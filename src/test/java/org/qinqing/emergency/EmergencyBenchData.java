package org.qinqing.emergency;

import java.time.Duration;
import java.time.Instant;

import org.springframework.context.ApplicationContext;

/**
 * Seeds incidents for {@link org.qinqing.bench.EmergencyBenchmark}: a county's term, written through the store as a
 * report is (its jobs included), most of them done and closed, a few open.
 */
public final class EmergencyBenchData {

	private final Incidents incidents;

	private final ChildFinder finder;

	public EmergencyBenchData(ApplicationContext app) {
		this.incidents = app.getBean(Incidents.class);
		this.finder = app.getBean(ChildFinder.class);
	}

	/** A leader's name typed in 紧急: the children of the whole tenant it finds. */
	public int named(String tenant, String name) {
		return ChildFinder.named(this.finder.children(tenant, org.qinqing.people.CareScope.EVERYONE), name).size();
	}

	/** An incident of {@code childId} reported at {@code at}; closed with its steps done unless {@code open}. */
	public String incident(String tenant, String childId, String classId, String teacherId, Instant at, boolean open) {
		String number = this.incidents.report(tenant, new Incidents.Report(childId, classId, "受伤", "学校医务室",
				"课间摔倒，膝盖擦伤", teacherId, "teacher"), at);
		this.incidents.acknowledge(tenant, number, ChainStep.GUARDIANS, "g-" + childId, new IncidentEvent(
				IncidentEvent.Type.ACKNOWLEDGED, at.plus(Duration.ofMinutes(8)), "", ChainStep.GUARDIANS, "", "chat", ""));
		if (!open) {
			this.incidents.acknowledge(tenant, number, ChainStep.PARENTS, "", new IncidentEvent(IncidentEvent.Type.CALLED,
					at.plus(Duration.ofMinutes(40)), teacherId, ChainStep.PARENTS, "", "父亲", ""));
			this.incidents.acknowledge(tenant, number, ChainStep.AUTHORITY, "report-sent", new IncidentEvent(
					IncidentEvent.Type.REPORT_SENT, at.plus(Duration.ofMinutes(80)), "", ChainStep.AUTHORITY, "", "", ""));
			this.incidents.close(tenant, this.incidents.incident(tenant, number).orElseThrow(), "", "已处理",
					at.plus(Duration.ofHours(3)));
		}
		return number;
	}

}
