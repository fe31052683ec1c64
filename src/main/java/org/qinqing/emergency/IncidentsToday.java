package org.qinqing.emergency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.console.TodayFigure;
import org.qinqing.people.Child;
import org.qinqing.people.PersonNames;
import org.qinqing.people.SchoolRecords;
import org.springframework.stereotype.Component;

/** 今日概况's line of incidents: those open, each with where its three steps stand, and the console's list. */
@Component
class IncidentsToday implements TodayFigure {

	/** A chat line lists this many of the open incidents, the oldest; the console lists them all. */
	static final int LISTED = 5;

	private final Incidents incidents;

	private final IncidentWording words;

	private final IncidentLinks links;

	private final EmergencyProperties properties;

	private final SchoolRecords records;

	IncidentsToday(Incidents incidents, IncidentWording words, IncidentLinks links, EmergencyProperties properties,
			SchoolRecords records) {
		this.records = records;
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
		// the open incidents are few at any time: one read of the set, one pipeline of them, one of their children
		List<Incident> open = this.incidents.open(tenant);
		String link = this.links.console("");
		if (open.isEmpty()) {
			return Optional.of(this.words.text("today-none", Map.of("link", link)));
		}
		Map<String, Child> children = this.records.children(tenant, open.stream().map(Incident::childId).toList());
		List<String> steps = new ArrayList<>();
		for (Incident incident : open.subList(0, Math.min(LISTED, open.size()))) {
			Map<String, Object> p = new java.util.HashMap<>();
			p.put("number", incident.number());
			p.put("child", Optional.ofNullable(children.get(incident.childId()))
				.map(c -> PersonNames.givenName(c.name()))
				.orElse(""));
			for (ChainStep step : ChainStep.values()) {
				p.put(step.name(), this.words.text("today-" + incident.outcome(step, this.properties.deadline(step)).name()));
			}
			steps.add(this.words.text("today-step", p));
		}
		if (open.size() > LISTED) {
			steps.add(this.words.text("today-more", Map.of("count", open.size() - LISTED)));
		}
		return Optional.of(this.words.text("today-open",
				Map.of("count", open.size(), "steps", this.words.list(steps), "link", link)));
	}

}
