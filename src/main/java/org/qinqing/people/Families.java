package org.qinqing.people;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinqing.system.Pipelines;
import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * A child's family: the parents and guardians who may bind, book and be told. A family member is one
 * {@link Person} for all their children, so a parent whose phone is already known (a sibling in another
 * class) is the same person, not a second one. Every change is kept in the child's family history, the
 * contact card follows the father, mother and guardian it names, and the WeChat users bound to a changed
 * person re-read who they are at their next message.
 */
@Service
public class Families {

	/** What the school says about one family member. */
	public record Member(Role role, String name, String relation, String phone) {

		public Member {
			name = name == null ? "" : name.strip();
			relation = relation == null ? "" : relation.strip();
			phone = digits(phone);
		}

	}

	/** One change of a child's family: when, by whom, what (a message key's last part) and about whom. */
	public record Change(long at, String by, String what, String who) {
	}

	private final SchoolRecords records;

	private final ContactCards cards;

	private final Directory directory;

	private final BindingCodes codes;

	private final StringRedisTemplate redis;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	private final SecureRandom random = new SecureRandom();

	Families(SchoolRecords records, ContactCards cards, Directory directory, BindingCodes codes,
			StringRedisTemplate redis, Clock clock) {
		this.records = records;
		this.cards = cards;
		this.directory = directory;
		this.codes = codes;
		this.redis = redis;
		this.clock = clock;
	}

	/** Digits only: 139-0000-1111 and 13900001111 are one phone. */
	public static String digits(String phone) {
		return phone == null ? "" : phone.replaceAll("\\D", "");
	}

	/** The child's parents and guardians, by id. */
	public List<Person> members(String tenant, String childId) {
		return this.records.adultsOf(tenant, childId).stream().filter(Person::isFamily).toList();
	}

	/**
	 * Adds a family member to a child. A parent or guardian with the same phone is that person (a sibling's
	 * parent): the child joins their family instead of a second record being made.
	 */
	public Person add(String tenant, String childId, Member member, String by) {
		Child child = child(tenant, childId);
		Optional<Person> known = member.phone().isEmpty() ? Optional.empty()
				: this.records.familyByPhone(tenant, member.phone()).stream().findFirst();
		Person person;
		if (known.isPresent()) {
			Person existing = known.get();
			List<String> children = new ArrayList<>(existing.childIds());
			if (!children.contains(childId)) {
				children.add(childId);
			}
			person = existing.withChildren(children);
			this.records.save(tenant, person);
			joinFamily(tenant, child, existing);
			record(tenant, childId, by, "linked", person.name());
		}
		else {
			person = new Person("p" + newId(), member.role(), member.name(), member.relation(), List.of(childId),
					List.of(), member.phone());
			this.records.save(tenant, person);
			record(tenant, childId, by, "added", person.name());
		}
		syncCard(tenant, child, person, by);
		this.directory.identityChanged(tenant, person.id());
		return person;
	}

	/** Changes a family member's role, name, relation or phone (for all their children). */
	public Person update(String tenant, String childId, String personId, Member member, String by) {
		Child child = child(tenant, childId);
		Person before = member(tenant, childId, personId);
		Person after = new Person(before.id(), member.role(), member.name(), member.relation(), before.childIds(),
				before.classIds(), member.phone());
		if (after.equals(before)) {
			return before;
		}
		this.records.save(tenant, after);
		record(tenant, childId, by, "changed", after.name());
		syncCard(tenant, child, after, by);
		this.directory.identityChanged(tenant, personId);
		return after;
	}

	/**
	 * Takes a member out of a child's family. Someone left with no child at the school is removed altogether:
	 * their WeChat bindings end and their open code is revoked, so they can no longer book, read or ask.
	 */
	public void remove(String tenant, String childId, String personId, String by) {
		Child child = child(tenant, childId);
		Person person = member(tenant, childId, personId);
		List<String> children = new ArrayList<>(person.childIds());
		children.remove(childId);
		this.directory.identityChanged(tenant, personId);
		if (children.isEmpty()) {
			this.codes.currentCode(tenant, personId).ifPresent(code -> this.codes.revoke(tenant, code));
			this.directory.unbindPerson(tenant, personId);
			this.records.delete(tenant, personId);
		}
		else {
			this.records.save(tenant, person.withChildren(children));
		}
		record(tenant, childId, by, "removed", person.name());
		clearCard(tenant, child, person, by);
	}

	/**
	 * Makes two children siblings: one family, every parent and guardian of each now the other's too.
	 */
	public void linkSibling(String tenant, String childId, String siblingId, String by) {
		if (childId.equals(siblingId)) {
			throw new IllegalArgumentException("a child is not their own sibling");
		}
		Child child = child(tenant, childId);
		Child sibling = child(tenant, siblingId);
		Set<String> adults = new LinkedHashSet<>();
		members(tenant, childId).forEach(p -> adults.add(p.id()));
		members(tenant, siblingId).forEach(p -> adults.add(p.id()));
		for (String id : adults) {
			this.records.person(tenant, id).ifPresent(person -> {
				List<String> children = new ArrayList<>(person.childIds());
				for (String c : List.of(childId, siblingId)) {
					if (!children.contains(c)) {
						children.add(c);
					}
				}
				this.records.save(tenant, person.withChildren(children));
				this.directory.identityChanged(tenant, id);
			});
		}
		if (!sibling.familyId().equals(child.familyId())) {
			this.records.save(tenant, withFamily(sibling, child.familyId()));
		}
		record(tenant, childId, by, "sibling", sibling.name());
		record(tenant, siblingId, by, "sibling", child.name());
	}

	/**
	 * What a class list's row does to a child's family: members added, changed in place and linked (a sibling's
	 * parent or guardian, known by phone), whether the child's family is new, and whether the child is left
	 * with nobody who could bind. Rows' plans add up to an import's totals.
	 */
	public record Plan(int added, int changed, int joined, int newFamilies, int withoutFamily) {

		public static final Plan NONE = new Plan(0, 0, 0, 0, 0);

		public boolean changesNothing() {
			return this.added == 0 && this.changed == 0 && this.joined == 0;
		}

		public Plan plus(Plan other) {
			return new Plan(this.added + other.added, this.changed + other.changed, this.joined + other.joined,
					this.newFamilies + other.newFamilies, this.withoutFamily + other.withoutFamily);
		}

	}

	/**
	 * One import's view of the tenant's families: everything the rows may need is read in a few pipelines when
	 * the batch is made (the rows' children's members, the people with the rows' phones, those people's other
	 * children), {@link #fromCard} plans in memory against it, later rows seeing what earlier rows planned,
	 * and {@link #commit} writes it all at once. A preview plans the same way and never commits, so it says
	 * exactly what the import will do.
	 */
	public static final class Batch {

		private final String tenant;

		private final String by;

		/** The latest state of every person the batch knows (read or planned), by id. */
		private final Map<String, Person> people = new HashMap<>();

		/** Ids of each known child's adults; of family people by phone. */
		private final Map<String, Set<String>> adultsByChild = new HashMap<>();

		private final Map<String, Set<String>> byPhone = new HashMap<>();

		private final Map<String, Child> children = new HashMap<>();

		private final Set<String> written = new LinkedHashSet<>();

		private final Set<String> planned = new HashSet<>();

		private final Map<String, Child> refamilied = new LinkedHashMap<>();

		private final List<Map.Entry<String, Change>> history = new ArrayList<>();

		private Batch(String tenant, String by) {
			this.tenant = tenant;
			this.by = by;
		}

		/** The child as the batch has it (a linked child takes its sibling's family id). */
		public Child child(String childId) {
			return this.children.get(childId);
		}

		private List<Person> members(String childId) {
			return this.adultsByChild.getOrDefault(childId, Set.of())
				.stream()
				.map(this.people::get)
				.filter(p -> p != null && p.isFamily() && p.childIds().contains(childId))
				.sorted(java.util.Comparator.comparing(Person::id))
				.toList();
		}

		private void put(Person person) {
			Person old = this.people.put(person.id(), person);
			if (old != null && !old.phone().isEmpty() && !old.phone().equals(person.phone())) {
				this.byPhone.getOrDefault(old.phone(), new HashSet<>()).remove(person.id());
			}
			if (!person.phone().isEmpty()) {
				this.byPhone.computeIfAbsent(person.phone(), k -> new LinkedHashSet<>()).add(person.id());
			}
			for (String childId : person.childIds()) {
				this.adultsByChild.computeIfAbsent(childId, k -> new LinkedHashSet<>()).add(person.id());
			}
			this.written.add(person.id());
		}

		private void note(String childId, String what, String who, long at) {
			this.history.add(Map.entry(childId, new Change(at, this.by, what, who)));
		}

	}

	/**
	 * A batch for an import's rows: their children (existing ones, and the ones the import would create) and
	 * the cards they would have. Seven round trips at most, however many rows.
	 */
	public Batch batch(String tenant, Collection<Child> children, Collection<Map<CardField, String>> cards, String by) {
		Batch batch = new Batch(tenant, by);
		children.forEach(child -> batch.children.put(child.id(), child));
		Map<String, List<Person>> adults = this.records.adultsOf(tenant, batch.children.keySet());
		adults.forEach((childId, people) -> people.forEach(p -> {
			batch.people.putIfAbsent(p.id(), p);
			batch.adultsByChild.computeIfAbsent(childId, k -> new LinkedHashSet<>()).add(p.id());
		}));
		Set<String> phones = new LinkedHashSet<>();
		for (Map<CardField, String> card : cards) {
			for (CardSlot slot : CardSlot.values()) {
				String phone = digits(card.get(slot.phone));
				if (!phone.isEmpty()) {
					phones.add(phone);
				}
			}
		}
		this.records.familyByPhones(tenant, phones).forEach((phone, people) -> people.forEach(p -> {
			batch.people.putIfAbsent(p.id(), p);
			batch.byPhone.computeIfAbsent(phone, k -> new LinkedHashSet<>()).add(p.id());
		}));
		// the other children of the people found by phone: a child linked to them joins their family
		Set<String> siblings = new LinkedHashSet<>();
		batch.people.values().forEach(p -> p.childIds().stream().filter(id -> !batch.children.containsKey(id)).forEach(siblings::add));
		batch.children.putAll(this.records.children(tenant, siblings));
		return batch;
	}

	/**
	 * The family members a contact card names (father, mother, guardian: names and phones), matched so an
	 * import run twice doubles nobody: a member the child already has in that place is updated in place, a
	 * parent or guardian whose phone is known in that place (a sibling in another class, or a row earlier in
	 * the same file) is linked and the child joins their family, anyone else is added. A known phone with
	 * another name is another person: a family often shares one phone (the mother's number on the father's
	 * line too, the grandmother's the father's), and two people are never merged into one. Nothing is
	 * written: the batch records the plan, {@link #commit} writes it.
	 */
	public Plan fromCard(Batch batch, Child child, Map<CardField, String> card) {
		long now = this.clock.millis();
		List<Person> current = batch.members(child.id());
		boolean hadFamily = !current.isEmpty();
		int added = 0;
		int changed = 0;
		int joined = 0;
		Member father = CardSlot.FATHER.member(card);
		Member mother = CardSlot.MOTHER.member(card);
		for (CardSlot slot : CardSlot.values()) {
			Member member = slot.member(card);
			if (member == null || (slot == CardSlot.GUARDIAN && isAParent(member, father, mother))) {
				continue;
			}
			Optional<Person> inPlace = current.stream()
				.filter(slot::holds)
				.min(java.util.Comparator.comparingInt(p -> likeness(p, member)));
			if (inPlace.isPresent()) {
				Person before = batch.people.get(inPlace.get().id());
				Person after = new Person(before.id(), before.role(), member.name().isEmpty() ? before.name() : member.name(),
						member.relation().isEmpty() ? before.relation() : member.relation(), before.childIds(),
						before.classIds(), member.phone().isEmpty() ? before.phone() : member.phone());
				if (!after.equals(before)) {
					changed++;
					batch.put(after);
					batch.note(child.id(), "changed", after.name(), now);
				}
				continue;
			}
			Optional<Person> known = member.phone().isEmpty() ? Optional.empty()
					: batch.byPhone.getOrDefault(member.phone(), Set.of())
						.stream()
						.map(batch.people::get)
						.filter(p -> p != null && slot.holds(p) && sameName(p.name(), member.name()))
						.min(java.util.Comparator.comparing(Person::id));
			if (known.isPresent()) {
				Person existing = known.get();
				if (existing.childIds().contains(child.id())) {
					continue;
				}
				joined++;
				List<String> children = new ArrayList<>(existing.childIds());
				children.add(child.id());
				batch.put(existing.withChildren(children));
				joinFamily(batch, child.id(), existing);
				batch.note(child.id(), "linked", existing.name(), now);
				continue;
			}
			if (member.name().isEmpty()) {
				continue; // a phone alone is no one the school can address
			}
			added++;
			Person person = new Person("p" + newId(), member.role(), member.name(), member.relation(), List.of(child.id()),
					List.of(), member.phone());
			batch.put(person);
			batch.planned.add(person.id());
			batch.note(child.id(), "added", person.name(), now);
		}
		boolean newFamily = !hadFamily && joined == 0 && added > 0;
		boolean withoutFamily = batch.members(child.id()).isEmpty();
		return new Plan(added, changed, joined, newFamily ? 1 : 0, withoutFamily ? 1 : 0);
	}

	/** Writes what the batch planned: people and their indexes, children who joined a family, the history. */
	public void commit(Batch batch) {
		String tenant = batch.tenant;
		this.records.savePeople(tenant, batch.written.stream().map(batch.people::get).toList());
		this.records.saveChildren(tenant, batch.refamilied.values());
		if (!batch.history.isEmpty()) {
			Pipelines.run(this.redis, ops -> {
				Set<String> keys = new LinkedHashSet<>();
				for (Map.Entry<String, Change> entry : batch.history) {
					String key = historyKey(tenant, entry.getKey());
					ops.opsForList().leftPush(key, this.json.writeValueAsString(entry.getValue()));
					keys.add(key);
				}
				keys.forEach(key -> ops.opsForList().trim(key, 0, 499));
			});
		}
		// the WeChat users of people who changed re-read who they are; people just added have none yet
		this.directory.identitiesChanged(tenant, batch.written.stream().filter(id -> !batch.planned.contains(id)).toList());
	}

	/** The guardian the card names is one of the parents it names (a parent at home): the same person. */
	private static boolean isAParent(Member guardian, Member father, Member mother) {
		// a parent the card names only by phone is not a person to stand for: the guardian's line names them
		if ((guardian.relation().equals("父亲") && father != null && !father.name().isEmpty())
				|| (guardian.relation().equals("母亲") && mother != null && !mother.name().isEmpty())) {
			return true;
		}
		for (Member parent : java.util.Arrays.asList(father, mother)) {
			if (parent == null || parent.name().isEmpty() || !sameName(guardian.name(), parent.name())) {
				continue;
			}
			if (guardian.phone().isEmpty() || guardian.phone().equals(parent.phone())) {
				return true;
			}
		}
		return false;
	}

	/** Names that do not contradict each other: the same (spaces aside), or one of them unknown. */
	private static boolean sameName(String a, String b) {
		String x = a.replace(" ", "");
		String y = b.replace(" ", "");
		return x.isEmpty() || y.isEmpty() || x.equals(y);
	}

	/** 0 for the member the card names (same phone), 1 for the same name, 2 for anyone else in that place. */
	private static int likeness(Person person, Member member) {
		if (!member.phone().isEmpty() && member.phone().equals(person.phone())) {
			return 0;
		}
		return !member.name().isEmpty() && member.name().equals(person.name()) ? 1 : 2;
	}

	/** The child joins the family of a known parent or guardian (the sibling's family id wins). */
	private static void joinFamily(Batch batch, String childId, Person known) {
		for (String other : known.childIds()) {
			if (!other.equals(childId)) {
				Child sibling = batch.children.get(other);
				Child child = batch.children.get(childId);
				if (sibling != null && child != null && !sibling.familyId().equals(child.familyId())) {
					Child moved = withFamily(child, sibling.familyId());
					batch.children.put(childId, moved);
					batch.refamilied.put(childId, moved);
				}
				return;
			}
		}
	}

	/** The child's family history, newest first. */
	public List<Change> history(String tenant, String childId) {
		List<String> raw = this.redis.opsForList().range(historyKey(tenant, childId), 0, 199);
		List<Change> changes = new ArrayList<>();
		for (String item : raw == null ? List.<String>of() : raw) {
			changes.add(this.json.readValue(item, Change.class));
		}
		return changes;
	}

	/** The member of this child's family, or an exception when the person is not one. */
	public Person member(String tenant, String childId, String personId) {
		return this.records.person(tenant, personId)
			.filter(p -> p.isFamily() && p.childIds().contains(childId))
			.orElseThrow(() -> new IllegalArgumentException("not a family member of this child"));
	}

	private Child child(String tenant, String childId) {
		return this.records.child(tenant, childId).orElseThrow(() -> new IllegalArgumentException("no such child"));
	}

	/** The child joins the family of a known parent or guardian (the sibling's family id wins). */
	private void joinFamily(String tenant, Child child, Person known) {
		for (String other : known.childIds()) {
			if (!other.equals(child.id())) {
				Optional<Child> sibling = this.records.child(tenant, other);
				if (sibling.isPresent() && !sibling.get().familyId().equals(child.familyId())) {
					this.records.save(tenant, withFamily(child, sibling.get().familyId()));
				}
				return;
			}
		}
	}

	private static Child withFamily(Child child, String familyId) {
		return new Child(child.id(), child.name(), child.classId(), child.leftBehind(), familyId,
				child.pairedTeacherId());
	}

	/** The father, mother or guardian the contact card names, kept as the family says (with the card's history). */
	private void syncCard(String tenant, Child child, Person person, String by) {
		Map<CardField, String> changes = new EnumMap<>(CardField.class);
		CardSlot slot = CardSlot.of(person);
		if (slot == null) {
			return;
		}
		Map<CardField, String> card = this.cards.card(tenant, child.id());
		if (slot == CardSlot.GUARDIAN && !slot.names(card, person) && !card.getOrDefault(CardField.GUARDIAN_NAME, "").isEmpty()) {
			return; // the card names another guardian: this one is a second guardian of the family
		}
		changes.put(slot.name, person.name());
		changes.put(slot.phone, person.phone());
		if (slot.relation != null) {
			changes.put(slot.relation, person.relation());
		}
		this.cards.update(tenant, child.id(), changes, by);
	}

	private void clearCard(String tenant, Child child, Person person, String by) {
		CardSlot slot = CardSlot.of(person);
		Map<CardField, String> card = this.cards.card(tenant, child.id());
		if (slot == null || !slot.names(card, person)) {
			return;
		}
		Map<CardField, String> changes = new EnumMap<>(CardField.class);
		changes.put(slot.name, "");
		changes.put(slot.phone, "");
		if (slot.relation != null) {
			changes.put(slot.relation, "");
		}
		this.cards.update(tenant, child.id(), changes, by);
	}

	private void record(String tenant, String childId, String by, String what, String who) {
		String key = historyKey(tenant, childId);
		this.redis.opsForList().leftPush(key, this.json.writeValueAsString(new Change(this.clock.millis(), by, what, who)));
		this.redis.opsForList().trim(key, 0, 499);
	}

	private String newId() {
		byte[] bytes = new byte[6];
		this.random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static String historyKey(String tenant, String childId) {
		return RedisKeys.of(tenant, "family-history", childId);
	}

	/** Where the contact card names a family member: father, mother, or the guardian. */
	enum CardSlot {

		FATHER(CardField.FATHER_NAME, CardField.FATHER_PHONE, null),
		MOTHER(CardField.MOTHER_NAME, CardField.MOTHER_PHONE, null),
		GUARDIAN(CardField.GUARDIAN_NAME, CardField.GUARDIAN_PHONE, CardField.GUARDIAN_RELATION);

		final CardField name;

		final CardField phone;

		final CardField relation;

		CardSlot(CardField name, CardField phone, CardField relation) {
			this.name = name;
			this.phone = phone;
			this.relation = relation;
		}

		static CardSlot of(Person person) {
			if (person.role() == Role.GUARDIAN) {
				return GUARDIAN;
			}
			return switch (person.relation()) {
				case "父亲" -> FATHER;
				case "母亲" -> MOTHER;
				default -> null;
			};
		}

		/** The member the card names in this place, or null when it names no one. */
		Member member(Map<CardField, String> card) {
			String name = card.getOrDefault(this.name, "").strip();
			String phone = card.getOrDefault(this.phone, "");
			if (name.isEmpty() && digits(phone).isEmpty()) {
				return null;
			}
			return switch (this) {
				case FATHER -> new Member(Role.PARENT, name, "父亲", phone);
				case MOTHER -> new Member(Role.PARENT, name, "母亲", phone);
				case GUARDIAN -> new Member(Role.GUARDIAN, name,
						card.getOrDefault(CardField.GUARDIAN_RELATION, "").isBlank() ? "监护人"
								: card.get(CardField.GUARDIAN_RELATION).strip(),
						phone);
			};
		}

		/** Whether a member of the child holds this place: the father, the mother, or the (card's) guardian. */
		boolean holds(Person person) {
			return switch (this) {
				case FATHER -> person.role() == Role.PARENT && person.relation().equals("父亲");
				case MOTHER -> person.role() == Role.PARENT && person.relation().equals("母亲");
				case GUARDIAN -> person.role() == Role.GUARDIAN;
			};
		}

		/** Whether the card's slot is this person (by phone, else by name). */
		boolean names(Map<CardField, String> card, Person person) {
			String phone = digits(card.get(this.phone));
			if (!phone.isEmpty() && !person.phone().isEmpty()) {
				return phone.equals(person.phone());
			}
			return card.getOrDefault(this.name, "").equals(person.name());
		}

	}

}
