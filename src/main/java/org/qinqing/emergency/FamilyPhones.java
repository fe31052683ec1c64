package org.qinqing.emergency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qinqing.people.CardField;
import org.qinqing.people.ContactCards;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.springframework.stereotype.Component;

/**
 * The numbers a teacher phones when WeChat does not do: the child's registered guardians or parents (their own
 * phone) and the contact card's (联系卡: the guardian's, the father's, the mother's). They go to the teacher in chat
 * and nowhere else: never into the timeline, never into a log.
 */
@Component
class FamilyPhones {

	/** Someone to phone: who (relation and name, as the teacher knows them) and the number. */
	record Contact(String personId, String relation, String name, String phone) {
	}

	private final SchoolRecords records;

	private final ContactCards cards;

	FamilyPhones(SchoolRecords records, ContactCards cards) {
		this.records = records;
		this.cards = cards;
	}

	/** The step's people for the child: guardians for {@link ChainStep#GUARDIANS}, else the parents. */
	List<Contact> of(String tenant, String childId, ChainStep step) {
		Role role = step == ChainStep.GUARDIANS ? Role.GUARDIAN : Role.PARENT;
		List<Contact> contacts = new ArrayList<>();
		Set<String> phones = new LinkedHashSet<>();
		for (Person adult : this.records.adultsOf(tenant, childId)) {
			if (adult.role() == role) {
				contacts.add(new Contact(adult.id(), adult.relation(), adult.name(), adult.phone()));
				if (!adult.phone().isEmpty()) {
					phones.add(adult.phone());
				}
			}
		}
		Map<CardField, String> card = this.cards.card(tenant, childId);
		if (step == ChainStep.GUARDIANS) {
			fromCard(contacts, phones, card.getOrDefault(CardField.GUARDIAN_RELATION, ""),
					card.get(CardField.GUARDIAN_NAME), card.get(CardField.GUARDIAN_PHONE));
		}
		else {
			fromCard(contacts, phones, "父亲", card.get(CardField.FATHER_NAME), card.get(CardField.FATHER_PHONE));
			fromCard(contacts, phones, "母亲", card.get(CardField.MOTHER_NAME), card.get(CardField.MOTHER_PHONE));
		}
		return contacts;
	}

	/** Those of {@code personIds} among the step's contacts, with a number where the card has one for their relation. */
	List<Contact> of(String tenant, String childId, ChainStep step, Collection<String> personIds) {
		List<Contact> all = of(tenant, childId, step);
		List<Contact> chosen = new ArrayList<>();
		for (Contact c : all) {
			if (!c.personId().isEmpty() && personIds.contains(c.personId())) {
				String phone = c.phone();
				if (phone.isEmpty()) {
					// the person's record has no number: the card's of the same relation, or the card's only one
					phone = all.stream()
						.filter(o -> o.personId().isEmpty() && !o.phone().isEmpty())
						.filter(o -> o.relation().equals(c.relation()) || all.stream().filter(x -> x.personId().isEmpty()).count() == 1)
						.map(Contact::phone)
						.findFirst()
						.orElse("");
				}
				chosen.add(new Contact(c.personId(), c.relation(), c.name(), phone));
			}
		}
		return chosen;
	}

	private static void fromCard(List<Contact> contacts, Set<String> phones, String relation, String name,
			String phone) {
		String number = phone == null ? "" : phone.strip();
		if (number.isEmpty() || phones.contains(number)) {
			return;
		}
		phones.add(number);
		contacts.add(new Contact("", relation == null ? "" : relation, name == null ? "" : name, number));
	}

}
