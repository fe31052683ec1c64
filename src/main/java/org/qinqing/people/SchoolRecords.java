package org.qinqing.people;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.qinqing.system.Pipelines;
import org.qinqing.people.Directory.PeopleKeys;
import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.HashOperations;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * Durable school records in Redis hashes, one hash per record plus an index set per kind, and the indexes
 * a county needs so a page reads one class rather than the whole tenant: each class's children, each
 * class's teachers, each child's adults, family members by phone. Reads and writes of many records go in
 * one pipeline each ({@link Pipelines}), so their cost in round trips does not grow with their number.
 */
@Service
public class SchoolRecords {

	private final StringRedisTemplate redis;

	/** Tenants whose class indexes are known to be complete (records saved before the indexes existed get them once). */
	private final Set<String> classIndexBuilt = ConcurrentHashMap.newKeySet();

	private final Set<String> leaderIndexBuilt = ConcurrentHashMap.newKeySet();

	SchoolRecords(StringRedisTemplate redis) {
		this.redis = redis;
	}

	public void save(String tenant, School school) {
		write(tenant, "school", school.id(), Map.of("name", school.name()));
	}

	public Optional<School> school(String tenant, String id) {
		Map<String, String> h = read(RedisKeys.of(tenant, "school", id));
		return h.isEmpty() ? Optional.empty() : Optional.of(new School(id, h.get("name")));
	}

	/** The tenant's schools, by id: one school, or a county's. */
	public Map<String, School> schools(String tenant) {
		Map<String, School> schools = new LinkedHashMap<>();
		List<String> ids = ids(tenant, "school");
		List<Map<String, String>> hashes = hashes(ids.stream().map(id -> RedisKeys.of(tenant, "school", id)).toList());
		for (int i = 0; i < ids.size(); i++) {
			if (!hashes.get(i).isEmpty()) {
				schools.put(ids.get(i), new School(ids.get(i), hashes.get(i).getOrDefault("name", "")));
			}
		}
		return schools;
	}

	/** The tenant's school names, to label classes and pages. */
	public SchoolNames schoolNames(String tenant) {
		Map<String, String> names = new LinkedHashMap<>();
		schools(tenant).forEach((id, school) -> names.put(id, school.name()));
		return new SchoolNames(names);
	}

	public void save(String tenant, SchoolClass schoolClass) {
		write(tenant, "class", schoolClass.id(), Map.of("school", schoolClass.schoolId(), "grade", String.valueOf(schoolClass.grade()), "number",
				String.valueOf(schoolClass.number()), "name", schoolClass.name(), "headTeacher",
				schoolClass.headTeacherId()));
	}

	public void save(String tenant, Child child) {
		saveChildren(tenant, List.of(child));
	}

	/** Saves children in two round trips, keeping each class's list of children in step. */
	public void saveChildren(String tenant, Collection<Child> children) {
		if (children.isEmpty()) {
			return;
		}
		List<Child> list = List.copyOf(children);
		List<Object> oldClasses = Pipelines.run(this.redis, ops -> list
			.forEach(child -> ops.opsForHash().get(RedisKeys.of(tenant, "child", child.id()), "class")));
		Pipelines.run(this.redis, ops -> {
			for (int i = 0; i < list.size(); i++) {
				Child child = list.get(i);
				Object oldClass = oldClasses.get(i);
				if (oldClass != null && !oldClass.equals(child.classId())) {
					ops.opsForSet().remove(classChildrenKey(tenant, String.valueOf(oldClass)), child.id());
				}
				ops.opsForSet().add(classChildrenKey(tenant, child.classId()), child.id());
				ops.opsForHash().putAll(RedisKeys.of(tenant, "child", child.id()), Map.of("name", child.name(), "class",
						child.classId(), "leftBehind", child.leftBehind().name(), "family", child.familyId(),
						"pairedTeacher", child.pairedTeacherId()));
				ops.opsForSet().add(RedisKeys.of(tenant, "childs"), child.id());
			}
		});
	}

	/**
	 * Saves a person and keeps the indexes in step: each child's adults ({@link #adultsOf}), the family
	 * members by phone ({@link #familyByPhone}) and each class's teachers ({@link #teachersOf}).
	 */
	public void save(String tenant, Person person) {
		savePeople(tenant, List.of(person));
	}

	/** Saves people in two round trips (their records as they were, then every write), indexes included. */
	public void savePeople(String tenant, Collection<Person> people) {
		if (people.isEmpty()) {
			return;
		}
		List<Person> list = List.copyOf(people);
		Map<String, Person> before = people(tenant, list.stream().map(Person::id).toList());
		Pipelines.run(this.redis, ops -> {
			for (Person person : list) {
				Person old = before.get(person.id());
				if (old != null) {
					for (String childId : old.childIds()) {
						if (!person.childIds().contains(childId)) {
							ops.opsForSet().remove(adultsKey(tenant, childId), person.id());
						}
					}
					if (!old.phone().isEmpty() && (!old.phone().equals(person.phone()) || !person.isFamily())) {
						ops.opsForSet().remove(phoneKey(tenant, old.phone()), person.id());
					}
					for (String classId : old.classIds()) {
						if (!isStaff(person) || !person.classIds().contains(classId)) {
							ops.opsForSet().remove(classTeachersKey(tenant, classId), person.id());
						}
					}
				}
				for (String childId : person.childIds()) {
					ops.opsForSet().add(adultsKey(tenant, childId), person.id());
				}
				if (!person.phone().isEmpty() && person.isFamily()) {
					ops.opsForSet().add(phoneKey(tenant, person.phone()), person.id());
				}
				if (isStaff(person)) {
					for (String classId : person.classIds()) {
						ops.opsForSet().add(classTeachersKey(tenant, classId), person.id());
					}
				}
				if (person.role() == Role.ADMIN) {
					ops.opsForSet().add(leadersKey(tenant), person.id());
				}
				else if (old != null && old.role() == Role.ADMIN) {
					ops.opsForSet().remove(leadersKey(tenant), person.id());
				}
				ops.opsForHash().putAll(PeopleKeys.person(tenant, person.id()), Map.of("role", person.role().name(), "name",
						person.name(), "relation", person.relation(), "children", String.join(",", person.childIds()),
						"classes", String.join(",", person.classIds()), "phone", person.phone()));
				ops.opsForSet().add(RedisKeys.of(tenant, "persons"), person.id());
			}
		});
	}

	private static boolean isStaff(Person person) {
		return person.role() == Role.TEACHER || person.role() == Role.ADMIN;
	}

	/** Removes a person's record and their place in every index (their bindings are the directory's). */
	public void delete(String tenant, String personId) {
		person(tenant, personId).ifPresent(old -> {
			old.childIds().forEach(childId -> this.redis.opsForSet().remove(adultsKey(tenant, childId), personId));
			if (!old.phone().isEmpty()) {
				this.redis.opsForSet().remove(phoneKey(tenant, old.phone()), personId);
			}
			old.classIds().forEach(classId -> this.redis.opsForSet().remove(classTeachersKey(tenant, classId), personId));
		});
		this.redis.delete(PeopleKeys.person(tenant, personId));
		this.redis.opsForSet().remove(RedisKeys.of(tenant, "persons"), personId);
		this.redis.opsForSet().remove(leadersKey(tenant), personId);
	}

	/** The parents and guardians with this phone (digits only), by id. */
	public List<Person> familyByPhone(String tenant, String phone) {
		return familyByPhones(tenant, List.of(phone)).getOrDefault(phone, List.of());
	}

	/** The parents and guardians with each of these phones (digits only), by id: two round trips for all. */
	public Map<String, List<Person>> familyByPhones(String tenant, Collection<String> phones) {
		List<String> wanted = phones.stream().filter(p -> p != null && !p.isBlank()).distinct().toList();
		Map<String, List<String>> ids = members(wanted.stream().map(p -> phoneKey(tenant, p)).toList(), wanted);
		Map<String, Person> people = people(tenant, ids.values().stream().flatMap(List::stream).toList());
		Map<String, List<Person>> found = new LinkedHashMap<>();
		ids.forEach((phone, personIds) -> found.put(phone, personIds.stream()
			.map(people::get)
			.filter(p -> p != null && p.isFamily() && phone.equals(p.phone()))
			.toList()));
		return found;
	}

	private static String phoneKey(String tenant, String phone) {
		return RedisKeys.of(tenant, "family-phone", phone);
	}

	private void write(String tenant, String kind, String id, Map<String, String> fields) {
		this.redis.opsForHash().putAll(RedisKeys.of(tenant, kind, id), fields);
		this.redis.opsForSet().add(RedisKeys.of(tenant, kind + "s"), id);
	}

	public Optional<Person> person(String tenant, String id) {
		return Optional.ofNullable(people(tenant, List.of(id)).get(id));
	}

	/** People by id, in one round trip; ids without a record are left out. */
	public Map<String, Person> people(String tenant, Collection<String> ids) {
		List<String> list = ids.stream().distinct().toList();
		List<Map<String, String>> hashes = hashes(list.stream().map(id -> PeopleKeys.person(tenant, id)).toList());
		Map<String, Person> people = new LinkedHashMap<>();
		for (int i = 0; i < list.size(); i++) {
			Map<String, String> h = hashes.get(i);
			if (!h.isEmpty()) {
				String id = list.get(i);
				people.put(id, new Person(id, Role.valueOf(h.get("role")), h.get("name"), h.getOrDefault("relation", ""),
						split(h.get("children")), split(h.get("classes")), h.getOrDefault("phone", "")));
			}
		}
		return people;
	}

	/** The parents and guardians of a child (and teachers paired with it), by the people's own records. */
	public List<Person> adultsOf(String tenant, String childId) {
		return adultsOf(tenant, List.of(childId)).getOrDefault(childId, List.of());
	}

	/** The adults of each of these children, by id: two round trips for all of them. */
	public Map<String, List<Person>> adultsOf(String tenant, Collection<String> childIds) {
		List<String> children = childIds.stream().distinct().toList();
		Map<String, List<String>> ids = members(children.stream().map(id -> adultsKey(tenant, id)).toList(), children);
		Map<String, Person> people = people(tenant, ids.values().stream().flatMap(List::stream).toList());
		Map<String, List<Person>> adults = new LinkedHashMap<>();
		ids.forEach((childId, personIds) -> adults.put(childId, personIds.stream()
			.map(people::get)
			.filter(p -> p != null && p.childIds().contains(childId))
			.toList()));
		return adults;
	}

	private static String adultsKey(String tenant, String childId) {
		return RedisKeys.of(tenant, "child-adults", childId);
	}

	public Optional<Child> child(String tenant, String id) {
		return Optional.ofNullable(children(tenant, List.of(id)).get(id));
	}

	/** Children by id, in one round trip; ids without a record are left out. */
	public Map<String, Child> children(String tenant, Collection<String> ids) {
		List<String> list = ids.stream().distinct().toList();
		List<Map<String, String>> hashes = hashes(list.stream().map(id -> RedisKeys.of(tenant, "child", id)).toList());
		Map<String, Child> children = new LinkedHashMap<>();
		for (int i = 0; i < list.size(); i++) {
			Map<String, String> h = hashes.get(i);
			if (!h.isEmpty()) {
				String id = list.get(i);
				children.put(id, new Child(id, h.get("name"), h.get("class"), LeftBehindType.valueOf(h.get("leftBehind")),
						h.get("family"), h.getOrDefault("pairedTeacher", "")));
			}
		}
		return children;
	}

	/** The children of these classes, by class id (three round trips for any number of classes). */
	public Map<String, List<Child>> childrenOf(String tenant, Collection<String> classIds) {
		ensureClassIndex(tenant);
		List<String> classes = classIds.stream().distinct().toList();
		Map<String, List<String>> ids = members(classes.stream().map(id -> classChildrenKey(tenant, id)).toList(), classes);
		Map<String, Child> children = children(tenant, ids.values().stream().flatMap(List::stream).toList());
		Map<String, List<Child>> byClass = new LinkedHashMap<>();
		// the record decides: an index entry left by a child who moved class is ignored
		ids.forEach((classId, childIds) -> byClass.put(classId, childIds.stream()
			.map(children::get)
			.filter(c -> c != null && c.classId().equals(classId))
			.toList()));
		return byClass;
	}

	/** The teachers (and staff) whose records name this class among theirs. */
	public List<Person> teachersOf(String tenant, String classId) {
		ensureClassIndex(tenant);
		Map<String, List<String>> ids = members(List.of(classTeachersKey(tenant, classId)), List.of(classId));
		return people(tenant, ids.get(classId)).values()
			.stream()
			.filter(p -> isStaff(p) && p.classIds().contains(classId))
			.toList();
	}

	private static String classChildrenKey(String tenant, String classId) {
		return RedisKeys.of(tenant, "class-children", classId);
	}

	private static String classTeachersKey(String tenant, String classId) {
		return RedisKeys.of(tenant, "class-teachers", classId);
	}

	/**
	 * Records saved before the class indexes existed get their entries once per tenant: every save keeps the
	 * indexes since, so building them again (another instance, a restart) only adds what is already there.
	 */
	private void ensureClassIndex(String tenant) {
		if (this.classIndexBuilt.contains(tenant)) {
			return;
		}
		String marker = RedisKeys.of(tenant, "class-index");
		if (!Boolean.TRUE.equals(this.redis.hasKey(marker))) {
			Map<String, Child> children = children(tenant, ids(tenant, "child"));
			Map<String, Person> staff = people(tenant, ids(tenant, "person"));
			Pipelines.run(this.redis, ops -> {
				children.values().forEach(c -> ops.opsForSet().add(classChildrenKey(tenant, c.classId()), c.id()));
				staff.values()
					.stream()
					.filter(SchoolRecords::isStaff)
					.forEach(p -> p.classIds().forEach(c -> ops.opsForSet().add(classTeachersKey(tenant, c), p.id())));
			});
			this.redis.opsForValue().set(marker, "1");
		}
		this.classIndexBuilt.add(tenant);
	}

	/** The school's leaders (校长, 德育处: role ADMIN), by id: whom a matter of the whole school goes to. */
	public List<String> leaders(String tenant) {
		if (!this.leaderIndexBuilt.contains(tenant)) {
			String marker = RedisKeys.of(tenant, "leader-index");
			if (!Boolean.TRUE.equals(this.redis.hasKey(marker))) {
				// records saved before the index existed: once per tenant, then every save keeps it
				people(tenant, ids(tenant, "person")).values()
					.stream()
					.filter(p -> p.role() == Role.ADMIN)
					.forEach(p -> this.redis.opsForSet().add(leadersKey(tenant), p.id()));
				this.redis.opsForValue().set(marker, "1");
			}
			this.leaderIndexBuilt.add(tenant);
		}
		List<String> ids = new ArrayList<>(this.redis.opsForSet().members(leadersKey(tenant)));
		ids.sort(null);
		return ids;
	}

	private static String leadersKey(String tenant) {
		return RedisKeys.of(tenant, "leaders");
	}

	public Optional<SchoolClass> schoolClass(String tenant, String id) {
		return Optional.ofNullable(classes(tenant, List.of(id)).get(id));
	}

	/** Classes by id, in one round trip; ids without a record are left out. */
	public Map<String, SchoolClass> classes(String tenant, Collection<String> ids) {
		List<String> list = ids.stream().distinct().toList();
		List<Map<String, String>> hashes = hashes(list.stream().map(id -> RedisKeys.of(tenant, "class", id)).toList());
		Map<String, SchoolClass> classes = new LinkedHashMap<>();
		for (int i = 0; i < list.size(); i++) {
			Map<String, String> h = hashes.get(i);
			if (!h.isEmpty()) {
				String id = list.get(i);
				classes.put(id, new SchoolClass(id, h.getOrDefault("school", ""), Integer.parseInt(h.get("grade")),
						Integer.parseInt(h.get("number")), h.get("name"), h.getOrDefault("headTeacher", "")));
			}
		}
		return classes;
	}

	public long count(String tenant, String kind) {
		Long size = this.redis.opsForSet().size(RedisKeys.of(tenant, kind + "s"));
		return size == null ? 0 : size;
	}

	public List<String> ids(String tenant, String kind) {
		List<String> ids = new ArrayList<>(this.redis.opsForSet().members(RedisKeys.of(tenant, kind + "s")));
		ids.sort(null);
		return ids;
	}

	private Map<String, String> read(String key) {
		HashOperations<String, String, String> hashes = this.redis.opsForHash();
		return new HashMap<>(hashes.entries(key));
	}

	/** The hashes at these keys, in order (empty for a missing one), in one round trip. */
	@SuppressWarnings("unchecked")
	private List<Map<String, String>> hashes(List<String> keys) {
		if (keys.isEmpty()) {
			return List.of();
		}
		if (keys.size() == 1) {
			return List.of(read(keys.get(0)));
		}
		List<Object> results = Pipelines.run(this.redis, ops -> keys.forEach(key -> ops.opsForHash().entries(key)));
		List<Map<String, String>> hashes = new ArrayList<>(keys.size());
		for (Object result : results) {
			hashes.add(result == null ? Map.of() : (Map<String, String>) result);
		}
		return hashes;
	}

	/** The members of each set, sorted, under the name given for it; one round trip. */
	@SuppressWarnings("unchecked")
	private Map<String, List<String>> members(List<String> keys, List<String> names) {
		Map<String, List<String>> members = new LinkedHashMap<>();
		if (keys.isEmpty()) {
			return members;
		}
		if (keys.size() == 1) {
			Set<String> set = this.redis.opsForSet().members(keys.get(0));
			members.put(names.get(0), new ArrayList<>(new java.util.TreeSet<>(set == null ? Set.of() : set)));
			return members;
		}
		List<Object> results = Pipelines.run(this.redis, ops -> keys.forEach(key -> ops.opsForSet().members(key)));
		for (int i = 0; i < keys.size(); i++) {
			Set<String> set = results.get(i) == null ? Set.of() : (Set<String>) results.get(i);
			members.put(names.get(i), new ArrayList<>(new java.util.TreeSet<>(set)));
		}
		return members;
	}

	private static List<String> split(String csv) {
		return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
	}

}
