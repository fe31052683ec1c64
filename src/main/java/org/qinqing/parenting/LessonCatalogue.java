package org.qinqing.parenting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The school year's lessons, read and checked once at start ({@link LessonFiles}; a bad file stops the start), with
 * the season calendar and the selection rules over them.
 */
@Component
public class LessonCatalogue {

	private static final Logger log = LoggerFactory.getLogger(LessonCatalogue.class);

	private final List<Lesson> lessons;

	private final Map<String, Lesson> byId = new LinkedHashMap<>();

	private final Map<String, Lesson> byKeyword = new LinkedHashMap<>();

	private final SeasonCalendar calendar;

	private final LessonSelection selection;

	@Autowired
	LessonCatalogue(LessonsProperties properties) {
		this(LessonFiles.load(properties.location()), SpringFestivals.fromClasspath());
	}

	LessonCatalogue(List<Lesson> lessons, SpringFestivals festivals) {
		this.lessons = List.copyOf(lessons);
		for (Lesson lesson : this.lessons) {
			this.byId.put(lesson.id(), lesson);
			// a keyword two lessons share pulls the earlier one in the programme
			lesson.keywords().forEach(word -> this.byKeyword.putIfAbsent(word, lesson));
		}
		this.calendar = new SeasonCalendar(festivals);
		this.selection = new LessonSelection(this.lessons, this.calendar);
		log.info("Parenting school: {} lessons", this.lessons.size());
	}

	/** Every lesson, in programme order. */
	public List<Lesson> all() {
		return this.lessons;
	}

	public Optional<Lesson> find(String id) {
		return Optional.ofNullable(id == null ? null : this.byId.get(id));
	}

	/** The lesson a keyword a user typed pulls (溺水, 手机), exactly as the lesson file spells it. */
	public Optional<Lesson> byKeyword(String word) {
		return Optional.ofNullable(this.byKeyword.get(word));
	}

	public SeasonCalendar calendar() {
		return this.calendar;
	}

	public LessonSelection selection() {
		return this.selection;
	}

}
