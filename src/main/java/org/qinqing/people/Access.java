package org.qinqing.people;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The one access rule, for the console ({@link ChildAccess}), every chat feature and the exports:
 * which children a staff member looks after ({@link CareScope}: a leader all, a teacher the classes they head and
 * the children paired with them), and which children a WeChat user may act for (the children of the parents and
 * guardians the openid is bound to, as whom: a parent's tie before a guardian's). Everything starts from the
 * people's own records, so a parent never reaches another family's child.
 */
@Service
public class Access {

	private final SchoolRecords records;

	private final Directory directory;

	Access(SchoolRecords records, Directory directory) {
		this.records = records;
		this.directory = directory;
	}

	/** Whose children this person looks after: a leader everyone's, a teacher their classes' and paired ones. */
	public CareScope scopeOf(String tenant, Role role, String personId) {
		if (role == Role.ADMIN) {
			return CareScope.EVERYONE;
		}
		if (role != Role.TEACHER || personId == null || personId.isBlank()) {
			return CareScope.NOBODY;
		}
		return this.records.person(tenant, personId).filter(p -> p.role() == Role.TEACHER).map(CareScope::of)
			.orElse(CareScope.NOBODY);
	}

	public CareScope scopeOf(String tenant, Identity identity) {
		return scopeOf(tenant, identity.role(), identity.personId());
	}

	/** The children a WeChat user may act for, with the bound adult they act as; a parent's tie comes first. */
	public List<FamilyTie> familyOf(String tenant, String openid) {
		List<Person> adults = new ArrayList<>();
		for (String id : this.directory.boundPeople(tenant, openid)) {
			this.records.person(tenant, id).filter(Person::isFamily).ifPresent(adults::add);
		}
		adults.sort((a, b) -> Boolean.compare(b.role() == Role.PARENT, a.role() == Role.PARENT));
		Map<String, FamilyTie> byChild = new LinkedHashMap<>();
		for (Person adult : adults) {
			for (String childId : adult.childIds()) {
				if (!byChild.containsKey(childId)) {
					this.records.child(tenant, childId).ifPresent(child -> byChild.put(childId, new FamilyTie(child, adult)));
				}
			}
		}
		return new ArrayList<>(byChild.values());
	}

	/** The user's tie to one child, if they may act for it. */
	public Optional<FamilyTie> tieTo(String tenant, String openid, String childId) {
		return familyOf(tenant, openid).stream().filter(t -> t.child().id().equals(childId)).findFirst();
	}

}
