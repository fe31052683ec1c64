package org.qinqing.people.transfer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.qinqing.console.StaffUser;
import org.qinqing.people.ArchiveFilter;
import org.qinqing.people.ArchiveSelection;
import org.qinqing.people.CardField;
import org.qinqing.people.Child;
import org.qinqing.people.ChildAccess;
import org.qinqing.people.ContactCards;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.springframework.stereotype.Service;

/**
 * Class lists in and out: reads an upload against the classes the user may see, writes good rows
 * (a known child — same class, name and birth date — is updated through the contact card's history,
 * anyone else is added), and writes the archive back out in the same columns.
 */
@Service
class ArchiveTransfer {

	enum Status {

		NEW, UPDATE, UNCHANGED

	}

	record Outcome(int created, int updated, int unchanged) {
	}

	private final SchoolRecords records;

	private final ContactCards cards;

	private final ChildAccess access;

	private final ArchiveSelection selection;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ArchiveTransfer(SchoolRecords records, ContactCards cards, ChildAccess access, ArchiveSelection selection,
			Clock clock) {
		this.selection = selection;
		this.records = records;
		this.cards = cards;
		this.access = access;
		this.clock = clock;
	}

	ParsedImport parse(StaffUser user, String fileName, byte[] bytes) throws SheetFiles.UnreadableFileException {
		List<SheetRow> rows = SheetFiles.read(bytes);
		return new ArchiveSheetParser(this.access.visibleClasses(user), LocalDate.now(this.clock)).parse(fileName, rows);
	}

	/** What importing each good row would do, by line. */
	Map<Integer, Status> preview(StaffUser user, ParsedImport parsed) {
		Map<String, Child> known = knownChildren(user);
		Map<Integer, Status> statuses = new HashMap<>();
		for (ImportRow row : parsed.goodRows()) {
			Child child = known.get(row.identity());
			if (child == null) {
				statuses.put(row.line(), Status.NEW);
			}
			else {
				statuses.put(row.line(), wouldChange(user, child, row) ? Status.UPDATE : Status.UNCHANGED);
			}
		}
		return statuses;
	}

	private boolean wouldChange(StaffUser user, Child child, ImportRow row) {
		if (child.leftBehind() != row.leftBehind()) {
			return true;
		}
		Map<CardField, String> card = this.cards.card(user.tenant(), child.id());
		return row.card().entrySet().stream().anyMatch(e -> !e.getValue().equals(card.getOrDefault(e.getKey(), "")));
	}

	/** Writes the rows (only good ones: callers pass {@link ParsedImport#goodRows()}). */
	Outcome apply(StaffUser user, List<ImportRow> rows) {
		Map<String, Child> known = knownChildren(user);
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		for (ImportRow row : rows) {
			if (!row.isGood()) {
				throw new IllegalArgumentException("row " + row.line() + " has problems");
			}
			Child child = known.get(row.identity());
			if (child == null) {
				String id = newId();
				child = new Child("ch" + id, row.name(), row.classId(), row.leftBehind(), "fam" + id, "");
				this.cards.update(user.tenant(), child.id(), row.card(), user.displayName());
				this.records.save(user.tenant(), child);
				known.put(row.identity(), child);
				created++;
				continue;
			}
			boolean typeChanged = child.leftBehind() != row.leftBehind();
			if (typeChanged) {
				child = new Child(child.id(), child.name(), child.classId(), row.leftBehind(), child.familyId(),
						child.pairedTeacherId());
				this.records.save(user.tenant(), child);
				known.put(row.identity(), child);
			}
			boolean cardChanged = !this.cards.update(user.tenant(), child.id(), row.card(), user.displayName()).isEmpty();
			if (typeChanged || cardChanged) {
				updated++;
			}
			else {
				unchanged++;
			}
		}
		return new Outcome(created, updated, unchanged);
	}

	/** The archive the user may see, in the import's columns, header first. */
	List<List<String>> export(StaffUser user) {
		return export(user, ArchiveFilter.EVERYONE);
	}

	/** The part of the archive the user may see that passes the list's filter, all of it, in the import's columns. */
	List<List<String>> export(StaffUser user, ArchiveFilter filter) {
		List<SchoolClass> classes = this.access.visibleClasses(user);
		Map<String, SchoolClass> byId = new HashMap<>();
		Map<String, Integer> order = new HashMap<>();
		for (int i = 0; i < classes.size(); i++) {
			byId.put(classes.get(i).id(), classes.get(i));
			order.put(classes.get(i).id(), i);
		}
		List<Child> children = new ArrayList<>(this.selection.children(user, filter, classes));
		children.sort(Comparator.<Child>comparingInt(c -> order.getOrDefault(c.classId(), Integer.MAX_VALUE))
			.thenComparing(Child::name)
			.thenComparing(Child::id));
		Map<String, Map<CardField, String>> cards = this.cards.cards(user.tenant(),
				children.stream().map(Child::id).toList());
		List<List<String>> rows = new ArrayList<>();
		rows.add(ArchiveColumn.headers());
		for (Child child : children) {
			Map<CardField, String> card = cards.get(child.id());
			SchoolClass schoolClass = byId.get(child.classId());
			List<String> row = new ArrayList<>();
			for (ArchiveColumn column : ArchiveColumn.values()) {
				switch (column) {
					case NAME:
						row.add(child.name());
						break;
					case CLASS:
						row.add(schoolClass == null ? "" : schoolClass.name());
						break;
					case LEFT_BEHIND:
						row.add(Normalize.leftBehindWord(child.leftBehind()));
						break;
					default:
						row.add(card.getOrDefault(column.field(), ""));
				}
			}
			rows.add(row);
		}
		return rows;
	}

	/** The children the user may see, by (class, name, birth date). */
	private Map<String, Child> knownChildren(StaffUser user) {
		Map<String, Child> known = new HashMap<>();
		List<Child> visible = this.access.visibleChildren(user);
		Map<String, Map<CardField, String>> cards = this.cards.cards(user.tenant(), visible.stream().map(Child::id).toList());
		for (Child child : visible) {
			String birth = cards.get(child.id()).getOrDefault(CardField.CHILD_BIRTH_DATE, "");
			LocalDate date = Normalize.date(birth);
			known.putIfAbsent(ChildKey.of(child.classId(), child.name(), date == null ? birth : date.toString()), child);
		}
		return known;
	}

	private String newId() {
		byte[] bytes = new byte[6];
		this.random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
