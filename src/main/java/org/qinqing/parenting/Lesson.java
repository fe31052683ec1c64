package org.qinqing.parenting;

import java.util.List;
import java.util.Set;

/**
 * One lesson of the programme, as its file says ({@link LessonFiles} checked it).
 *
 * @param order its place in the school year's programme (1 = the autumn term's first week)
 * @param grades the grade band, {@code from..to} inclusive
 * @param seasons when it is timely; empty: any time
 * @param audio a path under {@code bot-scripts/}, or empty
 */
public record Lesson(String id, int order, String title, String topic, Audience audience, int gradeFrom, int gradeTo,
		Set<Season> seasons, List<String> keywords, String summary, String body, Question question, String audio) {

	public Lesson {
		seasons = Set.copyOf(seasons);
		keywords = List.copyOf(keywords);
		audio = audio == null ? "" : audio;
	}

	/**
	 * @param answer the right option, 1-based
	 * @param right said when answered right; {@code wrong} when not (it says the right answer)
	 */
	public record Question(String ask, List<String> options, int answer, String right, String wrong) {

		public Question {
			options = List.copyOf(options);
		}

		public boolean isRight(int choice) {
			return choice == this.answer;
		}

	}

	/** Whether a child in this grade is in the lesson's band. */
	boolean fitsGrade(int grade) {
		return grade >= this.gradeFrom && grade <= this.gradeTo;
	}

	/** The body's lines, for the page (one idea per line). */
	public List<String> lines() {
		return this.body.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

}
