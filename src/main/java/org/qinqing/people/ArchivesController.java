package org.qinqing.people;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.console.AuditLog;
import org.qinqing.console.CurrentStaff;
import org.qinqing.console.StaffUser;
import org.qinqing.system.SchoolTime;
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
 * The archives (留守儿童档案): the list of children a user may see, a child's full contact card with
 * family and history, and the card's edit form. Every read goes through {@link ChildAccess}; every
 * view of a full card is written to the {@link AuditLog}.
 */
@Controller
class ArchivesController {

	static final String LIST_VIEW = "archives/list";

	static final String CARD_VIEW = "archives/card";

	static final String EDIT_VIEW = "archives/edit";

	static final String VIEW_CARD_ACTION = "view-card";

	static final String EDIT_CARD_ACTION = "edit-card";

	/** Children a page of the list shows: a class fits on one, a phone scrolls a little. */
	static final int PAGE_SIZE = 30;


	/**
	 * A line of the list: only a masked phone, never a full one. {@code missing} counts the required
	 * fields still empty; only left-behind children need an archive (建档), as the archive rate counts.
	 */
	record Row(String id, String name, String className, LeftBehindType leftBehind, String guardianName,
			String maskedPhone, int missing) {

		public boolean needsArchive() {
			return this.leftBehind.isLeftBehind();
		}

	}

	record FieldValue(CardField field, String key, String value) {
	}

	record Adult(String name, String relation, Role role, int boundUsers) {
	}

	record HistoryLine(ZonedDateTime at, String by, String field, String before, String after) {
	}

	private final ChildAccess access;

	private final SchoolRecords records;

	private final ContactCards cards;

	private final Directory directory;

	private final AuditLog audit;

	private final ArchiveSelection selection;

	ArchivesController(ChildAccess access, SchoolRecords records, ContactCards cards, Directory directory,
			AuditLog audit, ArchiveSelection selection) {
		this.selection = selection;
		this.access = access;
		this.records = records;
		this.cards = cards;
		this.directory = directory;
		this.audit = audit;
	}

	@GetMapping("/console/archives")
	String list(@RequestParam(name = "class", required = false) String classId,
			@RequestParam(name = "type", required = false) String type,
			@RequestParam(name = "incomplete", defaultValue = "false") boolean incomplete,
			@RequestParam(name = "page", defaultValue = "1") int page, Model model) {
		StaffUser user = CurrentStaff.require();
		List<SchoolClass> classes = this.access.visibleClasses(user);
		SchoolNames schools = this.records.schoolNames(user.tenant());
		Map<String, String> classNames = new LinkedHashMap<>();
		classes.forEach(c -> classNames.put(c.id(), schools.classLabel(c)));
		ArchiveFilter filter = new ArchiveFilter(classId, type, incomplete);
		List<Child> selected = this.selection.children(user, filter, classes);
		ArchivePage shown = ArchivePage.of(page, PAGE_SIZE, selected.size());
		List<Child> onPage = selected.subList(shown.from(), shown.to());
		// only this page's cards are read, all in one round trip
		Map<String, Map<CardField, String>> cards = this.cards.cards(user.tenant(),
				onPage.stream().map(Child::id).toList());
		List<Row> rows = new ArrayList<>();
		for (Child child : onPage) {
			Map<CardField, String> card = cards.get(child.id());
			int missing = child.leftBehind().isLeftBehind() ? ContactCards.missing(child, card).size() : 0;
			rows.add(new Row(child.id(), child.name(), classNames.getOrDefault(child.classId(), ""),
					child.leftBehind(), card.getOrDefault(CardField.GUARDIAN_NAME, ""),
					CardForm.mask(card.get(CardField.GUARDIAN_PHONE)), missing));
		}
		model.addAttribute("user", user);
		model.addAttribute("classes", classes);
		model.addAttribute("classLabels", classNames);
		model.addAttribute("schools", schools);
		model.addAttribute("types", LeftBehindType.values());
		model.addAttribute("selectedClass", filter.classId() == null ? "" : filter.classId());
		model.addAttribute("selectedType", filter.type());
		model.addAttribute("incomplete", filter.incomplete());
		model.addAttribute("rows", rows);
		model.addAttribute("page", shown);
		return LIST_VIEW;
	}

	@GetMapping("/console/archives/{childId}")
	String card(@PathVariable String childId, Model model) {
		StaffUser user = CurrentStaff.require();
		Child child = visibleChild(user, childId);
		this.audit.record(user, VIEW_CARD_ACTION, child.id());
		Map<CardField, String> card = this.cards.card(user.tenant(), child.id());
		List<FieldValue> fields = new ArrayList<>();
		for (CardField field : CardField.values()) {
			fields.add(new FieldValue(field, field.key(), card.getOrDefault(field, "")));
		}
		List<HistoryLine> history = new ArrayList<>();
		for (ContactCards.Change change : this.cards.history(user.tenant(), child.id())) {
			history.add(0, new HistoryLine(Instant.ofEpochMilli(change.at()).atZone(SchoolTime.ZONE), change.by(),
					change.field(), change.before(), change.after()));
		}
		model.addAttribute("user", user);
		model.addAttribute("child", child);
		model.addAttribute("className", className(user, child));
		model.addAttribute("schoolName", soleSchoolName(user, child));
		model.addAttribute("fields", fields);
		model.addAttribute("missing", missingFields(user, child).stream().map(CardField::key).toList());
		model.addAttribute("adults", adults(user, child));
		model.addAttribute("history", history);
		return CARD_VIEW;
	}

	@GetMapping("/console/archives/{childId}/edit")
	String edit(@PathVariable String childId, Model model) {
		StaffUser user = CurrentStaff.require();
		Child child = visibleChild(user, childId);
		// the form shows the whole card, phones in full: it is a view of the card too
		this.audit.record(user, VIEW_CARD_ACTION, child.id());
		Map<CardField, String> card = this.cards.card(user.tenant(), child.id());
		Map<String, String> values = new LinkedHashMap<>();
		for (CardField field : CardField.values()) {
			values.put(field.key(), card.getOrDefault(field, ""));
		}
		return editForm(user, child, values, Map.of(), model);
	}

	@PostMapping("/console/archives/{childId}/edit")
	String save(@PathVariable String childId, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		StaffUser user = CurrentStaff.require();
		Child child = visibleChild(user, childId);
		Map<CardField, String> submitted = CardForm.read(params);
		Map<String, String> errors = CardForm.validate(submitted);
		if (!errors.isEmpty()) {
			Map<CardField, String> card = this.cards.card(user.tenant(), child.id());
			Map<String, String> values = new LinkedHashMap<>();
			for (CardField field : CardField.values()) {
				values.put(field.key(), submitted.containsKey(field) ? submitted.get(field) : card.getOrDefault(field, ""));
			}
			return editForm(user, child, values, errors, model);
		}
		List<ContactCards.Change> changed = this.cards.update(user.tenant(), child.id(),
				new EnumMap<>(submitted), user.displayName());
		if (!changed.isEmpty()) {
			this.audit.record(user, EDIT_CARD_ACTION, child.id());
		}
		redirect.addFlashAttribute("savedCount", changed.size());
		return "redirect:/console/archives/" + child.id();
	}

	private String editForm(StaffUser user, Child child, Map<String, String> values, Map<String, String> errors,
			Model model) {
		Map<String, Integer> maxLengths = new LinkedHashMap<>();
		for (CardField field : CardField.values()) {
			maxLengths.put(field.key(), CardForm.maxLength(field));
		}
		model.addAttribute("user", user);
		model.addAttribute("child", child);
		model.addAttribute("className", className(user, child));
		model.addAttribute("groups", groups());
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("maxLengths", maxLengths);
		return EDIT_VIEW;
	}

	/** The card's fields in the form's sections: the child and home, father, mother, guardian. */
	private static Map<String, List<CardField>> groups() {
		Map<String, List<CardField>> groups = new LinkedHashMap<>();
		for (CardField field : CardField.values()) {
			String prefix = field.key().substring(0, field.key().indexOf('.'));
			String group = prefix.equals("home") ? "child" : prefix;
			groups.computeIfAbsent(group, g -> new ArrayList<>()).add(field);
		}
		return groups;
	}

	/** The child if this user may see them: 404 when there is no such child, 403 when not theirs. */
	private Child visibleChild(StaffUser user, String childId) {
		Optional<Child> child = this.records.child(user.tenant(), childId);
		if (child.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (!this.access.canSee(user, child.get())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return child.get();
	}

	/** Required fields still empty; none for a child who is not left behind (no archive needed). */
	private List<CardField> missingFields(StaffUser user, Child child) {
		return child.leftBehind().isLeftBehind() ? this.cards.missing(user.tenant(), child) : List.of();
	}

	/** The child's class, named with its school when the tenant has several. */
	private String className(StaffUser user, Child child) {
		SchoolNames schools = this.records.schoolNames(user.tenant());
		return this.records.schoolClass(user.tenant(), child.classId()).map(schools::classLabel).orElse("");
	}

	/** The school's name for a quiet line under the heading, when the tenant has one school (else the class names it). */
	private String soleSchoolName(StaffUser user, Child child) {
		SchoolNames schools = this.records.schoolNames(user.tenant());
		if (schools.several()) {
			return "";
		}
		return this.records.schoolClass(user.tenant(), child.classId()).map(schools::of).orElse("");
	}

	/** The child's parents and guardians, with how many WeChat users are bound to each (never who). */
	private List<Adult> adults(StaffUser user, Child child) {
		List<Adult> adults = new ArrayList<>();
		for (Person p : this.records.adultsOf(user.tenant(), child.id())) {
			if (p.role() == Role.PARENT || p.role() == Role.GUARDIAN) {
				adults.add(new Adult(p.name(), p.relation(), p.role(), this.directory.openidsOf(user.tenant(), p.id()).size()));
			}
		}
		return adults;
	}

}
