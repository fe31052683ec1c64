package org.qinqing.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** The people who play a part in a child's care ({@link ChildRole}), by person id. */
@Service
public class ChildRoles {

	private final SchoolRecords records;

	ChildRoles(SchoolRecords records) {
		this.records = records;
	}

	public List<String> people(String tenant, String childId, ChildRole role) {
		Optional<Child> child = this.records.child(tenant, childId);
		if (child.isEmpty()) {
			return List.of();
		}
		return switch (role) {
			case HEAD_TEACHER -> headTeacher(tenant, child.get()).map(List::of).orElse(List.of());
			case PAIRED_TEACHER -> child.get().pairedTeacherId().isBlank() ? List.of() : List.of(child.get().pairedTeacherId());
			case DUTY_TEACHER -> headTeacher(tenant, child.get())
				.or(() -> Optional.of(child.get().pairedTeacherId()).filter(id -> !id.isBlank()))
				.map(List::of)
				.orElse(List.of());
			case PARENTS -> family(tenant, childId, Role.PARENT);
			case GUARDIANS -> family(tenant, childId, Role.GUARDIAN);
			case SCHOOL_LEADERS -> this.records.leaders(tenant);
		};
	}

	private Optional<String> headTeacher(String tenant, Child child) {
		return this.records.schoolClass(tenant, child.classId()).map(SchoolClass::headTeacherId).filter(id -> !id.isBlank());
	}

	private List<String> family(String tenant, String childId, Role role) {
		List<String> ids = new ArrayList<>();
		for (Person adult : this.records.adultsOf(tenant, childId)) {
			if (adult.role() == role) {
				ids.add(adult.id());
			}
		}
		return ids;
	}

}
