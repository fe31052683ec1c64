package org.qinqing.today;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.console.TodayFigure;
import org.qinqing.conversation.Command;
import org.qinqing.conversation.Wording;
import org.qinqing.people.Role;
import org.qinqing.system.BotScripts;
import org.qinqing.system.SchoolTime;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code 今日概况} for a school leader: a heading with today's date, then one line per {@link TodayFigure}, in their
 * order; a figure with nothing to say is left out.
 */
@Configuration(proxyBeanMethods = false)
class TodayOverviewChat {

	private final List<TodayFigure> figures;

	private final BotScripts scripts;

	private final Wording wording;

	private final java.time.Clock clock;

	TodayOverviewChat(ObjectProvider<TodayFigure> figures, BotScripts scripts, Wording wording,
			java.time.Clock clock) {
		this.figures = figures.orderedStream().sorted(Comparator.comparingInt(TodayFigure::order)).toList();
		this.scripts = scripts;
		this.wording = wording;
		this.clock = clock;
		scripts.require("today.heading", "today.nothing");
	}

	@Bean
	Command todayOverviewCommand() {
		List<String> words = this.scripts.strings("today.words");
		return new Command("today-overview", EnumSet.of(Role.ADMIN), words::contains,
				(input, context) -> Command.Outcome.reply(overview(context.tenant(), context.identity().personId())));
	}

	private String overview(String tenant, String leaderId) {
		StringBuilder text = new StringBuilder(this.scripts.text("today.heading",
				Map.of("day", this.wording.day(SchoolTime.today(this.clock)))));
		int lines = 0;
		for (TodayFigure figure : this.figures) {
			Optional<String> line = figure.line(tenant, leaderId);
			if (line.isPresent() && !line.get().isBlank()) {
				text.append("\n\n").append(line.get().strip());
				lines++;
			}
		}
		if (lines == 0) {
			text.append("\n").append(this.scripts.text("today.nothing"));
		}
		return text.toString();
	}

}
