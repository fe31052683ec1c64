package org.qinqing.emergency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.console.TodayFigure;
import org.springframework.stereotype.Component;

/** 今日概况's line of incidents: those open, each with where its three steps stand, and the console's list. */
@Component
class IncidentsToday implements TodayFigure {

	private final Incidents incidents;

	private final IncidentWording words;

	private final IncidentLinks links;

	private final EmergencyProperties properties;

	IncidentsToday(Incidents incidents, IncidentWording words, IncidentLinks links, EmergencyProperties properties) {
		this.incidents = incidents;
		this.words = words;
		this.links = links;
		this.properties = properties;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public Optional<String> line(String tenant, String leaderId) {
		// the open incidents are few at any time: one read of the set, one pipeline of them
		List<Incident> open = this.incidents.open(tenant);
		String link = this.links.console("");
		if (open.isEmpty()) {
			return Optional.of(this.words.text("today-none", Map.of("link", link)));
		}
		List<String> steps = new ArrayList<>();
		for (Incident incident : open) {
			Map<String, Object> p = this.words.params(tenant, incident);
			for (ChainStep step : ChainStep.values()) {
				p.put(step.name(), this.words.text("today-" + incident.outcome(step, this.properties.deadline(step)).name()));
			}
			steps.add(this.words.text("today-step", p));
		}
		return Optional.of(this.words.text("today-open",
				Map.of("count", open.size(), "steps", this.words.list(steps), "link", link)));
	}

}
