package org.qinqing.calls;

import java.util.List;
import java.util.UUID;

import org.qinqing.people.Child;
import org.qinqing.people.Directory;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;

/** A fresh family for a test: one left-behind child in a class and one bound adult (parent or guardian). */
public record CallFamily(String openid, String personId, String childId, String familyId, String classId) {

	public static CallFamily create(SchoolRecords records, Directory directory, String tenant, Role role, String classId) {
		String id = UUID.randomUUID().toString().substring(0, 8);
		CallFamily family = new CallFamily("call-" + role.code() + "-" + id, "p-" + id, "c-" + id, "f-" + id, classId);
		records.save(tenant, new Child(family.childId(), "林晓雨", classId,
				LeftBehindType.BOTH_AWAY, family.familyId(), ""));
		records.save(tenant, new Person(family.personId(), role, "林" + id.substring(0, 2),
				role == Role.PARENT ? "母亲" : "祖母", List.of(family.childId()), List.of()));
		directory.bind(tenant, family.openid(), family.personId());
		return family;
	}

	/** A teacher of {@code classId}, bound to a fresh openid; returns the openid. */
	public static String teacher(SchoolRecords records, Directory directory, String tenant, String classId) {
		String id = UUID.randomUUID().toString().substring(0, 8);
		records.save(tenant, new Person("t-" + id, Role.TEACHER, "周" + id.substring(0, 1), "", List.of(),
				List.of(classId)));
		directory.bind(tenant, "call-teacher-" + id, "t-" + id);
		return "call-teacher-" + id;
	}

}
