package org.qinqing.parenting;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.qinqing.people.Person;
import org.qinqing.people.SchoolRecords;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A lesson's page for one person, the link of the weekly push and of the chat ({@link LessonLinks}): public, no
 * sign-in, the signature naming the lesson and the person is the key. Opening it marks the lesson read for them
 * (the first time counts); the question is a plain form that posts the signature back (so no CSRF token and no
 * session, as on an asker's thread page), marks the lesson learned and says kindly whether it was right. A wrong
 * or altered link is 404, records nothing and costs no Redis read.
 */
@Controller
class LessonPageController {

	static final String VIEW = "parenting/lesson";

	static final String MISSING_VIEW = "parenting/missing";

	private final LessonCatalogue catalogue;

	private final LessonLinks links;

	private final Learners learners;

	private final SchoolRecords records;

	private final Clock clock;

	LessonPageController(LessonCatalogue catalogue, LessonLinks links, Learners learners, SchoolRecords records,
			Clock clock) {
		this.catalogue = catalogue;
		this.links = links;
		this.learners = learners;
		this.records = records;
		this.clock = clock;
	}

	@GetMapping(LessonLinks.PATH + "{tenant}/{lessonId}")
	String page(@PathVariable String tenant, @PathVariable String lessonId, @RequestParam(defaultValue = "") String p,
			@RequestParam(defaultValue = "") String s, Model model, HttpServletResponse response) {
		Optional<Lesson> lesson = signed(tenant, lessonId, p, s);
		if (lesson.isEmpty() || !isFamily(tenant, p)) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return MISSING_VIEW;
		}
		this.learners.read(tenant, p, lessonId, this.clock.instant());
		return show(tenant, lesson.get(), p, s, false, model);
	}

	@PostMapping(LessonLinks.PATH + "{tenant}/{lessonId}/answer")
	String answer(@PathVariable String tenant, @PathVariable String lessonId, @RequestParam(defaultValue = "") String p,
			@RequestParam(defaultValue = "") String s, @RequestParam(defaultValue = "") String choice, Model model,
			HttpServletResponse response) {
		Optional<Lesson> lesson = signed(tenant, lessonId, p, s);
		if (lesson.isEmpty() || !isFamily(tenant, p)) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return MISSING_VIEW;
		}
		int picked = parse(choice, lesson.get().question().options().size());
		if (picked == 0) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return show(tenant, lesson.get(), p, s, true, model);
		}
		this.learners.answered(tenant, p, lessonId, picked, lesson.get().question().isRight(picked),
				this.clock.instant());
		// the page again by GET, so a reload does not post twice; it shows the answer just given
		return "redirect:" + this.links.path(tenant, lessonId, p) + "#answer";
	}

	/** The lesson's audio, for those who would rather listen; the same link's signature opens it. */
	@GetMapping(LessonLinks.PATH + "{tenant}/{lessonId}/audio")
	void audio(@PathVariable String tenant, @PathVariable String lessonId, @RequestParam(defaultValue = "") String p,
			@RequestParam(defaultValue = "") String s, HttpServletResponse response) throws IOException {
		Optional<Lesson> lesson = signed(tenant, lessonId, p, s).filter(l -> !l.audio().isEmpty());
		if (lesson.isEmpty()) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		response.setContentType("audio/mpeg");
		try (InputStream in = new ClassPathResource("bot-scripts/" + lesson.get().audio()).getInputStream()) {
			in.transferTo(response.getOutputStream());
		}
	}

	private Optional<Lesson> signed(String tenant, String lessonId, String personId, String signature) {
		if (!this.links.valid(tenant, lessonId, personId, signature)) {
			return Optional.empty();
		}
		return this.catalogue.find(lessonId);
	}

	/** A link signed for someone no longer a parent or guardian of the school opens nothing. */
	private boolean isFamily(String tenant, String personId) {
		return this.records.person(tenant, personId).filter(Person::isFamily).isPresent();
	}

	private String show(String tenant, Lesson lesson, String personId, String signature, boolean unanswered,
			Model model) {
		History.Answer answer = this.learners.history(tenant, personId).answers().get(lesson.id());
		model.addAttribute("lesson", lesson);
		model.addAttribute("tenant", tenant);
		model.addAttribute("p", personId);
		model.addAttribute("s", signature);
		model.addAttribute("answer", answer);
		model.addAttribute("verdict", answer == null ? "" : answer.right() ? lesson.question().right()
				: lesson.question().wrong());
		model.addAttribute("unanswered", unanswered);
		model.addAttribute("audio", !lesson.audio().isEmpty());
		return VIEW;
	}

	private static int parse(String choice, int options) {
		try {
			int n = Integer.parseInt(choice.strip());
			return n >= 1 && n <= options ? n : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
