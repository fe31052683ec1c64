package org.qinqing.inbox;

import java.util.List;
import java.util.UUID;

import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.people.Child;
import org.qinqing.people.Directory;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;

/**
 * A class of the demo school that only one test fills: its head teacher (with a console account) and families
 * added one by one, each a child and a bound parent. Ids and names are the test's own, so the demo's data and the
 * other tests sharing the school neither see nor disturb them.
 */
record InboxClass(SchoolClass schoolClass, Person teacher, String username) {

	static final String PASSWORD = "inbox-teacher-pw";

	/** A family of the class: the child and a parent bound to their own openid. */
	record Family(Child child, Person parent, String openid) {
	}

	static InboxClass create(SchoolRecords records, StaffAccounts accounts, String tenant, int number,
			String teacherName) {
		String id = UUID.randomUUID().toString().substring(0, 8);
		String classId = "inbox-" + id;
		String teacherId = "inbox-t-" + id;
		SchoolClass schoolClass = new SchoolClass(classId, "sch1", 6, number, "六年级(" + number + ")班", teacherId);
		records.save(tenant, schoolClass);
		Person teacher = new Person(teacherId, Role.TEACHER, teacherName, "", List.of(), List.of(classId));
		records.save(tenant, teacher);
		String username = "inbox-" + id;
		accounts.save(new StaffUser(username, tenant, StaffRole.TEACHER, teacherId, teacherName), PASSWORD);
		return new InboxClass(schoolClass, teacher, username);
	}

	/** A left-behind child of this class with a parent bound to a fresh openid. */
	Family family(SchoolRecords records, Directory directory, String tenant, String childName, String parentName,
			String relation) {
		String id = UUID.randomUUID().toString().substring(0, 8);
		Child child = new Child("inbox-c-" + id, childName, this.schoolClass.id(), LeftBehindType.BOTH_AWAY,
				"inbox-f-" + id, "");
		records.save(tenant, child);
		Person parent = new Person("inbox-p-" + id, Role.PARENT, parentName, relation, List.of(child.id()), List.of());
		records.save(tenant, parent);
		String openid = "inbox-parent-" + id;
		directory.bind(tenant, openid, parent.id());
		return new Family(child, parent, openid);
	}

}
