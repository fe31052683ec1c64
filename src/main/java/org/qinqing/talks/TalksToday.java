package org.qinqing.talks;

import java.util.Map;
import java.util.Optional;

import org.qinqing.console.TodayFigure;
import org.qinqing.system.BotScripts;
import org.qinqing.system.PersonLinks;
import org.springframework.stereotype.Component;

/** 今日概况's line of talks: the children still owed a talk this month, the teachers behind, the school days left. */
@Component
class TalksToday implements TodayFigure {

	private static final String P = "talks.";

	private final TalksCompliance compliance;

	private final BotScripts scripts;

	private final PersonLinks links;

	TalksToday(TalksCompliance compliance, BotScripts scripts, PersonLinks links) {
		this.compliance = compliance;
		this.scripts = scripts;
		this.links = links;
		scripts.require(P + "today-figure", P + "today-figure-done", P + "today-figure-holiday");
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public Optional<String> line(String tenant, String leaderId) {
		TalksCompliance.OwedSummary owed = this.compliance.owedThisMonth(tenant);
		String link = Optional.ofNullable(this.links.absolute(TalksController.PATH)).orElse(TalksController.PATH);
		if (!owed.owes()) {
			return Optional.of(this.scripts.text(P + "today-figure-holiday", Map.of("link", link)));
		}
		if (owed.children() == 0) {
			return Optional.of(this.scripts.text(P + "today-figure-done", Map.of("owed", owed.owed(), "link", link)));
		}
		return Optional.of(this.scripts.text(P + "today-figure", Map.of("children", owed.children(), "owed",
				owed.owed(), "teachers", owed.teachersBehind(), "days", owed.schoolDaysLeft(), "link", link)));
	}

}
