package org.qinqing.inbox;

import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.qinqing.conversation.Wording;
import org.qinqing.people.Child;
import org.qinqing.people.Person;
import org.qinqing.people.PersonNames;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.SchoolTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The asker's own page of a thread, the link of the answer's push ({@link ThreadLinks}): public, no sign-in, the
 * signature naming the thread and the asker is the key. It shows the question and the answers (a teacher as
 * 王老师), and takes an addition or "solved" in plain forms that post the signature back, so it works without
 * JavaScript on any phone. A wrong signature, or a person who is not the thread's asker, is 404 and costs no Redis
 * read. It makes no HTTP session: there is no sign-in to protect, and the forms carry no CSRF token, because the
 * signature already is what a forged form would lack.
 */
@Controller
class ThreadPageController {

	static final String VIEW = "inbox/asker";

	static final String MISSING_VIEW = "inbox/asker-missing";

	static final int ADD_MIN = 2;

	static final int ADD_MAX = 500;

	/** An entry as the asker sees it: themselves as 您, a teacher as 王老师, the school as 学校. */
	record EntryView(Entry.Type type, String who, boolean staff, ZonedDateTime at, String text) {
	}

	private final Inbox inbox;

	private final Questions questions;

	private final ThreadLinks links;

	private final SchoolRecords records;

	private final Wording wording;

	ThreadPageController(Inbox inbox, Questions questions, ThreadLinks links, SchoolRecords records, Wording wording) {
		this.inbox = inbox;
		this.questions = questions;
		this.links = links;
		this.records = records;
		this.wording = wording;
	}

	@GetMapping(ThreadLinks.PATH + "{tenant}/{number}")
	String page(@PathVariable String tenant, @PathVariable String number, @RequestParam(defaultValue = "") String p,
			@RequestParam(defaultValue = "") String s, @RequestParam(defaultValue = "") String done, Model model,
			HttpServletResponse response) {
		Optional<InboxThread> thread = askersThread(tenant, number, p, s);
		if (thread.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return MISSING_VIEW;
		}
		return show(tenant, thread.get(), p, s, done, "", "", model);
	}

	@PostMapping(ThreadLinks.PATH + "{tenant}/{number}/add")
	String add(@PathVariable String tenant, @PathVariable String number, @RequestParam(defaultValue = "") String p,
			@RequestParam(defaultValue = "") String s, @RequestParam(defaultValue = "") String text, Model model,
			HttpServletResponse response) {
		Optional<InboxThread> thread = askersThread(tenant, number, p, s);
		if (thread.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return MISSING_VIEW;
		}
		String words = text.strip();
		int length = words.codePointCount(0, words.length());
		if (length < ADD_MIN || length > ADD_MAX) {
			return show(tenant, thread.get(), p, s, "", length < ADD_MIN ? "asker.add.tooShort" : "asker.add.tooLong",
					text, model);
		}
		Questions.Outcome outcome = this.questions.addedFromPage(tenant, thread.get(), words);
		return back(tenant, number, p, s, outcome == Questions.Outcome.DONE ? "added" : "solvedAlready");
	}

	@PostMapping(ThreadLinks.PATH + "{tenant}/{number}/solve")
	String solve(@PathVariable String tenant, @PathVariable String number, @RequestParam(defaultValue = "") String p,
			@RequestParam(defaultValue = "") String s, HttpServletResponse response) {
		Optional<InboxThread> thread = askersThread(tenant, number, p, s);
		if (thread.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return MISSING_VIEW;
		}
		Questions.Outcome outcome = this.questions.solvedFromPage(tenant, thread.get());
		return back(tenant, number, p, s, outcome == Questions.Outcome.DONE ? "solved" : "solvedAlready");
	}

	/** The thread when the link is signed for it and names its asker (a visitor's message has no page). */
	private Optional<InboxThread> askersThread(String tenant, String number, String personId, String signature) {
		if (personId.isEmpty() || !this.links.valid(tenant, number, personId, signature)) {
			return Optional.empty();
		}
		return this.inbox.thread(tenant, number).filter(t -> t.askerId().equals(personId));
	}

	/** After a change, the page again (so a reload does not post twice), saying what was done. */
	private String back(String tenant, String number, String personId, String signature, String done) {
		return "redirect:" + this.links.path(tenant, number, personId) + "&done=" + done;
	}

	private String show(String tenant, InboxThread t, String personId, String signature, String done, String error,
			String typed, Model model) {
		Set<String> staff = new HashSet<>();
		t.entries().stream().filter(e -> e.type() == Entry.Type.ANSWER).forEach(e -> staff.add(e.by()));
		staff.remove("");
		Map<String, Person> people = this.records.people(tenant, staff);
		List<EntryView> entries = t.entries()
			.stream()
			.map(e -> new EntryView(e.type(), e.type() == Entry.Type.ANSWER ? teacher(people.get(e.by())) : "",
					e.type() == Entry.Type.ANSWER, SchoolTime.at(e.at()), e.text()))
			.toList();
		String child = t.childId().isEmpty() ? ""
				: this.records.child(tenant, t.childId()).map(Child::name).map(PersonNames::givenName).orElse("");
		model.addAttribute("thread", t);
		model.addAttribute("child", child);
		model.addAttribute("entries", entries);
		model.addAttribute("p", personId);
		model.addAttribute("s", signature);
		model.addAttribute("tenant", tenant);
		model.addAttribute("done", done);
		model.addAttribute("error", error);
		model.addAttribute("typed", typed);
		model.addAttribute("addMax", String.valueOf(ADD_MAX));
		return VIEW;
	}

	/** 王老师, never a full name; the school when the answer came from an account without a person. */
	private String teacher(Person person) {
		return person == null || person.name().isBlank() ? "" : this.wording.teacher(person.name());
	}

}
