package org.qinqing.binding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinqing.console.StaffUser;
import org.qinqing.people.BindingCodes;
import org.qinqing.people.Child;
import org.qinqing.people.ChildAccess;
import org.qinqing.people.Directory;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolNames;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.LinkSigner;
import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.RedisCallback;
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

	/**
	 * A printed card. {@code code} and {@code qrPath} are empty when the person is bound or revoked;
	 * {@code className} names the school too when the tenant has several.
	 */
	record Card(String personId, String name, String relation, String relationKey, String children,
			String className, boolean bound, boolean revoked, String code, String qrPath) {
	}

	/** A class's sheet: its school's name (empty when it has no record), and whether the tenant has several. */
	record Sheet(SchoolClass schoolClass, String schoolName, boolean severalSchools, List<Card> cards) {
	}

	/** The classes a user may open, with their schools' names: a county's schools may share class names. */
	record ClassList(SchoolNames schools, List<SchoolClass> classes) {

		/** The classes school by school (in the order of their first class), for a heading per school. */
		public Map<String, List<SchoolClass>> bySchool() {
			Map<String, List<SchoolClass>> grouped = new LinkedHashMap<>();
			for (SchoolClass schoolClass : this.classes) {
				grouped.computeIfAbsent(this.schools.of(schoolClass), k -> new ArrayList<>()).add(schoolClass);
			}
			return grouped;
		}

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

	ClassList classes(StaffUser user) {
		return new ClassList(this.records.schoolNames(user.tenant()), this.access.visibleClasses(user));
	}

	/** The class, when this user may open its sheet; empty both when missing and when not allowed. */
	Optional<SchoolClass> visibleClass(StaffUser user, String classId) {
		return this.access.visibleClasses(user).stream().filter(c -> c.id().equals(classId)).findFirst();
	}

	/**
	 * The sheet of a class the user may open, issuing missing codes. A fixed number of round trips whatever
	 * the class's size: its children through the class's own list, their families, who is bound, the open
	 * codes and the revoked marks each in one pipeline, and the missing codes issued together.
	 */
	Sheet sheet(StaffUser user, SchoolClass schoolClass) {
		String tenant = user.tenant();
		SchoolNames schools = this.records.schoolNames(tenant);
		List<Member> members = members(user, schoolClass);
		List<String> ids = members.stream().map(m -> m.person().id()).toList();
		Map<String, Long> bound = this.directory.boundCounts(tenant, ids);
		Map<String, String> codes = new HashMap<>(this.codes.currentCodes(tenant, ids));
		List<String> unbound = ids.stream().filter(id -> bound.getOrDefault(id, 0L) == 0 && !codes.containsKey(id)).toList();
		List<Object> revokedMarks = this.redis.executePipelined((RedisCallback<Object>) connection -> {
			unbound.forEach(id -> connection.keyCommands().exists(BindingCodes.withdrawnKey(tenant, id).getBytes(StandardCharsets.UTF_8)));
			return null;
		});
		Set<String> revoked = new HashSet<>();
		for (int i = 0; i < unbound.size(); i++) {
			if (Boolean.TRUE.equals(revokedMarks.get(i))) {
				revoked.add(unbound.get(i));
			}
		}
		codes.putAll(this.codes.issueAll(tenant, unbound.stream().filter(id -> !revoked.contains(id)).toList(),
				user.username()));
		List<Card> cards = new ArrayList<>();
		String className = schools.classLabel(schoolClass);
		for (Member member : members) {
			String id = member.person().id();
			boolean isBound = bound.getOrDefault(id, 0L) > 0;
			cards.add(card(schoolClass, className, member, isBound, revoked.contains(id), isBound ? "" : codes.getOrDefault(id, ""),
					tenant));
		}
		return new Sheet(schoolClass, schools.of(schoolClass), schools.several(), cards);
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

	private Card card(SchoolClass schoolClass, String className, Member member, boolean bound, boolean revoked,
			String code, String tenant) {
		Person person = member.person();
		String qr = code.isEmpty() ? "" : BindingQrLinks.path(this.signer, tenant, code);
		String relationKey = null;
		if (person.role() == Role.TEACHER || person.role() == Role.ADMIN) {
			relationKey = person.id().equals(schoolClass.headTeacherId()) ? "binding.sheets.relation.head"
					: "binding.sheets.relation.teacher";
		}
		return new Card(person.id(), person.name(), person.relation(), relationKey,
				String.join("、", member.children()), className, bound, revoked && code.isEmpty(), code, qr);
	}

	/** Family members first (in the order of their children), then the class's teachers. */
	private List<Member> members(StaffUser user, SchoolClass schoolClass) {
		String tenant = user.tenant();
		List<Child> children = new ArrayList<>(this.access.visibleChildren(user, List.of(schoolClass.id()))
			.getOrDefault(schoolClass.id(), List.of()));
		children.sort(java.util.Comparator.comparing(Child::name).thenComparing(Child::id));
		Map<String, List<Person>> adults = this.records.adultsOf(tenant, children.stream().map(Child::id).toList());
		Map<String, Member> members = new LinkedHashMap<>();
		for (Child child : children) {
			for (Person adult : adults.getOrDefault(child.id(), List.of())) {
				if (adult.role() == Role.PARENT || adult.role() == Role.GUARDIAN) {
					members.computeIfAbsent(adult.id(), id -> new Member(adult, new ArrayList<>()))
						.children()
						.add(PeopleView.givenName(child.name()));
				}
			}
		}
		boolean heads = user.isAdmin() || this.records.person(tenant, user.personId())
			.map(p -> p.classIds().contains(schoolClass.id()))
			.orElse(false);
		List<Person> teachers = new ArrayList<>();
		if (!schoolClass.headTeacherId().isEmpty()) {
			this.records.person(tenant, schoolClass.headTeacherId()).ifPresent(teachers::add);
		}
		teachers.addAll(this.records.teachersOf(tenant, schoolClass.id()));
		teachers.sort(java.util.Comparator.comparing(Person::id));
		for (Person adult : teachers) {
			// a teacher's code binds its holder as that teacher: teachers see only their own card
			if (adult.role() == Role.TEACHER && heads && (user.isAdmin() || adult.id().equals(user.personId()))) {
				members.putIfAbsent(adult.id(), new Member(adult, new ArrayList<>()));
			}
		}
		return new ArrayList<>(members.values());
	}

	private record Member(Person person, List<String> children) {
	}

}
