package org.qinqing.people;

import java.util.Map;

/**
 * The tenant's schools by id, to say which school a page or a class belongs to: a county's classes of two
 * schools may share a name ("三年级(1)班"), so with several schools every class is named with its school;
 * with one school, pages name it once, quietly.
 */
public record SchoolNames(Map<String, String> byId) {

	public SchoolNames {
		byId = Map.copyOf(byId);
	}

	public boolean several() {
		return this.byId.size() > 1;
	}

	/** The school's name, or empty when it has no record. */
	public String of(String schoolId) {
		return schoolId == null ? "" : this.byId.getOrDefault(schoolId, "");
	}

	public String of(SchoolClass schoolClass) {
		return of(schoolClass.schoolId());
	}

	/** "青山小学 三年级(1)班" when the tenant has several schools, else the class's own name. */
	public String classLabel(SchoolClass schoolClass) {
		String school = of(schoolClass);
		return several() && !school.isEmpty() ? school + " " + schoolClass.name() : schoolClass.name();
	}

	/** How many schools the tenant has on record. */
	public int count() {
		return this.byId.size();
	}

	/** The school's name when the tenant has exactly one, else empty. */
	public String only() {
		return this.byId.size() == 1 ? this.byId.values().iterator().next() : "";
	}

}
