package org.qinqing.emergency;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.qinqing.people.CareScope;
import org.qinqing.people.Child;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.SchoolTime;
import org.springframework.stereotype.Component;

/** This term's incidents a scope looks after, and how many of each step met its deadline: three round trips. */
@Component
class TermFigures {

	/** The term's figures: incidents, open ones, and per step those met and those late. */
	record Figures(int incidents, int open, Map<ChainStep, Integer> met, Map<ChainStep, Integer> late) {
	}

	private final Incidents incidents;

	private final SchoolRecords records;

	private final EmergencyProperties properties;

	private final Clock clock;

	TermFigures(Incidents incidents, SchoolRecords records, EmergencyProperties properties, Clock clock) {
		this.incidents = incidents;
		this.records = records;
		this.properties = properties;
		this.clock = clock;
	}

	Figures thisTerm(String tenant, CareScope scope) {
		List<Incident> term = this.incidents.since(tenant, scope,
				SchoolTime.instant(SchoolTerm.start(SchoolTime.today(this.clock)).atStartOfDay()));
		if (!scope.everyone() && !term.isEmpty()) {
			// a child's set may hold an incident of a child since moved to another class: the record decides
			Map<String, Child> children = this.records.children(tenant, term.stream().map(Incident::childId).toList());
			term = term.stream().filter(i -> children.get(i.childId()) != null && scope.covers(children.get(i.childId())))
				.toList();
		}
		Map<ChainStep, Integer> met = new EnumMap<>(ChainStep.class);
		Map<ChainStep, Integer> late = new EnumMap<>(ChainStep.class);
		for (ChainStep step : ChainStep.values()) {
			met.put(step, 0);
			late.put(step, 0);
		}
		for (Incident incident : term) {
			for (ChainStep step : ChainStep.values()) {
				switch (incident.outcome(step, this.properties.deadline(step))) {
					case MET -> met.merge(step, 1, Integer::sum);
					case LATE -> late.merge(step, 1, Integer::sum);
					default -> {
					}
				}
			}
		}
		return new Figures(term.size(), (int) term.stream().filter(Incident::open).count(), met, late);
	}

}
