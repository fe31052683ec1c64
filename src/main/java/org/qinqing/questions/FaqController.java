package org.qinqing.questions;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.console.AuditLog;
import org.qinqing.console.CurrentStaff;
import org.qinqing.console.StaffUser;
import org.qinqing.system.SchoolTime;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 常见问题 (admins): try a question and see what the chat would do with it, the three best topics and their
 * scores; and {@code GET /api/faq/match?q=...}, the same as JSON. A topic's page ({@code /console/admin/faq/{id}})
 * edits its title, ways of asking and answer for this school, shows its history and goes back to an earlier version
 * or the file's text ({@link FaqEdits}, audited {@code faq-edit}, {@code faq-revert}). All admin-only (console
 * security); the question tried is neither stored nor logged.
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

	static final String TOPIC_VIEW = "questions/topic";

	static final String EDIT_ACTION = "faq-edit";

	static final String REVERT_ACTION = "faq-revert";

	private final FaqMatcher matcher;

	private final FaqEdits edits;

	private final AuditLog audit;

	FaqController(FaqMatcher matcher, FaqEdits edits, AuditLog audit) {
		this.matcher = matcher;
		this.edits = edits;
		this.audit = audit;
	}

	@GetMapping("/console/admin/faq/{id}")
	String topic(@PathVariable String id, Model model) {
		StaffUser user = CurrentStaff.require();
		FaqTopic topic = this.edits.topic(user.tenant(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return topicPage(user, topic, new FaqEdits.Draft(topic.title(), topic.asks(), topic.answer()), Map.of(), model);
	}

	@PostMapping("/console/admin/faq/{id}")
	String edit(@PathVariable String id, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String asks, @RequestParam(defaultValue = "") String answer, Model model,
			RedirectAttributes redirect) {
		StaffUser user = CurrentStaff.require();
		FaqTopic topic = this.edits.topic(user.tenant(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		FaqEdits.Draft draft = new FaqEdits.Draft(title, FaqEdits.Draft.lines(asks), answer);
		FaqEdits.Outcome outcome = this.edits.edit(user.tenant(), user, id, draft);
		if (!outcome.done()) {
			// what was typed stays in the form, as typed
			model.addAttribute("typedAsks", asks);
			model.addAttribute("typedAnswer", answer);
			return topicPage(user, topic, new FaqEdits.Draft(title, List.of(), answer), outcome.errors(), model);
		}
		this.audit.record(user, EDIT_ACTION, id + " v" + outcome.version());
		redirect.addFlashAttribute("saved", outcome.version());
		return "redirect:/console/admin/faq/" + id;
	}

	@PostMapping("/console/admin/faq/{id}/revert")
	String revert(@PathVariable String id, @RequestParam int version, RedirectAttributes redirect) {
		StaffUser user = CurrentStaff.require();
		if (this.edits.topic(user.tenant(), id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (!this.edits.revert(user.tenant(), user, id, version)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		this.audit.record(user, REVERT_ACTION, id + (version == 0 ? " file" : " v" + version));
		redirect.addFlashAttribute("reverted", version == 0 ? "file" : String.valueOf(version));
		return "redirect:/console/admin/faq/" + id;
	}

	@PostMapping("/console/admin/faq/{id}/hide")
	String hide(@PathVariable String id, RedirectAttributes redirect) {
		StaffUser user = CurrentStaff.require();
		if (!this.edits.hide(user.tenant(), user, id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		this.audit.record(user, EDIT_ACTION, id + " hidden");
		redirect.addFlashAttribute("hid", true);
		return "redirect:/console/admin/faq/" + id;
	}

	private String topicPage(StaffUser user, FaqTopic topic, FaqEdits.Draft draft, Map<String, String> errors,
			Model model) {
		List<FaqEdits.Version> history = this.edits.history(user.tenant(), topic.id());
		model.addAttribute("user", user);
		model.addAttribute("topic", topic);
		model.addAttribute("shipped", this.edits.isShipped(topic.id()));
		model.addAttribute("hidden", !history.isEmpty() && history.get(history.size() - 1).hidden());
		List<HistoryRow> rows = new java.util.ArrayList<>();
		history.forEach(v -> rows.add(0, new HistoryRow(v, SchoolTime.at(v.when()))));
		model.addAttribute("history", rows);
		model.addAttribute("draft", draft);
		if (!model.containsAttribute("typedAsks")) {
			model.addAttribute("typedAsks", String.join("\n", draft.asks()));
		}
		if (!model.containsAttribute("typedAnswer")) {
			model.addAttribute("typedAnswer", draft.answer());
		}
		model.addAttribute("errors", errors);
		model.addAttribute("maxAnswer", FaqEdits.MAX_ANSWER);
		model.addAttribute("minAsks", FaqEdits.MIN_ASKS);
		return TOPIC_VIEW;
	}

	/** A row of a topic's history, its time in the school's zone. */
	record HistoryRow(FaqEdits.Version version, ZonedDateTime at) {
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
		Map<String, FaqEdits.Version> changed = this.edits.current(user.tenant());
		model.addAttribute("changed", changed);
		model.addAttribute("hiddenTopics", changed.entrySet().stream().filter(e -> e.getValue().hidden())
			.map(e -> this.edits.topic(user.tenant(), e.getKey()).orElse(null)).filter(java.util.Objects::nonNull)
			.toList());
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
