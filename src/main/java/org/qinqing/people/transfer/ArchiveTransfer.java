package org.qinqing.people.transfer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.qinqing.console.StaffUser;
import org.qinqing.people.ArchiveFilter;
import org.qinqing.people.ArchiveSelection;
import org.qinqing.people.CardField;
import org.qinqing.people.Child;
import org.qinqing.people.ChildAccess;
import org.qinqing.people.ContactCards;
import org.qinqing.people.Families;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolNames;
import org.qinqing.people.SchoolRecords;
import org.springframework.stereotype.Service;

/**
 * Class lists in and out: reads an upload against the classes the user may see, writes good rows
 * (a known child — same class, name and birth date — is updated through the contact card's history,
 * anyone else is added) together with each child's family, the parents and guardians the card names
 * ({@link Families#fromCard}), and writes the archive back out in the same columns.
 * <p>
 * A preview and an import run the same plan, so the preview says exactly what the import does. Both read
 * what the rows need in a few pipelines (the rows' classes' children and their cards, the families of
 * those children, the people with the rows' phones) and an import writes in a few more: the cost in Redis
 * round trips does not grow with the rows, nor with the size of the county.
 */
@Service
class ArchiveTransfer {

	enum Status {

		NEW, UPDATE, UNCHANGED

	}

	/** What importing one good row does: to the child and the card, and to the child's family. */
	record RowPlan(Status status, Families.Plan family) {
	}

	/** What an import did: children created, updated and unchanged, and their families' totals. */
	record Outcome(int created, int updated, int unchanged, Families.Plan families) {
	}

	private final SchoolRecords records;

	private final ContactCards cards;

	private final Families families;

	private final ChildAccess access;

	private final ArchiveSelection selection;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ArchiveTransfer(SchoolRecords records, ContactCards cards, Families families, ChildAccess access,
			ArchiveSelection selection, Clock clock) {
		this.selection = selection;
		this.records = records;
		this.cards = cards;
		this.families = families;
		this.access = access;
		this.clock = clock;
	}

	ParsedImport parse(StaffUser user, String fileName, byte[] bytes) throws SheetFiles.UnreadableFileException {
		List<SheetRow> rows = SheetFiles.read(bytes);
		return new ArchiveSheetParser(this.access.visibleClasses(user),
				List.copyOf(this.records.schools(user.tenant()).values()), LocalDate.now(this.clock))
			.parse(fileName, rows);
	}

	/** What importing each good row would do, by line; nothing is written. */
	Map<Integer, RowPlan> preview(StaffUser user, ParsedImport parsed) {
		return plan(user, parsed.goodRows()).rows();
	}

	/** Writes the rows (only good ones: callers pass {@link ParsedImport#goodRows()}) and their families. */
	Outcome apply(StaffUser user, List<ImportRow> rows) {
		for (ImportRow row : rows) {
			if (!row.isGood()) {
				throw new IllegalArgumentException("row " + row.line() + " has problems");
			}
		}
		Plan plan = plan(user, rows);
		String tenant = user.tenant();
		// children first, then their cards, then the families that point at them
		this.records.saveChildren(tenant, plan.children().values());
		this.cards.updateAll(tenant, plan.cardChanges(), user.displayName());
		this.families.commit(plan.batch());
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		Families.Plan family = Families.Plan.NONE;
		for (RowPlan row : plan.rows().values()) {
			switch (row.status()) {
				case NEW -> created++;
				case UPDATE -> updated++;
				default -> unchanged++;
			}
			family = family.plus(row.family());
		}
		return new Outcome(created, updated, unchanged, family);
	}

	/**
	 * The plan for the rows: by line what happens, the children to save (new ones, and known ones whose
	 * left-behind type changed), the card fields to write, and the families' batch to commit.
	 */
	private record Plan(Map<Integer, RowPlan> rows, Map<String, Child> children,
			Map<String, Map<CardField, String>> cardChanges, Families.Batch batch) {
	}

	private Plan plan(StaffUser user, List<ImportRow> rows) {
		String tenant = user.tenant();
		Set<String> classIds = new LinkedHashSet<>();
		rows.forEach(row -> classIds.add(row.classId()));
		Known known = knownChildren(user, classIds);
		Map<Integer, Status> statuses = new LinkedHashMap<>();
		Map<Integer, Child> rowChildren = new LinkedHashMap<>();
		Map<Integer, Map<CardField, String>> rowCards = new LinkedHashMap<>();
		Map<String, Child> toSave = new LinkedHashMap<>();
		Map<String, Map<CardField, String>> cardChanges = new LinkedHashMap<>();
		for (ImportRow row : rows) {
			Child child = known.byIdentity().get(row.identity());
			Map<CardField, String> card;
			if (child == null) {
				String id = newId();
				child = new Child("ch" + id, row.name(), row.classId(), row.leftBehind(), "fam" + id, "");
				card = new EnumMap<>(row.card());
				statuses.put(row.line(), Status.NEW);
				toSave.put(child.id(), child);
				cardChanges.put(child.id(), row.card());
			}
			else {
				Map<CardField, String> before = known.cards().getOrDefault(child.id(), Map.of());
				// an empty cell never clears what the card holds, so the family is read from the card as it will be
				card = new EnumMap<>(CardField.class);
				card.putAll(before);
				card.putAll(row.card());
				boolean cardChanged = row.card()
					.entrySet()
					.stream()
					.anyMatch(e -> !Objects.equals(e.getValue(), before.getOrDefault(e.getKey(), "")));
				if (child.leftBehind() != row.leftBehind()) {
					child = new Child(child.id(), child.name(), child.classId(), row.leftBehind(), child.familyId(),
							child.pairedTeacherId());
					toSave.put(child.id(), child);
				}
				statuses.put(row.line(), cardChanged || toSave.containsKey(child.id()) ? Status.UPDATE : Status.UNCHANGED);
				if (cardChanged) {
					cardChanges.put(child.id(), row.card());
				}
			}
			rowChildren.put(row.line(), child);
			rowCards.put(row.line(), card);
		}
		Families.Batch batch = this.families.batch(tenant, rowChildren.values(), rowCards.values(), user.displayName());
		Map<Integer, RowPlan> plans = new LinkedHashMap<>();
		for (ImportRow row : rows) {
			Child child = rowChildren.get(row.line());
			Families.Plan family = this.families.fromCard(batch, child, rowCards.get(row.line()));
			Status status = statuses.get(row.line());
			if (status == Status.UNCHANGED && !family.changesNothing()) {
				status = Status.UPDATE;
			}
			plans.put(row.line(), new RowPlan(status, family));
		}
		// a child who joined a sibling's family is saved with its family id
		Map<String, Child> children = new LinkedHashMap<>();
		toSave.keySet().forEach(id -> children.put(id, batch.child(id)));
		return new Plan(plans, children, cardChanges, batch);
	}

	/** The archive the user may see, in the import's columns, header first. */
	List<List<String>> export(StaffUser user) {
		return export(user, ArchiveFilter.EVERYONE);
	}

	/** The part of the archive the user may see that passes the list's filter, all of it, in the import's columns. */
	List<List<String>> export(StaffUser user, ArchiveFilter filter) {
		List<SchoolClass> classes = this.access.visibleClasses(user);
		SchoolNames schools = this.records.schoolNames(user.tenant());
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
					case SCHOOL:
						row.add(schoolClass == null ? "" : schools.of(schoolClass));
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

	/** The children of these classes the user may see, by (class, name, birth date), and their cards. */
	private record Known(Map<String, Child> byIdentity, Map<String, Map<CardField, String>> cards) {
	}

	private Known knownChildren(StaffUser user, Set<String> classIds) {
		List<Child> children = this.access.visibleChildren(user, classIds)
			.values()
			.stream()
			.flatMap(List::stream)
			.sorted(Comparator.comparing(Child::id))
			.toList();
		Map<String, Map<CardField, String>> cards = this.cards.cards(user.tenant(), children.stream().map(Child::id).toList());
		Map<String, Child> known = new HashMap<>();
		for (Child child : children) {
			String birth = cards.get(child.id()).getOrDefault(CardField.CHILD_BIRTH_DATE, "");
			LocalDate date = Normalize.date(birth);
			known.putIfAbsent(ChildKey.of(child.classId(), child.name(), date == null ? birth : date.toString()), child);
		}
		return new Known(known, cards);
	}

	private String newId() {
		byte[] bytes = new byte[6];
		this.random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
