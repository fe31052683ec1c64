package org.qinqing.people;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.people.Directory.PeopleKeys;
import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.HashOperations;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/** Durable school records in Redis hashes, one hash per record plus an index set per kind. */
@Service
public class SchoolRecords {

	private final StringRedisTemplate redis;

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

	public void save(String tenant, SchoolClass schoolClass) {
		write(tenant, "class", schoolClass.id(), Map.of("school", schoolClass.schoolId(), "grade", String.valueOf(schoolClass.grade()), "number",
				String.valueOf(schoolClass.number()), "name", schoolClass.name(), "headTeacher",
				schoolClass.headTeacherId()));
	}

	public void save(String tenant, Child child) {
		write(tenant, "child", child.id(), Map.of("name", child.name(), "class", child.classId(), "leftBehind",
				child.leftBehind().name(), "family", child.familyId(), "pairedTeacher", child.pairedTeacherId()));
	}

	/**
	 * Saves a person and keeps the indexes in step: each child's adults ({@link #adultsOf}) and the family
	 * members by phone ({@link #familyByPhone}).
	 */
	public void save(String tenant, Person person) {
		Optional<Person> before = person(tenant, person.id());
		before.ifPresent(old -> {
			old.childIds()
				.stream()
				.filter(childId -> !person.childIds().contains(childId))
				.forEach(childId -> this.redis.opsForSet().remove(adultsKey(tenant, childId), person.id()));
			if (!old.phone().isEmpty() && !old.phone().equals(person.phone())) {
				this.redis.opsForSet().remove(phoneKey(tenant, old.phone()), person.id());
			}
		});
		for (String childId : person.childIds()) {
			this.redis.opsForSet().add(adultsKey(tenant, childId), person.id());
		}
		if (!person.phone().isEmpty() && person.isFamily()) {
			this.redis.opsForSet().add(phoneKey(tenant, person.phone()), person.id());
		}
		write(tenant, "person", person.id(), Map.of("role", person.role().name(), "name", person.name(), "relation",
				person.relation(), "children", String.join(",", person.childIds()), "classes",
				String.join(",", person.classIds()), "phone", person.phone()));
	}

	/** Removes a person's record and their place in every index (their bindings are the directory's). */
	public void delete(String tenant, String personId) {
		person(tenant, personId).ifPresent(old -> {
			old.childIds().forEach(childId -> this.redis.opsForSet().remove(adultsKey(tenant, childId), personId));
			if (!old.phone().isEmpty()) {
				this.redis.opsForSet().remove(phoneKey(tenant, old.phone()), personId);
			}
		});
		this.redis.delete(PeopleKeys.person(tenant, personId));
		this.redis.opsForSet().remove(RedisKeys.of(tenant, "persons"), personId);
	}

	/** The parents and guardians with this phone (digits only), by id. */
	public List<Person> familyByPhone(String tenant, String phone) {
		List<Person> found = new ArrayList<>();
		if (phone == null || phone.isBlank()) {
			return found;
		}
		java.util.Set<String> ids = this.redis.opsForSet().members(phoneKey(tenant, phone));
		if (ids != null) {
			ids.stream().sorted().forEach(id -> person(tenant, id).filter(Person::isFamily).ifPresent(found::add));
		}
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
		Map<String, String> h = read(PeopleKeys.person(tenant, id));
		if (h.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Person(id, Role.valueOf(h.get("role")), h.get("name"), h.getOrDefault("relation", ""),
				split(h.get("children")), split(h.get("classes")), h.getOrDefault("phone", "")));
	}

	/** The parents and guardians of a child (and teachers paired with it), by the people's own records. */
	public List<Person> adultsOf(String tenant, String childId) {
		List<Person> adults = new ArrayList<>();
		java.util.Set<String> ids = this.redis.opsForSet().members(adultsKey(tenant, childId));
		if (ids != null) {
			ids.stream().sorted().forEach(id -> person(tenant, id)
				.filter(p -> p.childIds().contains(childId))
				.ifPresent(adults::add));
		}
		return adults;
	}

	private static String adultsKey(String tenant, String childId) {
		return RedisKeys.of(tenant, "child-adults", childId);
	}

	public Optional<Child> child(String tenant, String id) {
		return child(id, read(RedisKeys.of(tenant, "child", id)));
	}

	/** The children of these ids that exist, in the ids' order: one round trip for all (a pipeline). */
	public List<Child> children(String tenant, List<String> ids) {
		List<Child> children = new ArrayList<>(ids.size());
		List<Map<String, String>> hashes = readAll(tenant, "child", ids);
		for (int i = 0; i < ids.size(); i++) {
			child(ids.get(i), hashes.get(i)).ifPresent(children::add);
		}
		return children;
	}

	private static Optional<Child> child(String id, Map<String, String> h) {
		if (h.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Child(id, h.get("name"), h.get("class"), LeftBehindType.valueOf(h.get("leftBehind")),
				h.get("family"), h.getOrDefault("pairedTeacher", "")));
	}

	public Optional<SchoolClass> schoolClass(String tenant, String id) {
		return schoolClass(id, read(RedisKeys.of(tenant, "class", id)));
	}

	/** The classes of these ids that exist, in the ids' order: one round trip for all (a pipeline). */
	public List<SchoolClass> classes(String tenant, List<String> ids) {
		List<SchoolClass> classes = new ArrayList<>(ids.size());
		List<Map<String, String>> hashes = readAll(tenant, "class", ids);
		for (int i = 0; i < ids.size(); i++) {
			schoolClass(ids.get(i), hashes.get(i)).ifPresent(classes::add);
		}
		return classes;
	}

	private static Optional<SchoolClass> schoolClass(String id, Map<String, String> h) {
		if (h.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new SchoolClass(id, h.getOrDefault("school", ""), Integer.parseInt(h.get("grade")), Integer.parseInt(h.get("number")),
				h.get("name"), h.getOrDefault("headTeacher", "")));
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

	/** The records of one kind by id, each an empty map when missing, in one pipeline. */
	private List<Map<String, String>> readAll(String tenant, String kind, List<String> ids) {
		List<String> keys = ids.stream().map(id -> RedisKeys.of(tenant, kind, id)).toList();
		return RedisHashes.entries(this.redis, keys);
	}

	private static List<String> split(String csv) {
		return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
	}

}
