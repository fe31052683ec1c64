package org.qinqing.binding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.console.StaffUser;
import org.qinqing.people.BindingCodes;
import org.qinqing.people.Child;
import org.qinqing.people.ChildAccess;
import org.qinqing.people.Directory;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.LinkSigner;
import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The cards of a class's binding sheet: one per family member of each child the user may see, and
 * one per teacher of the class. Who may see which card follows {@link ChildAccess}; a teacher sees
 * only their own teacher card, because a teacher's code binds its holder as that teacher.
 * <p>
 * Opening a sheet issues a code to everyone on it who has none and is not bound yet, except people
 * whose code was revoked on a sheet: they stay without a code until someone regenerates one.
 */
@Component
class BindingSheets {

	/** A printed card. {@code code} and {@code qrPath} are empty when the person is bound or revoked. */
	record Card(String personId, String name, String relation, String relationKey, String children,
			String className, boolean bound, boolean revoked, String code, String qrPath) {
	}

	record Sheet(SchoolClass schoolClass, List<Card> cards) {
	}

	private final ChildAccess access;

	private final SchoolRecords records;

	private final BindingCodes codes;

	private final Directory directory;

	private final LinkSigner signer;

	private final StringRedisTemplate redis;

	BindingSheets(ChildAccess access, SchoolRecords records, BindingCodes codes, Directory directory,
			LinkSigner signer, StringRedisTemplate redis) {
		this.access = access;
		this.records = records;
		this.codes = codes;
		this.directory = directory;
		this.signer = signer;
		this.redis = redis;
	}

	List<SchoolClass> classes(StaffUser user) {
		return this.access.visibleClasses(user);
	}

	/** The class, when this user may open its sheet; empty both when missing and when not allowed. */
	Optional<SchoolClass> visibleClass(StaffUser user, String classId) {
		return this.access.visibleClasses(user).stream().filter(c -> c.id().equals(classId)).findFirst();
	}

	/** The sheet of a class the user may open, issuing missing codes. */
	Sheet sheet(StaffUser user, SchoolClass schoolClass) {
		List<Card> cards = new ArrayList<>();
		for (Member member : members(user, schoolClass)) {
			cards.add(card(user, schoolClass, member));
		}
		return new Sheet(schoolClass, cards);
	}

	/** Whether the person has a card on this user's sheet of the class (the check before changing codes). */
	boolean onSheet(StaffUser user, SchoolClass schoolClass, String personId) {
		return members(user, schoolClass).stream().anyMatch(m -> m.person().id().equals(personId));
	}

	/**
	 * A fresh code; the old one stops working. Never for someone already bound: a new code would let
	 * a second WeChat user bind as them (the sheet shows no button; a forged request is refused).
	 */
	String regenerate(StaffUser user, String personId) {
		if (!this.directory.openidsOf(user.tenant(), personId).isEmpty()) {
			throw new org.springframework.security.access.AccessDeniedException("already bound");
		}
		return this.codes.issue(user.tenant(), personId, user.username());
	}

	/** Revokes the person's open code, and keeps the sheet from issuing a new one by itself. */
	void revoke(StaffUser user, String personId) {
		this.codes.withdraw(user.tenant(), personId, user.username());
	}

	private Card card(StaffUser user, SchoolClass schoolClass, Member member) {
		String tenant = user.tenant();
		Person person = member.person();
		boolean bound = !this.directory.openidsOf(tenant, person.id()).isEmpty();
		boolean revoked = false;
		String code = "";
		if (!bound) {
			Optional<String> current = this.codes.currentCode(tenant, person.id());
			if (current.isPresent()) {
				code = current.get();
			}
			else if (this.codes.isWithdrawn(tenant, person.id())) {
				revoked = true;
			}
			else {
				code = this.codes.issue(tenant, person.id(), user.username());
			}
		}
		String qr = code.isEmpty() ? "" : BindingQrLinks.path(this.signer, tenant, code);
		String relationKey = null;
		if (person.role() == Role.TEACHER || person.role() == Role.ADMIN) {
			relationKey = person.id().equals(schoolClass.headTeacherId()) ? "binding.sheets.relation.head"
					: "binding.sheets.relation.teacher";
		}
		return new Card(person.id(), person.name(), person.relation(), relationKey,
				String.join("、", member.children()), schoolClass.name(), bound, revoked, code, qr);
	}

	/** Family members first (in the order of their children), then the class's teachers. */
	private List<Member> members(StaffUser user, SchoolClass schoolClass) {
		String tenant = user.tenant();
		List<Child> children = new ArrayList<>();
		for (Child child : this.access.visibleChildren(user)) {
			if (child.classId().equals(schoolClass.id())) {
				children.add(child);
			}
		}
		children.sort(java.util.Comparator.comparing(Child::name).thenComparing(Child::id));
		List<Person> adults = new ArrayList<>();
		for (String id : this.records.ids(tenant, "person")) {
			this.records.person(tenant, id).ifPresent(adults::add);
		}
		Map<String, Member> members = new LinkedHashMap<>();
		for (Child child : children) {
			for (Person adult : adults) {
				if ((adult.role() == Role.PARENT || adult.role() == Role.GUARDIAN)
						&& adult.childIds().contains(child.id())) {
					members.computeIfAbsent(adult.id(), id -> new Member(adult, new ArrayList<>()))
						.children()
						.add(PeopleView.givenName(child.name()));
				}
			}
		}
		boolean heads = user.isAdmin() || this.records.person(tenant, user.personId())
			.map(p -> p.classIds().contains(schoolClass.id()))
			.orElse(false);
		for (Person adult : adults) {
			boolean teachesClass = adult.role() == Role.TEACHER
					&& (adult.id().equals(schoolClass.headTeacherId()) || adult.classIds().contains(schoolClass.id()));
			// a teacher's code binds its holder as that teacher: teachers see only their own card
			if (teachesClass && heads && (user.isAdmin() || adult.id().equals(user.personId()))) {
				members.putIfAbsent(adult.id(), new Member(adult, new ArrayList<>()));
			}
		}
		return new ArrayList<>(members.values());
	}

	private record Member(Person person, List<String> children) {
	}

}
