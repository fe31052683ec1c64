package org.qinqing.calls.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinqing.people.Child;
import org.qinqing.people.Directory;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.springframework.stereotype.Component;

/**
 * Which children a WeChat user may book calls for, and as whom. Everything starts from the people the
 * openid is bound to, so a parent only ever reaches their own children and their own family's bookings.
 */
@Component
class CallFamilies {

	/** A child the user may act for, and the bound person (parent or guardian) who acts. */
	record Member(Child child, Person adult) {
	}

	private final Directory directory;

	private final SchoolRecords records;

	CallFamilies(Directory directory, SchoolRecords records) {
		this.directory = directory;
		this.records = records;
	}

	/** The user's children with the adult they act as; a parent's tie comes before a guardian's. */
	List<Member> members(String tenant, String openid) {
		Map<String, Member> byChild = new LinkedHashMap<>();
		List<Person> adults = new ArrayList<>();
		for (String id : this.directory.boundPeople(tenant, openid)) {
			this.records.person(tenant, id)
				.filter(p -> p.role() == Role.PARENT || p.role() == Role.GUARDIAN)
				.ifPresent(adults::add);
		}
		adults.sort((a, b) -> Boolean.compare(b.role() == Role.PARENT, a.role() == Role.PARENT));
		for (Person adult : adults) {
			for (String childId : adult.childIds()) {
				if (!byChild.containsKey(childId)) {
					this.records.child(tenant, childId).ifPresent(child -> byChild.put(childId, new Member(child, adult)));
				}
			}
		}
		return new ArrayList<>(byChild.values());
	}

	/** The children the user may book for under the school's settings. */
	List<Member> bookable(String tenant, String openid, boolean guardiansMayBook) {
		return members(tenant, openid).stream()
			.filter(m -> m.adult().role() == Role.PARENT || guardiansMayBook)
			.toList();
	}

	Optional<Member> member(String tenant, String openid, String childId) {
		return members(tenant, openid).stream().filter(m -> m.child().id().equals(childId)).findFirst();
	}

	/** The families of the user's children, in the children's order. */
	Set<String> families(String tenant, String openid) {
		Set<String> families = new LinkedHashSet<>();
		members(tenant, openid).forEach(m -> families.add(m.child().familyId()));
		return families;
	}

}
