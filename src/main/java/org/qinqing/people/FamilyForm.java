package org.qinqing.people;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A family member as typed in the console: who they are to the child (parent or guardian), name, relation and
 * phone. Errors are message keys per field, and what was typed comes back with them.
 */
record FamilyForm(String role, String name, String relation, String phone) {

	static final int MAX_NAME = 20;

	static final int MAX_RELATION = 10;

	static FamilyForm empty() {
		return new FamilyForm("GUARDIAN", "", "", "");
	}

	static FamilyForm read(Map<String, String> params) {
		return new FamilyForm(params.getOrDefault("role", "").strip(), params.getOrDefault("name", "").strip(),
				params.getOrDefault("relation", "").strip(), params.getOrDefault("phone", "").strip());
	}

	static FamilyForm of(Person person) {
		return new FamilyForm(person.role().name(), person.name(), person.relation(), person.phone());
	}

	Map<String, String> validate() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (!this.role.equals("PARENT") && !this.role.equals("GUARDIAN")) {
			errors.put("role", "family.error.role");
		}
		if (this.name.isEmpty() || this.name.length() > MAX_NAME) {
			errors.put("name", "family.error.name");
		}
		if (this.relation.isEmpty() || this.relation.length() > MAX_RELATION) {
			errors.put("relation", "family.error.relation");
		}
		if (!this.phone.isEmpty() && !CardForm.isPhone(this.phone.replace(" ", ""))) {
			errors.put("phone", "family.error.phone");
		}
		return errors;
	}

	Families.Member member() {
		return new Families.Member(Role.valueOf(this.role), this.name, this.relation, this.phone);
	}

}
