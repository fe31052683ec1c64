package org.qinqing.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinqing.console.AuditLog;
import org.qinqing.console.CurrentStaff;
import org.qinqing.console.StaffUser;
import org.qinqing.people.Child;
import org.qinqing.people.Identity;
import org.qinqing.people.Person;
import org.qinqing.people.PersonNames;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.questions.FaqEdits;
import org.qinqing.questions.FaqMatcher;
import org.qinqing.questions.FaqTopic;
import org.qinqing.system.SchoolTime;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The school's inbox in the console: the threads a staff member may see ({@link Questions#list}: a teacher the
 * questions of the children they look after, a leader everything), waiting ones first, oldest first; a thread with
 * its entries, an answer form and a button to mark it solved. Every decision goes through {@link Questions}, so the
 * console and the chat answer alike; a thread the user may not see is 404, as if it did not exist. Askers are named
 * by their role (and relation), never by openid or phone. An admin may take a teacher's answer into the school's
 * FAQ ({@link FaqEdits}): the thread's question becomes a way of asking an existing topic (its answer replaced by
 * this one if they choose) or the first of a new topic's; audited {@code faq-edit}.
 */
@Controller
class InboxController {

	static final String LIST_VIEW = "inbox/list";

	static final String THREAD_VIEW = "inbox/thread";

	static final String PATH = "/console/inbox";

	static final String ANSWER_ACTION = "inbox-answer";

	static final String SOLVE_ACTION = "inbox-solve";

	static final String FAQ_ACTION = "faq-edit";

	/** Waiting threads listed at most: more than that waiting is a matter for the leaders, not a longer page. */
	static final int WAITING_LIMIT = 100;

	static final int PAGE_SIZE = 30;

	static final int ANSWER_MIN = 2;

	static final int ANSWER_MAX = 1000;

	private static final int EXCERPT = 40;

	/**
	 * A row of the list.
	 *
	 * @param child the child's given name, or empty for a message for the school
	 * @param age how long it has waited (waiting ones), or when it was filed
	 */
	record Row(String number, String child, String className, String topic, boolean forSchool, String asker,
			String excerpt, InboxThread.State state, boolean urgent, String age) {
	}

	/** An entry as the thread page shows it: who (their role, a teacher's name), when in school time, the words. */
	record EntryView(Entry.Type type, String who, boolean staff, ZonedDateTime at, String text) {
	}

	private final Questions questions;

	private final SchoolRecords records;

	private final InboxNotices notices;

	private final AuditLog audit;

	private final MessageSource messages;

	private final Clock clock;

	private final FaqEdits faq;

	private final FaqMatcher matcher;

	InboxController(Questions questions, SchoolRecords records, InboxNotices notices, AuditLog audit,
			MessageSource messages, Clock clock, FaqEdits faq, FaqMatcher matcher) {
		this.faq = faq;
		this.matcher = matcher;
		this.questions = questions;
		this.records = records;
		this.notices = notices;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** The console user as the access rule knows them; an admin account without a person answers as the school. */
	static Identity identity(StaffUser user) {
		return new Identity(user.isAdmin() ? Role.ADMIN : Role.TEACHER, user.personId(), user.displayName());
	}

	@GetMapping(PATH)
	String list(@RequestParam(required = false) String older, Model model) {
		StaffUser user = CurrentStaff.require();
		Optional<Inbox.Cursor> after = Inbox.Cursor.parse(older);
		Questions.Listing listing = this.questions.list(user.tenant(), identity(user), WAITING_LIMIT, after, PAGE_SIZE);
		List<InboxThread> shown = new ArrayList<>(listing.waiting());
		shown.addAll(listing.others());
		Map<String, Child> children = this.records.children(user.tenant(),
				shown.stream().map(InboxThread::childId).filter(id -> !id.isEmpty()).toList());
		Set<String> classIds = new HashSet<>();
		shown.forEach(t -> classIds.add(classOf(t, children)));
		classIds.remove("");
		Map<String, SchoolClass> classes = this.records.classes(user.tenant(), classIds);
		model.addAttribute("user", user);
		model.addAttribute("waiting", rows(listing.waiting(), children, classes, true));
		model.addAttribute("moreWaiting", listing.moreWaiting());
		model.addAttribute("waitingLimit", WAITING_LIMIT);
		model.addAttribute("others", rows(listing.others(), children, classes, false));
		model.addAttribute("older", listing.next().map(Inbox.Cursor::toString).orElse(null));
		model.addAttribute("paged", after.isPresent());
		return LIST_VIEW;
	}

	@GetMapping(PATH + "/{number}")
	String thread(@PathVariable String number, Model model) {
		StaffUser user = CurrentStaff.require();
		InboxThread thread = visible(user, number);
		return page(user, thread, "", Map.of(), model);
	}

	@PostMapping(PATH + "/{number}/answer")
	String answer(@PathVariable String number, @RequestParam(defaultValue = "") String text, Model model,
			RedirectAttributes redirect) {
		StaffUser user = CurrentStaff.require();
		InboxThread thread = visible(user, number);
		String answer = text.strip();
		int length = answer.codePointCount(0, answer.length());
		if (length < ANSWER_MIN || length > ANSWER_MAX) {
			return page(user, thread, text,
					Map.of("answer", length < ANSWER_MIN ? "inbox.answer.tooShort" : "inbox.answer.tooLong"), model);
		}
		Questions.Outcome outcome = this.questions.answered(user.tenant(), identity(user), thread.number(), answer);
		if (outcome == Questions.Outcome.UNKNOWN) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (outcome == Questions.Outcome.DONE) {
			this.audit.record(user, ANSWER_ACTION, thread.number());
			redirect.addFlashAttribute("answered", thread.number());
		}
		else {
			redirect.addFlashAttribute("solvedAlready", thread.number());
		}
		return "redirect:" + PATH + "/" + thread.number();
	}

	@PostMapping(PATH + "/{number}/solve")
	String solve(@PathVariable String number, RedirectAttributes redirect) {
		StaffUser user = CurrentStaff.require();
		InboxThread thread = visible(user, number);
		Questions.Outcome outcome = this.questions.solvedByStaff(user.tenant(), identity(user), thread.number());
		if (outcome == Questions.Outcome.UNKNOWN) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (outcome == Questions.Outcome.DONE) {
			this.audit.record(user, SOLVE_ACTION, thread.number());
			redirect.addFlashAttribute("solved", thread.number());
		}
		return "redirect:" + PATH + "/" + thread.number();
	}

	/**
	 * 加入常见问题 (admins): the thread's question and the answer {@code entry} (its place among the entries) go into
	 * the FAQ, into {@code topic} ({@code mode=existing}, the answer replacing the topic's when {@code replace}) or
	 * as a new topic ({@code mode=new}: {@code id} or one made, {@code title}, the question and two more
	 * {@code asks}). A bad input shows the page again with the message and what was typed.
	 */
	@PostMapping(PATH + "/{number}/faq")
	String promote(@PathVariable String number, @RequestParam int entry, @RequestParam(defaultValue = "") String mode,
			@RequestParam(defaultValue = "") String topic, @RequestParam(defaultValue = "") String replace,
			@RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String asks, Model model, RedirectAttributes redirect) {
		StaffUser user = CurrentStaff.require();
		if (!user.isAdmin()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		InboxThread thread = visible(user, number);
		if (entry < 0 || entry >= thread.entries().size()
				|| thread.entries().get(entry).type() != Entry.Type.ANSWER) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		String question = thread.question().strip();
		String answer = thread.entries().get(entry).text().strip();
		FaqEdits.Outcome outcome;
		if ("new".equals(mode)) {
			List<String> all = new ArrayList<>();
			all.add(question);
			all.addAll(FaqEdits.Draft.lines(asks));
			outcome = this.faq.create(user.tenant(), user, id, new FaqEdits.Draft(title, all, answer), true);
		}
		else {
			outcome = this.faq.promote(user.tenant(), user, topic, question,
					"1".equals(replace) ? Optional.of(answer) : Optional.empty());
		}
		if (!outcome.done()) {
			model.addAttribute("promoteEntry", entry);
			model.addAttribute("promoteErrors", outcome.errors());
			model.addAttribute("promoteTyped", Map.of("mode", mode, "topic", topic, "replace", replace, "id", id,
					"title", title, "asks", asks));
			return page(user, thread, "", Map.of(), model);
		}
		String target = outcome.id();
		this.audit.record(user, FAQ_ACTION, target + " v" + outcome.version() + " from " + thread.number());
		redirect.addFlashAttribute("promoted",
				this.faq.topic(user.tenant(), target).map(FaqTopic::title).orElse(target));
		return "redirect:" + PATH + "/" + thread.number();
	}

	/** The thread if this user may see it; else 404, so that a thread of another class does not show it exists. */
	private InboxThread visible(StaffUser user, String number) {
		return this.questions.visibleTo(user.tenant(), identity(user), number)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String page(StaffUser user, InboxThread t, String typed, Map<String, String> errors, Model model) {
		String tenant = user.tenant();
		Child child = t.childId().isEmpty() ? null : this.records.child(tenant, t.childId()).orElse(null);
		String classId = child != null ? child.classId() : t.classId();
		String className = classId.isEmpty() ? ""
				: this.records.schoolClass(tenant, classId).map(SchoolClass::name).orElse("");
		// the people who wrote, in one read: the asker (for the relation) and the staff who answered
		Set<String> ids = new HashSet<>();
		t.entries().forEach(e -> ids.add(e.by()));
		ids.add(t.askerId());
		ids.remove("");
		Map<String, Person> people = this.records.people(tenant, ids);
		List<EntryView> entries = t.entries()
			.stream()
			.map(e -> new EntryView(e.type(), who(e, people), e.type() == Entry.Type.ANSWER, SchoolTime.at(e.at()),
					e.text()))
			.toList();
		model.addAttribute("user", user);
		model.addAttribute("thread", t);
		model.addAttribute("child", child == null ? "" : PersonNames.givenName(child.name()));
		model.addAttribute("className", className);
		model.addAttribute("entries", entries);
		model.addAttribute("filed", SchoolTime.at(t.filed()));
		model.addAttribute("asker", who(t.askerId(), t.askerRole(), people));
		model.addAttribute("waited", t.waiting() ? age(Duration.between(t.waitingSince(), this.clock.instant())) : "");
		// how the asker will see this user named: 王老师, or the school for an admin account without a person
		model.addAttribute("signedAs", this.notices.teacherName(tenant, user.personId()));
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		model.addAttribute("answerMax", String.valueOf(ANSWER_MAX));
		if (user.isAdmin()) {
			model.addAttribute("faqTopics", this.matcher.content(tenant)
				.topics()
				.stream()
				.sorted(java.util.Comparator.comparing(FaqTopic::title))
				.toList());
			if (!model.containsAttribute("promoteEntry")) {
				model.addAttribute("promoteEntry", -1);
				model.addAttribute("promoteErrors", Map.of());
				model.addAttribute("promoteTyped", Map.of());
			}
		}
		return THREAD_VIEW;
	}

	private List<Row> rows(List<InboxThread> threads, Map<String, Child> children, Map<String, SchoolClass> classes,
			boolean waiting) {
		List<Row> rows = new ArrayList<>();
		for (InboxThread t : threads) {
			Child child = children.get(t.childId());
			SchoolClass schoolClass = classes.get(classOf(t, children));
			String age = waiting ? message("inbox.waited", age(Duration.between(t.waitingSince(), this.clock.instant())))
					: message("inbox.filedAt", SchoolTime.at(t.filed()).format(java.time.format.DateTimeFormatter
						.ofPattern("M月d日 HH:mm")));
			rows.add(new Row(t.number(), child == null ? "" : PersonNames.givenName(child.name()),
					schoolClass == null ? "" : schoolClass.name(), t.topic(), t.kind() == InboxThread.Kind.MESSAGE,
					role(t.askerRole()), excerpt(t.question()), t.state(), t.urgent(), age));
		}
		return rows;
	}

	/** The child's class now, or the class the thread was filed for. */
	private static String classOf(InboxThread t, Map<String, Child> children) {
		Child child = children.get(t.childId());
		return child != null ? child.classId() : t.classId();
	}

	/** 家长（母亲） for an asker; a staff member's name and role (王芳（老师）), or the school. */
	private String who(Entry e, Map<String, Person> people) {
		if (e.type() != Entry.Type.ANSWER) {
			return who(e.by(), e.role(), people);
		}
		Person staff = people.get(e.by());
		if (staff == null || staff.name().isBlank()) {
			return message("inbox.staff.school");
		}
		return message(Role.ADMIN.code().equals(e.role()) ? "inbox.staff.leader" : "inbox.staff.teacher", staff.name());
	}

	private String who(String personId, String roleCode, Map<String, Person> people) {
		Person person = people.get(personId);
		String role = role(roleCode);
		return person == null || person.relation().isBlank() ? role
				: message("inbox.role.relation", role, person.relation());
	}

	private String role(String code) {
		return this.messages.getMessage("inbox.role." + code, null, message("inbox.role.other"),
				Locale.SIMPLIFIED_CHINESE);
	}

	private static String excerpt(String text) {
		String words = text.replaceAll("\\s+", " ").strip();
		return words.codePointCount(0, words.length()) <= EXCERPT ? words
				: words.substring(0, words.offsetByCodePoints(0, EXCERPT)) + "…";
	}

	/** 25 分钟, 3 小时, 2 天 5 小时. */
	private String age(Duration age) {
		if (age.toHours() < 1) {
			return message("inbox.age.minutes", String.valueOf(Math.max(1, age.toMinutes())));
		}
		if (age.toDays() < 1) {
			return message("inbox.age.hours", String.valueOf(age.toHours()));
		}
		long hours = age.toHoursPart();
		return hours == 0 ? message("inbox.age.days", String.valueOf(age.toDays()))
				: message("inbox.age.daysHours", String.valueOf(age.toDays()), String.valueOf(hours));
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

}
