package org.qinqing.calls.console;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.qinqing.calls.Booking;
import org.qinqing.calls.Bookings;
import org.qinqing.calls.CallMarkers;
import org.qinqing.calls.CallOutcome;
import org.qinqing.calls.CallOutcomes;
import org.qinqing.calls.CallSettings;
import org.qinqing.calls.CallSettingsStore;
import org.qinqing.calls.Slot;
import org.qinqing.calls.SlotCalendar;
import org.qinqing.console.AuditLog;
import org.qinqing.console.CurrentStaff;
import org.qinqing.console.StaffUser;
import org.qinqing.people.Child;
import org.qinqing.people.ChildAccess;
import org.qinqing.people.Person;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
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
 * 亲情视频 for the duty teacher: a day's calls with their outcome buttons, a station's week calendar,
 * families with repeated parent no-shows and left-behind children whose parents never had a held call.
 * Every list shows only the children the user may see ({@link ChildAccess}); every mark is audited.
 */
@Controller
class CallsController {

	static final String DAY_VIEW = "calls/day";

	static final String WEEK_VIEW = "calls/week";

	static final String NO_SHOWS_VIEW = "calls/no-shows";

	static final String NEVER_HELD_VIEW = "calls/never-held";

	static final String NEVER_HELD_PATH = "/console/calls/never-held";

	static final String MARK_ACTION = "mark-call";

	/**
	 * A call of the day as the teacher sees it; {@code outcome} is null until marked. {@code begun}: the call
	 * may be marked (it has started); {@code markedBy} is the marker's name, empty when unknown.
	 */
	record CallRow(String number, LocalTime time, String station, String childName, String className,
			String bookedBy, boolean begun, CallOutcome outcome, String markedBy, boolean markedInChat) {
	}

	/** A cell of the week calendar: {@code FREE}, {@code BOOKED} (with the child's name when visible) or {@code CLOSED}. */
	record Cell(String state, String childName) {
	}

	record WeekRow(LocalTime time, List<Cell> cells) {
	}

	record ChildRow(String id, String name, String className) {
	}

	record NoShowRow(List<ChildRow> children, int noShows, LocalDate lastNoShow) {
	}

	private final Bookings bookings;

	private final SlotCalendar calendar;

	private final CallSettingsStore settings;

	private final CallOutcomes outcomes;

	private final CallStats stats;

	private final ChildAccess access;

	private final SchoolRecords records;

	private final AuditLog audit;

	private final CallMarkers markers;

	private final java.time.Clock clock;

	private final org.springframework.context.MessageSource messages;

	CallsController(Bookings bookings, SlotCalendar calendar, CallSettingsStore settings, CallOutcomes outcomes,
			CallStats stats, ChildAccess access, SchoolRecords records, AuditLog audit, CallMarkers markers,
			java.time.Clock clock, org.springframework.context.MessageSource messages) {
		this.markers = markers;
		this.messages = messages;
		this.bookings = bookings;
		this.calendar = calendar;
		this.settings = settings;
		this.outcomes = outcomes;
		this.stats = stats;
		this.access = access;
		this.records = records;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/console/calls")
	String day(@RequestParam(required = false) String date, Model model) {
		StaffUser user = CurrentStaff.require();
		LocalDate today = today();
		LocalDate day = parseDate(date).orElse(today);
		Map<String, Child> visible = visibleChildren(user);
		Map<String, String> classNames = classNames(user);
		List<Booking> booked = this.bookings.between(user.tenant(), day.atStartOfDay(), day.plusDays(1).atStartOfDay())
			.stream()
			.filter(b -> visible.containsKey(b.childId()))
			.toList();
		Map<String, CallOutcomes.Mark> marks = this.outcomes.marks(user.tenant(),
				booked.stream().map(Booking::number).toList());
		Map<String, String> relations = new HashMap<>();
		List<CallRow> rows = new ArrayList<>();
		for (Booking b : booked) {
			Child child = visible.get(b.childId());
			String relation = relations.computeIfAbsent(b.bookedBy(), id -> this.records.person(user.tenant(), id)
				.map(Person::relation)
				.orElse(""));
			CallOutcomes.Mark mark = marks.get(b.number());
			rows.add(new CallRow(b.number(), b.start().toLocalTime(), b.station(), child.name(),
					classNames.getOrDefault(child.classId(), ""), relation, this.outcomes.hasBegun(b),
					mark == null ? null : mark.outcome(), mark == null ? "" : this.markers.nameOf(user.tenant(), mark.by()),
					mark != null && mark.by().channel() == CallOutcomes.Marker.Channel.WECHAT));
		}
		model.addAttribute("user", user);
		model.addAttribute("day", day);
		model.addAttribute("today", today);
		model.addAttribute("isToday", day.equals(today));
		model.addAttribute("markable", !day.isAfter(today));
		model.addAttribute("previous", day.minusDays(1));
		model.addAttribute("next", day.plusDays(1));
		model.addAttribute("rows", rows);
		model.addAttribute("outcomes", CallOutcome.values());
		return DAY_VIEW;
	}

	@PostMapping("/console/calls/{number}/mark")
	String mark(@PathVariable String number, @RequestParam String outcome, RedirectAttributes redirect) {
		StaffUser user = CurrentStaff.require();
		// an active booking only: a cancelled call cannot have taken place
		Booking booking = this.bookings.booking(user.tenant(), number)
			.filter(b -> this.bookings.between(user.tenant(), b.start(), b.start().plusMinutes(1))
				.stream()
				.anyMatch(active -> active.number().equals(b.number())))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (this.access.child(user, booking.childId()).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		CallOutcome value;
		try {
			value = CallOutcome.valueOf(outcome);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		LocalDate day = booking.start().toLocalDate();
		CallOutcomes.Marker by = CallOutcomes.Marker.console(user.username(), user.displayName());
		if (this.outcomes.mark(user.tenant(), booking, value, by) == CallOutcomes.Marking.NOT_STARTED) {
			redirect.addFlashAttribute("notStarted", booking.start());
		}
		else {
			this.audit.record(user, MARK_ACTION, booking.number() + " " + value.name());
			redirect.addFlashAttribute("marked", booking.number());
		}
		return "redirect:/console/calls?date=" + day;
	}

	@GetMapping("/console/calls/week")
	String week(@RequestParam(required = false) String station, @RequestParam(required = false) String date,
			Model model) {
		StaffUser user = CurrentStaff.require();
		CallSettings s = this.settings.settings(user.tenant());
		String shown = station != null && s.stations().contains(station) ? station : s.stations().get(0);
		LocalDate monday = parseDate(date).orElse(today()).with(DayOfWeek.MONDAY);
		List<LocalDate> days = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			days.add(monday.plusDays(i));
		}
		Map<String, Child> visible = visibleChildren(user);
		Map<LocalDateTime, Booking> bookedHere = new HashMap<>();
		for (Booking b : this.bookings.between(user.tenant(), monday.atStartOfDay(), monday.plusDays(7).atStartOfDay())) {
			if (b.station().equals(shown)) {
				bookedHere.put(b.start(), b);
			}
		}
		Map<LocalDate, Map<LocalTime, Slot>> open = new LinkedHashMap<>();
		TreeSet<LocalTime> times = new TreeSet<>();
		for (LocalDate day : days) {
			Map<LocalTime, Slot> slots = new HashMap<>();
			for (Slot slot : this.calendar.slotsOn(user.tenant(), day)) {
				if (slot.openStations().contains(shown)) {
					slots.put(slot.start().toLocalTime(), slot);
					times.add(slot.start().toLocalTime());
				}
			}
			open.put(day, slots);
		}
		// a booking whose hours were changed afterwards still shows, in its own row
		bookedHere.keySet().forEach(start -> times.add(start.toLocalTime()));
		List<WeekRow> rows = new ArrayList<>();
		for (LocalTime time : times) {
			List<Cell> cells = new ArrayList<>();
			for (LocalDate day : days) {
				Booking b = bookedHere.get(day.atTime(time));
				if (b != null) {
					Child child = visible.get(b.childId());
					cells.add(new Cell("BOOKED", child == null ? "" : child.name()));
				}
				else if (open.get(day).containsKey(time)) {
					cells.add(new Cell("FREE", ""));
				}
				else {
					cells.add(new Cell("CLOSED", ""));
				}
			}
			rows.add(new WeekRow(time, cells));
		}
		model.addAttribute("user", user);
		model.addAttribute("stations", s.stations());
		model.addAttribute("station", shown);
		model.addAttribute("days", days);
		model.addAttribute("monday", monday);
		model.addAttribute("previous", monday.minusWeeks(1));
		model.addAttribute("next", monday.plusWeeks(1));
		model.addAttribute("today", today());
		model.addAttribute("rows", rows);
		return WEEK_VIEW;
	}

	@GetMapping("/console/calls/no-shows")
	String noShows(Model model) {
		StaffUser user = CurrentStaff.require();
		Map<String, String> classNames = classNames(user);
		List<NoShowRow> rows = this.stats.repeatedNoShows(user)
			.stream()
			.map(f -> new NoShowRow(f.children().stream().map(c -> row(c, classNames)).toList(), f.noShows(),
					f.lastNoShow()))
			.toList();
		model.addAttribute("user", user);
		model.addAttribute("rows", rows);
		model.addAttribute("threshold", CallStats.NO_SHOW_THRESHOLD);
		model.addAttribute("days", CallStats.NO_SHOW_PERIOD_DAYS);
		return NO_SHOWS_VIEW;
	}

	@GetMapping(NEVER_HELD_PATH)
	String neverHeld(Model model) {
		StaffUser user = CurrentStaff.require();
		Map<String, String> classNames = classNames(user);
		CallStats.Summary summary = this.stats.summary(user);
		List<String> order = new ArrayList<>(classNames.keySet());
		List<ChildRow> rows = summary.neverHeld()
			.stream()
			.sorted(java.util.Comparator.comparingInt((Child c) -> order.indexOf(c.classId())).thenComparing(Child::name))
			.map(c -> row(c, classNames))
			.toList();
		model.addAttribute("user", user);
		model.addAttribute("rows", rows);
		model.addAttribute("asOf", CallsTile.asOf(this.messages, summary.asOf()));
		return NEVER_HELD_VIEW;
	}

	private static ChildRow row(Child child, Map<String, String> classNames) {
		return new ChildRow(child.id(), child.name(), classNames.getOrDefault(child.classId(), ""));
	}

	private Map<String, Child> visibleChildren(StaffUser user) {
		Map<String, Child> visible = new HashMap<>();
		this.access.visibleChildren(user).forEach(child -> visible.put(child.id(), child));
		return visible;
	}

	/** Visible classes' names by id, in grade order. */
	private Map<String, String> classNames(StaffUser user) {
		Map<String, String> names = new LinkedHashMap<>();
		for (SchoolClass schoolClass : this.access.visibleClasses(user)) {
			names.put(schoolClass.id(), schoolClass.name());
		}
		return names;
	}

	private LocalDate today() {
		return SlotCalendar.now(this.clock).toLocalDate();
	}

	private static Optional<LocalDate> parseDate(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(text.strip()));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
