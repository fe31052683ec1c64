package org.qinqing.people.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qinqing.people.CardField;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.School;
import org.qinqing.people.SchoolClass;

/**
 * Turns the rows of a class list into cleaned {@link ImportRow}s, each with every problem found
 * (and the line it is on). Knows nothing of the web or Redis: the classes come in as a list.
 */
final class ArchiveSheetParser {

	static final int MAX_LENGTH = 100;

	/** The classes by spelling; a county's schools may each have a 三年级(1)班. */
	private final Map<String, List<SchoolClass>> classes = new HashMap<>();

	private final Map<String, School> schools = new HashMap<>();

	private final Map<String, String> schoolNames = new HashMap<>();

	private final LocalDate today;

	/** @param classes the classes the importing user may fill; any other class name is unknown */
	ArchiveSheetParser(List<SchoolClass> classes, LocalDate today) {
		this(classes, List.of(), today);
	}

	/**
	 * @param classes the classes the importing user may fill; any other class name is unknown
	 * @param schools the tenant's schools, which a 学校 column names
	 */
	ArchiveSheetParser(List<SchoolClass> classes, List<School> schools, LocalDate today) {
		for (SchoolClass schoolClass : classes) {
			List<SchoolClass> named = this.classes.computeIfAbsent(Normalize.classKey(schoolClass.name()), k -> new ArrayList<>());
			if (!named.contains(schoolClass)) {
				named.add(schoolClass);
			}
			List<SchoolClass> numbered = this.classes.computeIfAbsent(schoolClass.grade() + "年级" + schoolClass.number() + "班",
					k -> new ArrayList<>());
			if (numbered.stream().noneMatch(c -> c.schoolId().equals(schoolClass.schoolId()))) {
				numbered.add(schoolClass);
			}
		}
		for (School school : schools) {
			this.schools.put(Normalize.schoolKey(school.name()), school);
			this.schoolNames.put(school.id(), school.name());
		}
		this.today = today;
	}

	ParsedImport parse(String fileName, List<SheetRow> sheet) {
		int headerAt = 0;
		while (headerAt < sheet.size() && sheet.get(headerAt).isBlank()) {
			headerAt++;
		}
		if (headerAt == sheet.size()) {
			return new ParsedImport(fileName, List.of(Problem.of("import.error.empty")), List.of());
		}
		Map<ArchiveColumn, Integer> columns = new EnumMap<>(ArchiveColumn.class);
		SheetRow header = sheet.get(headerAt);
		for (int i = 0; i < header.cells().size(); i++) {
			ArchiveColumn column = ArchiveColumn.ofHeader(header.cells().get(i));
			if (column != null) {
				columns.putIfAbsent(column, i);
			}
		}
		List<Problem> fileProblems = new ArrayList<>();
		for (ArchiveColumn required : List.of(ArchiveColumn.NAME, ArchiveColumn.CLASS, ArchiveColumn.LEFT_BEHIND)) {
			if (!columns.containsKey(required)) {
				fileProblems.add(Problem.of("import.error.missingColumn", String.valueOf(header.line()), required.header()));
			}
		}
		if (!fileProblems.isEmpty()) {
			return new ParsedImport(fileName, fileProblems, List.of());
		}
		List<ImportRow> rows = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (SheetRow row : sheet.subList(headerAt + 1, sheet.size())) {
			if (!row.isBlank()) {
				rows.add(row(row, columns, seen));
			}
		}
		if (rows.isEmpty()) {
			fileProblems.add(Problem.of("import.error.empty"));
		}
		return new ParsedImport(fileName, fileProblems, rows);
	}

	private ImportRow row(SheetRow row, Map<ArchiveColumn, Integer> columns, Map<String, Integer> seen) {
		List<Problem> problems = new ArrayList<>();
		String name = Normalize.text(cell(row, columns, ArchiveColumn.NAME));
		if (name.isEmpty()) {
			problems.add(Problem.of("import.error.name"));
		}
		String schoolName = Normalize.text(cell(row, columns, ArchiveColumn.SCHOOL));
		String className = Normalize.text(cell(row, columns, ArchiveColumn.CLASS));
		SchoolClass schoolClass = schoolClass(schoolName, className, problems);
		String leftBehindText = Normalize.text(cell(row, columns, ArchiveColumn.LEFT_BEHIND));
		LeftBehindType leftBehind = Normalize.leftBehind(leftBehindText);
		if (leftBehindText.isEmpty()) {
			problems.add(Problem.of("import.error.leftBehind.missing"));
		}
		else if (leftBehind == null) {
			problems.add(Problem.of("import.error.leftBehind", leftBehindText));
		}
		Map<CardField, String> card = new EnumMap<>(CardField.class);
		for (Map.Entry<ArchiveColumn, Integer> entry : columns.entrySet()) {
			ArchiveColumn column = entry.getKey();
			if (column.field() == null) {
				continue;
			}
			String value = clean(column, row.cell(entry.getValue()), problems);
			if (value != null && !value.isEmpty()) {
				card.put(column.field(), value);
			}
		}
		if (name.length() > MAX_LENGTH) {
			problems.add(Problem.of("import.error.tooLong", ArchiveColumn.NAME.header(), String.valueOf(MAX_LENGTH)));
		}
		if (!name.isEmpty() && schoolClass != null) {
			String identity = ChildKey.of(schoolClass.id(), name, card.getOrDefault(CardField.CHILD_BIRTH_DATE, ""));
			Integer first = seen.putIfAbsent(identity, row.line());
			if (first != null) {
				problems.add(Problem.of("import.error.duplicate", String.valueOf(first)));
			}
		}
		return new ImportRow(row.line(), name, schoolName, className, schoolClass == null ? null : schoolClass.id(),
				leftBehind, card, problems);
	}

	/**
	 * The class a row names: by its school when the row says which, else the one class of that name. A class
	 * name two schools share, without a school, is a problem rather than a guess.
	 */
	private SchoolClass schoolClass(String schoolName, String className, List<Problem> problems) {
		School school = null;
		if (!schoolName.isEmpty()) {
			school = this.schools.get(Normalize.schoolKey(schoolName));
			if (school == null) {
				problems.add(Problem.of("import.error.school.unknown", schoolName));
				return null;
			}
		}
		if (className.isEmpty()) {
			problems.add(Problem.of("import.error.class.missing"));
			return null;
		}
		String wantedSchool = school == null ? null : school.id();
		List<SchoolClass> named = this.classes.getOrDefault(Normalize.classKey(className), List.of())
			.stream()
			.filter(c -> wantedSchool == null || c.schoolId().equals(wantedSchool))
			.toList();
		if (named.isEmpty()) {
			problems.add(school == null ? Problem.of("import.error.class.unknown", className)
					: Problem.of("import.error.class.unknownInSchool", school.name(), className));
			return null;
		}
		if (named.size() > 1) {
			List<String> names = named.stream()
				.map(c -> this.schoolNames.getOrDefault(c.schoolId(), ""))
				.filter(n -> !n.isEmpty())
				.distinct()
				.toList();
			problems.add(Problem.of("import.error.class.ambiguous", className, String.valueOf(named.size()),
					String.join("、", names)));
			return null;
		}
		return named.get(0);
	}

	/** The cleaned value of a card cell; adds a problem and returns null when it cannot be used. */
	private String clean(ArchiveColumn column, String raw, List<Problem> problems) {
		String text = Normalize.text(raw);
		if (text.isEmpty()) {
			return "";
		}
		if (text.length() > MAX_LENGTH) {
			problems.add(Problem.of("import.error.tooLong", column.header(), String.valueOf(MAX_LENGTH)));
			return null;
		}
		CardField field = column.field();
		if (field == CardField.CHILD_BIRTH_DATE) {
			LocalDate date = Normalize.date(text);
			if (date == null || date.isAfter(this.today) || date.getYear() < 1900) {
				problems.add(Problem.of("import.error.date", column.header(), text));
				return null;
			}
			return date.toString();
		}
		if (field == CardField.CHILD_GENDER) {
			String gender = Normalize.gender(text);
			if (gender == null) {
				problems.add(Problem.of("import.error.gender", text));
			}
			return gender;
		}
		if (field == CardField.GUARDIAN_AGE) {
			String age = Normalize.age(text);
			if (age == null) {
				problems.add(Problem.of("import.error.age", column.header(), text));
			}
			return age;
		}
		if (field.isPhone()) {
			String phone = Normalize.phone(text);
			boolean workUnit = field == CardField.FATHER_WORK_UNIT_PHONE || field == CardField.MOTHER_WORK_UNIT_PHONE;
			if (Normalize.isMobile(phone) || Normalize.isLandline(phone, workUnit)) {
				return phone;
			}
			problems.add(Problem.of(workUnit ? "import.error.phone" : "import.error.mobile", column.header(), text));
			return null;
		}
		return text;
	}

	private static String cell(SheetRow row, Map<ArchiveColumn, Integer> columns, ArchiveColumn column) {
		Integer index = columns.get(column);
		return index == null ? "" : row.cell(index);
	}

}
