package org.qinqing.talks;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.console.AuditLog;
import org.qinqing.console.CurrentStaff;
import org.qinqing.console.StaffUser;
import org.qinqing.people.Child;
import org.qinqing.people.ChildAccess;
import org.qinqing.people.Person;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.people.transfer.SheetDownloads;
import org.qinqing.system.BotScripts;
import org.qinqing.system.SchoolTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The talks in the console: the compliance matrix (child × month, by class with its rate), a month's cards (a list,
 * a printable page, an .xlsx for the archive), and a card shown and edited. Everything goes through the one access
 * rule ({@link ChildAccess}): a teacher sees their classes and paired children, a leader all; a card of a child the
 * user may not see is 404, as if it did not exist.
 */
@Controller
class TalksController {

	static final String PATH = "/console/talks";

	static final String EDIT_ACTION = "talk-card-edit";

	private final TalksMatrix matrix;

	private final TalkCards cards;

	private final TalkRecorder recorder;

	private final ChildAccess access;

	private final SchoolRecords records;

	private final BotScripts scripts;

	private final AuditLog audit;

	private final Clock clock;

	private final org.springframework.context.MessageSource messages;

	TalksController(TalksMatrix matrix, TalkCards cards, TalkRecorder recorder, ChildAccess access,
			SchoolRecords records, BotScripts scripts, AuditLog audit, Clock clock,
			org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.matrix = matrix;
		this.cards = cards;
		this.recorder = recorder;
		this.access = access;
		this.records = records;
		this.scripts = scripts;
		this.audit = audit;
		this.clock = clock;
	}

	/** A card as the pages show it. */
	record CardView(TalkCard card, String child, String className, String teacher, String moodWord) {
	}

	@GetMapping(PATH)
	String matrix(@RequestParam(required = false) String month, Model model) {
		StaffUser user = CurrentStaff.require();
		YearMonth m = month(month);
		model.addAttribute("matrix", this.matrix.of(user.tenant(), this.access.scope(user), m, TalksMatrix.MONTHS));
		model.addAttribute("previous", m.minusMonths(1));
		model.addAttribute("next", m.plusMonths(1));
		model.addAttribute("user", user);
		return "talks/matrix";
	}

	@GetMapping(PATH + "/cards")
	String monthCards(@RequestParam(required = false) String month, Model model) {
		StaffUser user = CurrentStaff.require();
		YearMonth m = month(month);
		model.addAttribute("month", m);
		model.addAttribute("child", null);
		model.addAttribute("cards", visibleCards(user, m));
		return "talks/cards";
	}

	/** One child's cards, newest first; 404 for a child the user may not see. */
	@GetMapping(PATH + "/children/{childId}")
	String childCards(@PathVariable String childId, Model model) {
		StaffUser user = CurrentStaff.require();
		Child child = this.access.child(user, childId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		List<TalkCard> list = this.cards.ofChild(user.tenant(), childId);
		model.addAttribute("month", YearMonth.from(SchoolTime.today(this.clock)));
		model.addAttribute("child", child.name());
		model.addAttribute("cards", views(user.tenant(), list, Map.of(childId, child)));
		return "talks/cards";
	}

	@GetMapping(PATH + "/print")
	String print(@RequestParam(required = false) String month, Model model) {
		StaffUser user = CurrentStaff.require();
		YearMonth m = month(month);
		model.addAttribute("month", m);
		model.addAttribute("cards", visibleCards(user, m));
		return "talks/print";
	}

	@GetMapping(PATH + "/export.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String month) {
		StaffUser user = CurrentStaff.require();
		YearMonth m = month(month);
		List<List<String>> rows = new ArrayList<>();
		rows.add(java.util.Arrays.stream(message("talks.export.headers").split(",")).toList());
		for (CardView v : visibleCards(user, m)) {
			TalkCard c = v.card();
			rows.add(List.of(c.id(), c.date().toString(), v.className(), v.child(), v.teacher(),
					c.mood() + " " + v.moodWord(), String.join(message("talks.list-separator"), c.topics()), c.note(), yesNo(c.concern()),
					yesNo(c.secret()), c.savedBy(), c.editedBy()));
		}
		this.audit.record(user, "talks-export", m.toString());
		return SheetDownloads.xlsx(message("talks.export.file", m.toString()), message("talks.export.sheet", m.toString()),
				rows);
	}

	@GetMapping(PATH + "/cards/{id}")
	String card(@PathVariable String id, @RequestParam(required = false) String saved, Model model) {
		StaffUser user = CurrentStaff.require();
		CardView view = visible(user, id);
		model.addAttribute("view", view);
		model.addAttribute("topics", this.scripts.strings("talks.record.topics.options"));
		model.addAttribute("moods", this.scripts.strings("talks.moods"));
		model.addAttribute("saved", saved != null);
		model.addAttribute("error", null);
		return "talks/card";
	}

	@PostMapping(PATH + "/cards/{id}")
	String edit(@PathVariable String id, @RequestParam String date, @RequestParam int mood,
			@RequestParam(required = false) List<String> topics, @RequestParam(defaultValue = "") String note,
			@RequestParam(defaultValue = "false") boolean concern, @RequestParam(defaultValue = "false") boolean secret,
			Model model) {
		StaffUser user = CurrentStaff.require();
		CardView view = visible(user, id);
		TalkCard card = view.card();
		Optional<String> error = check(card, date, mood, topics, note);
		if (error.isPresent()) {
			model.addAttribute("view", view);
			model.addAttribute("topics", this.scripts.strings("talks.record.topics.options"));
			model.addAttribute("moods", this.scripts.strings("talks.moods"));
			model.addAttribute("saved", false);
			model.addAttribute("error", error.get());
			return "talks/card";
		}
		String by = user.personId().isEmpty() ? user.username() : user.personId();
		TalkCard changed = card.edited(LocalDate.parse(date), mood, topics, note.strip(), concern, card.secret(), by,
				this.clock.instant());
		this.cards.update(user.tenant(), changed);
		if (secret != card.secret()) {
			this.recorder.setPrivate(user.tenant(), changed, secret, by);
		}
		this.audit.record(user, EDIT_ACTION, id);
		if (concern && !card.concern()) {
			this.records.child(user.tenant(), card.childId()).ifPresent(child -> {
				IndividualPlan plan = this.recorder.concernRaised(user.tenant(), changed, child);
				this.audit.record(user, TalkRecorder.PLAN_OPENED, plan.id());
			});
		}
		return "redirect:" + PATH + "/cards/" + id + "?saved";
	}

	private Optional<String> check(TalkCard card, String date, int mood, List<String> topics, String note) {
		try {
			LocalDate d = LocalDate.parse(date);
			if (!YearMonth.from(d).equals(card.month()) || d.isAfter(SchoolTime.today(this.clock))) {
				return Optional.of("talks.card.error.date");
			}
		}
		catch (DateTimeParseException ex) {
			return Optional.of("talks.card.error.date");
		}
		if (mood < 1 || mood > 5) {
			return Optional.of("talks.card.error.mood");
		}
		List<String> allowed = this.scripts.strings("talks.record.topics.options");
		if (topics == null || topics.isEmpty() || !allowed.containsAll(topics)) {
			return Optional.of("talks.card.error.topics");
		}
		if (note.strip().length() > TalkCard.NOTE_MAX) {
			return Optional.of("talks.card.error.note");
		}
		return Optional.empty();
	}

	/** The card, if its child is one the user may see; else 404 (missing and not allowed look the same). */
	private CardView visible(StaffUser user, String id) {
		TalkCard card = this.cards.card(user.tenant(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Child child = this.access.child(user, card.childId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return views(user.tenant(), List.of(card), Map.of(child.id(), child)).get(0);
	}

	private List<CardView> visibleCards(StaffUser user, YearMonth month) {
		List<TalkCard> all = this.cards.ofMonth(user.tenant(), month);
		Map<String, Child> children = this.records.children(user.tenant(),
				all.stream().map(TalkCard::childId).distinct().toList());
		List<TalkCard> shown = all.stream()
			.filter(c -> children.containsKey(c.childId()) && this.access.canSee(user, children.get(c.childId())))
			.toList();
		return views(user.tenant(), shown, children);
	}

	private List<CardView> views(String tenant, List<TalkCard> list, Map<String, Child> children) {
		Map<String, SchoolClass> classes = this.records.classes(tenant,
				list.stream().map(TalkCard::classId).distinct().toList());
		Map<String, Person> teachers = this.records.people(tenant,
				list.stream().map(TalkCard::teacherId).distinct().toList());
		List<String> moods = this.scripts.strings("talks.moods");
		return list.stream().map(c -> {
			Child child = children.get(c.childId());
			SchoolClass sc = classes.get(c.classId());
			Person t = teachers.get(c.teacherId());
			return new CardView(c, child == null ? "" : child.name(),
					sc == null ? "" : sc.name(), t == null ? "" : t.name(), moods.get(c.mood() - 1));
		}).toList();
	}

	private String yesNo(boolean yes) {
		return message(yes ? "talks.yes" : "talks.no");
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, java.util.Locale.SIMPLIFIED_CHINESE);
	}

	private YearMonth month(String month) {
		if (month != null && !month.isBlank()) {
			try {
				return YearMonth.parse(month.strip());
			}
			catch (DateTimeParseException ex) {
				// a hand-typed month that is no month: this month, rather than an error page
			}
		}
		return YearMonth.from(SchoolTime.today(this.clock));
	}

}
