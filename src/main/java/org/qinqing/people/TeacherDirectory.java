package org.qinqing.people;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

/**
 * Teachers in the directory: a head teacher (班主任) heads classes, a paired teacher (帮扶教师) looks after
 * children one to one. A class has one head teacher, so heading a class takes it from whoever headed it.
 * Whoever's classes change re-reads who they are at their next chat message.
 */
@Service
public class TeacherDirectory {

	private final SchoolRecords records;

	private final Directory directory;

	private final SecureRandom random = new SecureRandom();

	TeacherDirectory(SchoolRecords records, Directory directory) {
		this.records = records;
		this.directory = directory;
	}

	/** The tenant's teachers, by name. */
	public List<Person> teachers(String tenant) {
		List<Person> teachers = new ArrayList<>();
		for (String id : this.records.ids(tenant, "person")) {
			this.records.person(tenant, id).filter(p -> p.role() == Role.TEACHER).ifPresent(teachers::add);
		}
		teachers.sort(java.util.Comparator.comparing(Person::name).thenComparing(Person::id));
		return teachers;
	}

	public Optional<Person> teacher(String tenant, String personId) {
		return this.records.person(tenant, personId).filter(p -> p.role() == Role.TEACHER);
	}

	/** A new teacher heading {@code classIds} (may be none: a paired teacher only). */
	public Person add(String tenant, String name, List<String> classIds) {
		Person teacher = new Person("t" + newId(), Role.TEACHER, name.strip(), "", List.of(), List.of());
		this.records.save(tenant, teacher);
		return setClasses(tenant, teacher.id(), classIds);
	}

	/** The classes a teacher heads from now on; each taken from its former head teacher. */
	public Person setClasses(String tenant, String teacherId, List<String> classIds) {
		Person teacher = teacher(tenant, teacherId).orElseThrow(() -> new IllegalArgumentException("no such teacher"));
		Set<String> wanted = new LinkedHashSet<>(classIds);
		Set<String> changedPeople = new LinkedHashSet<>(List.of(teacherId));
		for (String classId : this.records.ids(tenant, "class")) {
			SchoolClass schoolClass = this.records.schoolClass(tenant, classId).orElse(null);
			if (schoolClass == null) {
				continue;
			}
			boolean heads = schoolClass.headTeacherId().equals(teacherId);
			if (wanted.contains(classId) && !heads) {
				String former = schoolClass.headTeacherId();
				if (!former.isBlank()) {
					teacher(tenant, former).ifPresent(old -> {
						List<String> left = new ArrayList<>(old.classIds());
						left.remove(classId);
						this.records.save(tenant, withClasses(old, left));
						changedPeople.add(old.id());
					});
				}
				this.records.save(tenant, withHead(schoolClass, teacherId));
			}
			else if (!wanted.contains(classId) && heads) {
				this.records.save(tenant, withHead(schoolClass, ""));
			}
		}
		Person updated = withClasses(teacher, new ArrayList<>(wanted));
		this.records.save(tenant, updated);
		changedPeople.forEach(id -> this.directory.identityChanged(tenant, id));
		return updated;
	}

	/** Pairs a child with a teacher (帮扶教师), or unpairs it when {@code teacherId} is blank. */
	public void pair(String tenant, String childId, String teacherId) {
		Child child = this.records.child(tenant, childId).orElseThrow(() -> new IllegalArgumentException("no such child"));
		String former = child.pairedTeacherId();
		String next = teacherId == null ? "" : teacherId.strip();
		if (former.equals(next)) {
			return;
		}
		if (!next.isEmpty() && teacher(tenant, next).isEmpty()) {
			throw new IllegalArgumentException("no such teacher");
		}
		this.records.save(tenant, new Child(child.id(), child.name(), child.classId(), child.leftBehind(),
				child.familyId(), next));
		if (!former.isBlank()) {
			teacher(tenant, former).ifPresent(old -> {
				List<String> children = new ArrayList<>(old.childIds());
				children.remove(childId);
				this.records.save(tenant, old.withChildren(children));
				this.directory.identityChanged(tenant, old.id());
			});
		}
		if (!next.isEmpty()) {
			Person teacher = teacher(tenant, next).orElseThrow();
			List<String> children = new ArrayList<>(teacher.childIds());
			children.add(childId);
			this.records.save(tenant, teacher.withChildren(children));
			this.directory.identityChanged(tenant, next);
		}
	}

	private static Person withClasses(Person teacher, List<String> classIds) {
		return new Person(teacher.id(), teacher.role(), teacher.name(), teacher.relation(), teacher.childIds(), classIds,
				teacher.phone());
	}

	private static SchoolClass withHead(SchoolClass c, String headTeacherId) {
		return new SchoolClass(c.id(), c.schoolId(), c.grade(), c.number(), c.name(), headTeacherId);
	}

	private String newId() {
		byte[] bytes = new byte[5];
		this.random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
