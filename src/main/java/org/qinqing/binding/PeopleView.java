package org.qinqing.binding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qinqing.conversation.Wording;
import org.qinqing.people.CardField;
import org.qinqing.people.ContactCards;
import org.qinqing.people.Directory;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.BotScripts;
import org.springframework.stereotype.Component;

/**
 * What a bound user may see of the school's records, worded for chat. Everything starts from the
 * people the openid is bound to, so a parent can only ever reach their own children.
 */
@Component
class PeopleView {

	private final Directory directory;

	private final SchoolRecords records;

	private final ContactCards cards;

	private final BotScripts scripts;

	private final Wording wording;

	PeopleView(Directory directory, SchoolRecords records, ContactCards cards, BotScripts scripts, Wording wording) {
		this.directory = directory;
		this.records = records;
		this.cards = cards;
		this.scripts = scripts;
		this.wording = wording;
		scripts.require("binding.my-info-title", "binding.my-info-person", "binding.my-info-phone",
				"binding.my-info-workCity", "binding.my-info-workUnit", "binding.my-info-address",
				"binding.my-info-occupation", "binding.my-info-health", "binding.my-info-age", "binding.my-info-children", "binding.my-info-classes",
				"binding.my-info-paired", "binding.my-info-correct", "binding.my-info-correct-admin",
				"binding.not-bound", "binding.list-separator", "binding.teacher-name", "binding.relation");
	}

	List<Person> people(String tenant, String openid) {
		List<Person> people = new ArrayList<>();
		for (String id : this.directory.boundPeople(tenant, openid)) {
			this.records.person(tenant, id).ifPresent(people::add);
		}
		return people;
	}

	/**
	 * "子涵（三年级(1)班）、浩宇（一年级(1)班）": given names and classes only. The children are those of
	 * {@code Access.familyOf}, but listed in the order of {@code people} (the bound records by id, as 绑定, 解绑 and
	 * 我的信息 have always listed them) rather than its parent-first order, so this does not go through it.
	 */
	String children(String tenant, List<Person> people) {
		Set<String> labels = new LinkedHashSet<>();
		for (Person person : people) {
			if (person.role() == Role.PARENT || person.role() == Role.GUARDIAN) {
				for (String childId : person.childIds()) {
					this.records.child(tenant, childId)
						.ifPresent(child -> labels.add(this.wording.childLabel(tenant, child)));
				}
			}
		}
		return String.join(this.scripts.text("binding.list-separator"), labels);
	}

	String classes(String tenant, List<Person> people) {
		Set<String> names = new LinkedHashSet<>();
		for (Person person : people) {
			for (String classId : person.classIds()) {
				this.records.schoolClass(tenant, classId).ifPresent(c -> names.add(c.name()));
			}
		}
		return String.join(this.scripts.text("binding.list-separator"), names);
	}

	/** Chinese names put the one-character surname first; the school speaks of pupils by given name. */
	static String givenName(String fullName) {
		return org.qinqing.people.PersonNames.givenName(fullName);
	}

	/** 我的信息: what the school holds about this user, and whom to ask to correct it. */
	String myInfo(String tenant, String openid) {
		List<Person> people = people(tenant, openid);
		if (people.isEmpty()) {
			return this.scripts.text("binding.not-bound");
		}
		StringBuilder text = new StringBuilder(this.scripts.text("binding.my-info-title"));
		Set<String> correctWith = new LinkedHashSet<>();
		for (Person person : people) {
			text.append('\n').append(this.scripts.text("binding.my-info-person",
					Map.of("name", person.name(), "relation", relation(person))));
			if (person.role() == Role.PARENT || person.role() == Role.GUARDIAN) {
				ownCardFields(tenant, person, text);
				for (String childId : person.childIds()) {
					this.records.child(tenant, childId)
						.flatMap(child -> this.records.schoolClass(tenant, child.classId()))
						.flatMap(c -> this.records.person(tenant, c.headTeacherId()))
						.ifPresent(teacher -> correctWith.add(teacher.name()));
				}
			}
			else if (!person.childIds().isEmpty()) {
				text.append('\n').append(this.scripts.text("binding.my-info-paired",
						Map.of("count", person.childIds().size())));
			}
		}
		String children = children(tenant, people);
		if (!children.isEmpty()) {
			text.append('\n').append(this.scripts.text("binding.my-info-children", Map.of("children", children)));
		}
		String classes = classes(tenant, people);
		if (!classes.isEmpty() && people.stream().anyMatch(p -> p.role() == Role.TEACHER)) {
			text.append('\n').append(this.scripts.text("binding.my-info-classes", Map.of("classes", classes)));
		}
		text.append("\n\n");
		if (correctWith.isEmpty()) {
			text.append(this.scripts.text("binding.my-info-correct-admin"));
		}
		else {
			text.append(this.scripts.text("binding.my-info-correct",
					Map.of("teachers", String.join(this.scripts.text("binding.list-separator"), correctWith.stream()
						.map(n -> this.scripts.text("binding.teacher-name", Map.of("name", n)))
						.toList()))));
		}
		return text.toString();
	}

	private String relation(Person person) {
		return person.relation().isEmpty() ? ""
				: this.scripts.text("binding.relation", Map.of("relation", person.relation()));
	}

	/** The user's own fields from their child's card: what the school holds about them. */
	private void ownCardFields(String tenant, Person person, StringBuilder text) {
		if (person.childIds().isEmpty()) {
			return;
		}
		Map<CardField, String> card = this.cards.card(tenant, person.childIds().get(0));
		String who = switch (person.relation()) {
			case "父亲" -> "father";
			case "母亲" -> "mother";
			default -> "guardian";
		};
		List<String> fields = who.equals("guardian")
				? List.of("phone", "address", "occupation", "health", "age") : List.of("phone", "workCity", "workUnit");
		for (String field : fields) {
			String value = card.get(CardField.ofKey(who + "." + field));
			if (value != null && !value.isBlank()) {
				String shown = field.equals("phone") ? mask(value) : value;
				text.append('\n').append(this.scripts.text("binding.my-info-" + field, Map.of("value", shown)));
			}
		}
	}

	/** 199****0012: enough to recognise one's own number, not enough to read someone else's off a screen. */
	static String mask(String phone) {
		String digits = phone.replaceAll("\\D", "");
		return digits.length() < 7 ? "****" : digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
	}

}
