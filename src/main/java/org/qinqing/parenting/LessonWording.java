package org.qinqing.parenting;

import java.util.HashMap;
import java.util.Map;

import org.qinqing.system.BotScripts;
import org.springframework.stereotype.Component;

/** A lesson as the chat and the push say it, worded in {@code bot-scripts/parenting.yaml}. */
@Component
class LessonWording {

	static final String PREFIX = "parenting.";

	private final BotScripts scripts;

	LessonWording(BotScripts scripts) {
		this.scripts = scripts;
		scripts.require(PREFIX + "push-text", PREFIX + "push-title", PREFIX + "push-how", PREFIX + "link",
				PREFIX + "option", PREFIX + "lesson", PREFIX + "right", PREFIX + "wrong");
	}

	/** The question with its numbered options. */
	String question(Lesson lesson) {
		StringBuilder text = new StringBuilder(lesson.question().ask());
		for (int i = 0; i < lesson.question().options().size(); i++) {
			text.append('\n').append(text("option", Map.of("n", i + 1, "option", lesson.question().options().get(i))));
		}
		return text.toString();
	}

	/** The weekly push's text: the summary, the question, how to answer in chat, the link. */
	String push(Lesson lesson, String link) {
		Map<String, Object> p = params(lesson, link);
		return text("push-text", p);
	}

	/** The chat's lesson: a lead (这周的课, 上一课...), the summary, the question to answer with a number, the link. */
	String chat(String lead, Lesson lesson, String link) {
		Map<String, Object> p = params(lesson, link);
		p.put("lead", lead);
		return text("lesson", p);
	}

	String pushTitle() {
		return text("push-title", Map.of());
	}

	String pushHow() {
		return text("push-how", Map.of());
	}

	/** The kind reply to an answer: the lesson's own right or wrong words. */
	String verdict(Lesson lesson, boolean right) {
		return text(right ? "right" : "wrong",
				Map.of("reply", right ? lesson.question().right() : lesson.question().wrong()));
	}

	String text(String key, Map<String, ?> params) {
		return this.scripts.text(PREFIX + key, params);
	}

	private Map<String, Object> params(Lesson lesson, String link) {
		Map<String, Object> p = new HashMap<>();
		p.put("title", lesson.title());
		p.put("topic", lesson.topic());
		p.put("summary", lesson.summary());
		p.put("question", question(lesson));
		p.put("ask", lesson.question().ask());
		p.put("link", link == null ? "" : text("link", Map.of("url", link)));
		return p;
	}

}
