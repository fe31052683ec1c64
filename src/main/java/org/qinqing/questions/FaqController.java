package org.qinqing.questions;

import java.util.List;
import java.util.Optional;

import org.qinqing.console.CurrentStaff;
import org.qinqing.console.StaffUser;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 常见问题 (admins): try a question and see what the chat would do with it, the three best topics and their
 * scores; and {@code GET /api/faq/match?q=...}, the same as JSON. Both admin-only (console security); the
 * question is neither stored nor logged.
 */
@Controller
class FaqController {

	static final String FAQ_VIEW = "questions/faq";

	/** A question longer than this is cut before matching (the matcher reads the first 200 characters anyway). */
	private static final int MAX_QUESTION = 500;

	/** The API's answer: {@code {"answered": true, "matches": [{"id": "call-booking", "score": 0.83}, ...]}}. */
	record MatchBody(boolean answered, List<FaqMatch.Scored> matches) {
	}

	/** A row of the page's table: the topic with its score. */
	record Row(int rank, String id, String title, double score) {
	}

	private final FaqMatcher matcher;

	FaqController(FaqMatcher matcher) {
		this.matcher = matcher;
	}

	@GetMapping(path = "/api/faq/match", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	MatchBody match(@RequestParam("q") String question) {
		StaffUser user = CurrentStaff.require();
		FaqMatch match = this.matcher.match(user.tenant(), cut(question));
		return new MatchBody(match.answered(), match.matches());
	}

	@GetMapping("/console/admin/faq")
	String page(@RequestParam(name = "q", required = false) String question, Model model) {
		StaffUser user = CurrentStaff.require();
		FaqContent content = this.matcher.content(user.tenant());
		model.addAttribute("user", user);
		model.addAttribute("topics", content.topics());
		model.addAttribute("threshold", this.matcher.threshold());
		model.addAttribute("margin", this.matcher.margin());
		String q = question == null ? "" : cut(question).strip();
		model.addAttribute("q", q);
		if (!q.isEmpty()) {
			FaqMatch match = this.matcher.match(user.tenant(), q);
			List<FaqMatch.Scored> matches = match.matches();
			model.addAttribute("answered", match.answered());
			model.addAttribute("rows", java.util.stream.IntStream.range(0, matches.size())
				.mapToObj(i -> new Row(i + 1, matches.get(i).id(),
						content.topic(matches.get(i).id()).map(FaqTopic::title).orElse(""), matches.get(i).score()))
				.toList());
			Optional<FaqTopic> reply = match.answered() ? content.topic(matches.get(0).id()) : Optional.empty();
			model.addAttribute("reply", reply.orElse(null));
		}
		return FAQ_VIEW;
	}

	private static String cut(String question) {
		return question.length() > MAX_QUESTION ? question.substring(0, MAX_QUESTION) : question;
	}

}
