package org.qinqing.parenting;

import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

import org.qinqing.system.BotScripts;
import org.qinqing.talks.ChildNewsLine;
import org.springframework.stereotype.Component;

/** 孩子近况's line about the parenting school: how many lessons the child's family read this month. */
@Component
class LessonsReadNews implements ChildNewsLine {

	private static final String READ = LessonWording.PREFIX + "news-read";

	private static final String NONE = LessonWording.PREFIX + "news-none-read";

	private final ParentingFigures figures;

	private final BotScripts scripts;

	LessonsReadNews(ParentingFigures figures, BotScripts scripts) {
		this.figures = figures;
		this.scripts = scripts;
		scripts.require(READ, NONE);
	}

	@Override
	public Optional<String> line(String tenant, String childId, YearMonth month) {
		int read = this.figures.lessonsRead(tenant, childId, month);
		return Optional.of(read == 0 ? this.scripts.text(NONE, Map.of())
				: this.scripts.text(READ, Map.of("count", read)));
	}

}
