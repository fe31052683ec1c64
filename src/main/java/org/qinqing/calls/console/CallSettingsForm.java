package org.qinqing.calls.console;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qinqing.calls.CallSettings;
import org.qinqing.calls.Closure;
import org.qinqing.calls.ExtraOpening;
import org.qinqing.calls.OpeningHours;
import org.springframework.util.MultiValueMap;

/**
 * The call settings form as typed: every field a string, so a form with a mistake comes back exactly
 * as it was sent. {@link #validate} turns it into {@link CallSettings} or into errors per field
 * (message keys with their arguments).
 *
 * @param hours one block per station of the {@code stations} field, lines like {@code MON-FRI 16:30-18:00}
 * @param closures the saved closures (and those added before), each may be ticked for removal
 */
record CallSettingsForm(String stations, List<StationHours> hours, String slotLength, String bookingWindow,
		String minNotice, String cancelNotice, String familyCapPerWeek, boolean guardiansMayBook,
		List<ClosureLine> closures, List<ExtraLine> extras, String newClosureDate, String newClosureStation,
		String newExtraDate, String newExtraFrom, String newExtraTo, String newExtraStation) {

	static final int MAX_TEXT = 2000;

	record StationHours(String station, String text) {
	}

	/** A closure as {@code value} = {@code date|station} (station empty: all stations). */
	record ClosureLine(String value, String date, String station, boolean remove) {

		static ClosureLine of(String value, boolean remove) {
			String[] f = value.split("\\|", -1);
			return new ClosureLine(value, f[0], f.length > 1 ? f[1] : "", remove);
		}

	}

	/** An extra opening as {@code value} = {@code date|from|to|station}. */
	record ExtraLine(String value, String date, String from, String to, String station, boolean remove) {

		static ExtraLine of(String value, boolean remove) {
			String[] f = value.split("\\|", -1);
			return new ExtraLine(value, f[0], f.length > 1 ? f[1] : "", f.length > 2 ? f[2] : "",
					f.length > 3 ? f[3] : "", remove);
		}

	}

	/** An error: a message key and its arguments. */
	record Problem(String key, Object... args) {
	}

	/** Either settings or the problems per field. */
	record Checked(CallSettings settings, Map<String, Problem> problems) {

		boolean ok() {
			return this.problems.isEmpty();
		}

	}

	/** The rules' number fields by name, in the form's order, as typed. */
	public Map<String, String> numbers() {
		Map<String, String> numbers = new LinkedHashMap<>();
		numbers.put("slotLength", this.slotLength);
		numbers.put("bookingWindow", this.bookingWindow);
		numbers.put("minNotice", this.minNotice);
		numbers.put("cancelNotice", this.cancelNotice);
		numbers.put("familyCapPerWeek", this.familyCapPerWeek);
		return numbers;
	}

	static CallSettingsForm of(CallSettings s) {
		List<StationHours> hours = new ArrayList<>();
		for (String station : s.stations()) {
			hours.add(new StationHours(station, String.join("\n", lines(s.hours().getOrDefault(station, List.of())))));
		}
		List<ClosureLine> closures = s.closures()
			.stream()
			.map(c -> ClosureLine.of(c.date() + "|" + c.station(), false))
			.toList();
		List<ExtraLine> extras = s.extraOpenings()
			.stream()
			.map(e -> ExtraLine.of(e.date() + "|" + e.start() + "|" + e.end() + "|" + e.station(), false))
			.toList();
		return new CallSettingsForm(String.join("\n", s.stations()), hours, String.valueOf(s.slotLength().toMinutes()),
				String.valueOf(s.bookingWindow().toDays()), String.valueOf(s.minNotice().toMinutes()),
				String.valueOf(s.cancelNotice().toMinutes()), String.valueOf(s.familyCapPerWeek()), s.guardiansMayBook(),
				closures, extras, "", "", "", "", "", "");
	}

	/**
	 * Reads the posted form. Hours come as {@code hours.<n>} with {@code hoursFor.<n>} naming the station;
	 * a station newly typed into the list gets an empty block, to fill in on the re-shown form.
	 */
	static CallSettingsForm read(MultiValueMap<String, String> params) {
		String stations = first(params, "stations");
		Map<String, String> typedHours = new LinkedHashMap<>();
		for (String name : params.keySet()) {
			if (name.startsWith("hoursFor.")) {
				typedHours.put(first(params, name), first(params, "hours." + name.substring("hoursFor.".length())));
			}
		}
		List<StationHours> hours = new ArrayList<>();
		for (String station : stationNames(stations)) {
			hours.add(new StationHours(station, typedHours.getOrDefault(station, "")));
		}
		Set<String> removeClosures = new LinkedHashSet<>(params.getOrDefault("removeClosure", List.of()));
		Set<String> removeExtras = new LinkedHashSet<>(params.getOrDefault("removeExtra", List.of()));
		List<ClosureLine> closures = params.getOrDefault("closure", List.of())
			.stream()
			.distinct()
			.map(v -> ClosureLine.of(v, removeClosures.contains(v)))
			.toList();
		List<ExtraLine> extras = params.getOrDefault("extra", List.of())
			.stream()
			.distinct()
			.map(v -> ExtraLine.of(v, removeExtras.contains(v)))
			.toList();
		return new CallSettingsForm(stations, hours, first(params, "slotLength"), first(params, "bookingWindow"),
				first(params, "minNotice"), first(params, "cancelNotice"), first(params, "familyCapPerWeek"),
				"true".equals(first(params, "guardiansMayBook")), closures, extras, first(params, "newClosureDate"),
				first(params, "newClosureStation"), first(params, "newExtraDate"), first(params, "newExtraFrom"),
				first(params, "newExtraTo"), first(params, "newExtraStation"));
	}

	/** The settings this form describes, or what to fix; {@code today} (school time) bounds new closures. */
	Checked validate(LocalDate today) {
		Map<String, Problem> problems = new LinkedHashMap<>();
		List<String> names = stationNames(this.stations);
		if (names.isEmpty()) {
			problems.put("stations", new Problem("calls.settings.error.stations.empty"));
		}
		Set<String> seen = new LinkedHashSet<>();
		for (String name : names) {
			if (name.contains("|") || name.length() > 30) {
				problems.putIfAbsent("stations", new Problem("calls.settings.error.stations.invalid", name));
			}
			else if (!seen.add(name)) {
				problems.putIfAbsent("stations", new Problem("calls.settings.error.stations.duplicate", name));
			}
		}
		Map<String, List<OpeningHours>> weekly = new LinkedHashMap<>();
		for (int i = 0; i < this.hours.size(); i++) {
			StationHours block = this.hours.get(i);
			List<OpeningHours> list = new ArrayList<>();
			String[] lines = block.text() == null ? new String[0] : block.text().split("\\R");
			for (int n = 0; n < lines.length; n++) {
				String line = lines[n].strip();
				if (line.isEmpty()) {
					continue;
				}
				try {
					list.addAll(OpeningHours.parse(line));
				}
				catch (RuntimeException ex) {
					problems.putIfAbsent("hours." + i,
							new Problem("calls.settings.error.hours", block.station(), n + 1, line));
				}
			}
			weekly.put(block.station(), list);
		}
		Integer slot = number(problems, "slotLength", this.slotLength, 5, 120);
		Integer window = number(problems, "bookingWindow", this.bookingWindow, 1, 60);
		Integer notice = number(problems, "minNotice", this.minNotice, 0, 7 * 24 * 60);
		Integer cancel = number(problems, "cancelNotice", this.cancelNotice, 0, 7 * 24 * 60);
		Integer cap = number(problems, "familyCapPerWeek", this.familyCapPerWeek, 1, 14);

		Set<Closure> closures = new LinkedHashSet<>();
		for (ClosureLine line : this.closures) {
			if (!line.remove()) {
				try {
					closures.add(new Closure(LocalDate.parse(line.date()), line.station()));
				}
				catch (DateTimeParseException ex) {
					// not a line this form wrote: drop it
				}
			}
		}
		if (hasText(this.newClosureDate) || hasText(this.newClosureStation)) {
			LocalDate date = date(this.newClosureDate);
			if (date == null) {
				problems.put("newClosure", new Problem("calls.settings.error.closure.date"));
			}
			else if (date.isBefore(today)) {
				problems.put("newClosure", new Problem("calls.settings.error.closure.past"));
			}
			else if (hasText(this.newClosureStation) && !seen.contains(this.newClosureStation)) {
				problems.put("newClosure", new Problem("calls.settings.error.station.unknown", this.newClosureStation));
			}
			else {
				closures.add(new Closure(date, this.newClosureStation));
			}
		}
		List<ExtraOpening> extraOpenings = new ArrayList<>();
		for (ExtraLine line : this.extras) {
			if (line.remove()) {
				continue;
			}
			try {
				ExtraOpening extra = new ExtraOpening(LocalDate.parse(line.date()), LocalTime.parse(line.from()),
						LocalTime.parse(line.to()), line.station());
				if (!seen.contains(extra.station())) {
					problems.putIfAbsent("extras", new Problem("calls.settings.error.extra.station", extra.station()));
				}
				else if (!extraOpenings.contains(extra)) {
					extraOpenings.add(extra);
				}
			}
			catch (RuntimeException ex) {
				// not a line this form wrote: drop it
			}
		}
		if (hasText(this.newExtraDate) || hasText(this.newExtraFrom) || hasText(this.newExtraTo)) {
			LocalDate date = date(this.newExtraDate);
			LocalTime from = time(this.newExtraFrom);
			LocalTime to = time(this.newExtraTo);
			if (date == null) {
				problems.put("newExtra", new Problem("calls.settings.error.extra.date"));
			}
			else if (date.isBefore(today)) {
				problems.put("newExtra", new Problem("calls.settings.error.extra.past"));
			}
			else if (from == null || to == null || !from.isBefore(to)) {
				problems.put("newExtra", new Problem("calls.settings.error.extra.time"));
			}
			else if (!seen.contains(this.newExtraStation)) {
				problems.put("newExtra", new Problem("calls.settings.error.station.unknown", this.newExtraStation));
			}
			else {
				ExtraOpening extra = new ExtraOpening(date, from, to, this.newExtraStation);
				if (!extraOpenings.contains(extra)) {
					extraOpenings.add(extra);
				}
			}
		}
		if (!problems.isEmpty()) {
			return new Checked(null, problems);
		}
		Map<String, List<OpeningHours>> byStation = new LinkedHashMap<>();
		for (String name : names) {
			byStation.put(name, weekly.getOrDefault(name, List.of()));
		}
		try {
			CallSettings settings = new CallSettings(names, byStation, Duration.ofMinutes(slot), Duration.ofDays(window),
					Duration.ofMinutes(notice), Duration.ofMinutes(cancel), cap, List.copyOf(closures), extraOpenings,
					this.guardiansMayBook);
			return new Checked(settings, problems);
		}
		catch (IllegalArgumentException ex) {
			problems.put("form", new Problem("calls.settings.error.other"));
			return new Checked(null, problems);
		}
	}

	/** Weekly hours as lines, days with the same times in runs: {@code MON-FRI 16:30-18:00}, {@code SAT 09:00-11:30}. */
	static List<String> lines(List<OpeningHours> hours) {
		Map<String, Set<DayOfWeek>> daysByTimes = new LinkedHashMap<>();
		for (OpeningHours h : hours) {
			daysByTimes.computeIfAbsent(h.start() + "-" + h.end(), t -> new java.util.TreeSet<>()).add(h.day());
		}
		List<String> lines = new ArrayList<>();
		daysByTimes.forEach((times, days) -> {
			List<DayOfWeek> run = new ArrayList<>();
			for (DayOfWeek day : days) {
				if (!run.isEmpty() && run.get(run.size() - 1).getValue() + 1 != day.getValue()) {
					lines.add(run(run) + " " + times);
					run.clear();
				}
				run.add(day);
			}
			if (!run.isEmpty()) {
				lines.add(run(run) + " " + times);
			}
		});
		return lines;
	}

	private static String run(List<DayOfWeek> days) {
		String first = days.get(0).name().substring(0, 3);
		return days.size() == 1 ? first : first + "-" + days.get(days.size() - 1).name().substring(0, 3);
	}

	static List<String> stationNames(String text) {
		List<String> names = new ArrayList<>();
		if (text != null) {
			for (String line : text.split("\\R")) {
				if (!line.isBlank()) {
					names.add(line.strip());
				}
			}
		}
		return names;
	}

	private static Integer number(Map<String, Problem> problems, String field, String text, int min, int max) {
		try {
			int value = Integer.parseInt(text == null ? "" : text.strip());
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.put(field, new Problem("calls.settings.error.number", min, max));
		return null;
	}

	private static LocalDate date(String text) {
		try {
			return hasText(text) ? LocalDate.parse(text.strip()) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static LocalTime time(String text) {
		try {
			return hasText(text) ? LocalTime.parse(text.strip()) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String first(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		if (value == null) {
			return "";
		}
		return value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) : value;
	}

	private static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

}
