package org.qinqing.emergency;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qinqing.console.StaffRole;
import org.qinqing.people.CareScope;
import org.qinqing.system.SchoolTime;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo school starts with one closed incident this term, its whole timeline on its page, each step in time. */
class DemoIncidentsTests extends EmergencyTestSupport {

	@Autowired
	DemoIncidents demo;

	@Autowired
	EmergencyProperties properties;

	@Test
	void theDemoHasOneClosedIncidentThisTermWithItsTimeline() {
		List<Incident> term = this.incidents.since(EMERGENCY, CareScope.EVERYONE,
				SchoolTime.instant(SchoolTerm.start(SchoolTime.today(java.time.Clock.systemUTC())).atStartOfDay()));
		List<Incident> demoOnes = term.stream().filter(i -> i.description().startsWith("课间在操场跑步摔倒")).toList();
		assertThat(demoOnes).hasSize(1);
		Incident incident = demoOnes.get(0);
		assertThat(incident.open()).isFalse();
		for (ChainStep step : ChainStep.values()) {
			assertThat(incident.outcome(step, this.properties.deadline(step))).as(step.name()).isEqualTo(Incident.Outcome.MET);
		}
		// seeded once a term, however often the demo starts (on the real clock, as the demo's start was)
		this.clock.reset();
		assertThat(this.demo.seed(EMERGENCY, List.of(), java.util.Set.of())).isEmpty();
		String page = console(this.leaderId, StaffRole.ADMIN).get("/console/incidents/" + incident.number()).body();
		assertThat(page).contains("上报：受伤，孩子现在在学校医务室", "确认收到（微信回复「收到」）", "打了电话",
				"记录：已上报教育局和乡镇", "结束了这件事", "已结束：");
		assertThat(incident.closed()).isPresent();
		assertThat(Duration.between(incident.reported(), incident.closed().get())).isEqualTo(Duration.ofHours(2));
	}

}
