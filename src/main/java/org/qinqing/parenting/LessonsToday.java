package org.qinqing.parenting;

import java.util.Map;
import java.util.Optional;

import org.qinqing.console.TodayFigure;
import org.qinqing.system.BotScripts;
import org.qinqing.system.PersonLinks;
import org.springframework.stereotype.Component;

/** 今日概况's line of the parenting school: this lesson week's and this term's reach against the target. */
@Component
class LessonsToday implements TodayFigure {

	private static final String LINE = LessonWording.PREFIX + "today-figure";

	private final ParentingFigures figures;

	private final BotScripts scripts;

	private final PersonLinks links;

	private final LessonsProperties properties;

	LessonsToday(ParentingFigures figures, BotScripts scripts, PersonLinks links, LessonsProperties properties) {
		this.figures = figures;
		this.scripts = scripts;
		this.links = links;
		this.properties = properties;
		scripts.require(LINE);
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public Optional<String> line(String tenant, String leaderId) {
		Reach.Figures reach = this.figures.schoolReach(tenant, "");
		if (reach.leftBehind() == 0) {
			return Optional.empty();
		}
		String link = Optional.ofNullable(this.links.absolute(ReachController.PATH)).orElse(ReachController.PATH);
		return Optional.of(this.scripts.text(LINE, Map.of("week", percent(reach.thisWeekPercent()), "term",
				percent(reach.reachedPercent()), "target", this.properties.target(), "link", link)));
	}

	private static String percent(double value) {
		return value == Math.rint(value) ? String.valueOf((long) value) : String.format("%.1f", value);
	}

}
