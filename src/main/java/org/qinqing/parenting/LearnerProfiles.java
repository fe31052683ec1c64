package org.qinqing.parenting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qinqing.people.Child;
import org.qinqing.people.Person;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.springframework.stereotype.Component;

/**
 * Parents and guardians as the selection sees them ({@link Learner}): their role, their children's grades (through
 * the children's classes) and the lessons they had. Four pipelined round trips for any number of people: the
 * people, their children, the children's classes, their histories.
 */
@Component
class LearnerProfiles {

	/** A learner with the history they were built from. */
	record Profile(Person person, Learner learner, History history) {
	}

	private final SchoolRecords records;

	private final Learners learners;

	LearnerProfiles(SchoolRecords records, Learners learners) {
		this.records = records;
		this.learners = learners;
	}

	/** The family members among these ids, by id in the order given; staff and unknown ids are left out. */
	Map<String, Profile> of(String tenant, Collection<String> personIds) {
		Map<String, Person> people = this.records.people(tenant, personIds);
		people.values().removeIf(p -> !p.isFamily());
		Set<String> childIds = new HashSet<>();
		people.values().forEach(p -> childIds.addAll(p.childIds()));
		Map<String, Child> children = this.records.children(tenant, childIds);
		Set<String> classIds = new HashSet<>();
		children.values().forEach(c -> classIds.add(c.classId()));
		classIds.remove("");
		Map<String, SchoolClass> classes = this.records.classes(tenant, classIds);
		Map<String, History> histories = this.learners.histories(tenant, people.keySet());
		Map<String, Profile> profiles = new LinkedHashMap<>();
		for (String id : new ArrayList<>(personIds)) {
			Person person = people.get(id);
			if (person == null || profiles.containsKey(id)) {
				continue;
			}
			Set<Integer> grades = new HashSet<>();
			for (String childId : person.childIds()) {
				Child child = children.get(childId);
				SchoolClass schoolClass = child == null ? null : classes.get(child.classId());
				if (schoolClass != null) {
					grades.add(schoolClass.grade());
				}
			}
			History history = histories.get(id);
			profiles.put(id, new Profile(person, new Learner(id, Set.of(person.role()), grades, history.had().keySet()),
					history));
		}
		return profiles;
	}

	Profile of(String tenant, String personId) {
		return of(tenant, List.of(personId)).get(personId);
	}

}
