package org.qinqing.people;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

	/** What a class list's row does to a child's family: members added, changed in place, and joined (a sibling's). */
	public record Plan(int added, int changed, int joined) {

		public static final Plan NONE = new Plan(0, 0, 0);

		public boolean changesNothing() {
			return this.added == 0 && this.changed == 0 && this.joined == 0;
		}

		public Plan plus(Plan other) {
			return new Plan(this.added + other.added, this.changed + other.changed, this.joined + other.joined);
		}

	}

	/**
	 * The family members a contact card names (father, mother, guardian: names and phones), matched so an
	 * import run twice doubles nobody: a member the child already has in that place is updated in place, a
	 * parent or guardian whose phone is known (a sibling in another class) is linked, anyone else is added.
	 *
	 * @param child the imported child, or null for a row that would create one (then nothing is written)
	 * @param phonesPlanned phones this import adds a person for in earlier rows (their siblings link to them)
	 * @param apply false for the preview: nothing is written
	 */
	public Plan fromCard(String tenant, Child child, Map<CardField, String> card, String by, Set<String> phonesPlanned,
			boolean apply) {
		Plan plan = Plan.NONE;
		List<Person> current = child == null ? List.of() : members(tenant, child.id());
		Set<String> parentPhones = new LinkedHashSet<>();
		for (CardSlot slot : CardSlot.values()) {
			Member member = slot.member(card);
			if (member == null) {
				continue;
			}
			if (slot == CardSlot.GUARDIAN && (parentPhones.contains(member.phone())
					|| member.relation().equals("父亲") || member.relation().equals("母亲"))) {
				continue; // a parent at home is the guardian: the same person
			}
			if (slot != CardSlot.GUARDIAN && !member.phone().isEmpty()) {
				parentPhones.add(member.phone());
			}
			Optional<Person> inPlace = current.stream()
				.filter(p -> slot.holds(p, card))
				.findFirst();
			if (inPlace.isPresent()) {
				Person before = inPlace.get();
				Person after = new Person(before.id(), before.role(), member.name().isEmpty() ? before.name() : member.name(),
						member.relation().isEmpty() ? before.relation() : member.relation(), before.childIds(),
						before.classIds(), member.phone().isEmpty() ? before.phone() : member.phone());
				if (!after.equals(before)) {
					plan = plan.plus(new Plan(0, 1, 0));
					if (apply) {
						this.records.save(tenant, after);
						record(tenant, child.id(), by, "changed", after.name());
						this.directory.identityChanged(tenant, after.id());
					}
				}
				continue;
			}
			Optional<Person> known = member.phone().isEmpty() ? Optional.empty()
					: this.records.familyByPhone(tenant, member.phone()).stream().findFirst();
			if (known.isPresent() || phonesPlanned.contains(member.phone())) {
				plan = plan.plus(new Plan(0, 0, 1));
				if (apply && known.isPresent()) {
					Person existing = known.get();
					List<String> children = new ArrayList<>(existing.childIds());
					if (!children.contains(child.id())) {
						children.add(child.id());
					}
					this.records.save(tenant, existing.withChildren(children));
					joinFamily(tenant, child, existing);
					record(tenant, child.id(), by, "linked", existing.name());
					this.directory.identityChanged(tenant, existing.id());
				}
				continue;
			}
			if (member.name().isEmpty()) {
				continue; // a phone alone is no one the school can address
			}
			plan = plan.plus(new Plan(1, 0, 0));
			if (!member.phone().isEmpty()) {
				phonesPlanned.add(member.phone());
			}
			if (apply) {
				Person person = new Person("p" + newId(), member.role(), member.name(), member.relation(),
						List.of(child.id()), List.of(), member.phone());
				this.records.save(tenant, person);
				record(tenant, child.id(), by, "added", person.name());
			}
		}
		return plan;
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
		boolean holds(Person person, Map<CardField, String> card) {
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
