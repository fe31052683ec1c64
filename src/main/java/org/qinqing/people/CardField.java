package org.qinqing.people;

import java.util.ArrayList;
import java.util.List;

/**
 * The contact card's fields (联系卡), as the care plans list them. Keys are stable: they name the
 * Redis hash fields, the console's labels ({@code card.<key>} in messages) and the import columns.
 */
public enum CardField {

	CHILD_GENDER("child.gender"), CHILD_BIRTH_DATE("child.birthDate"), HOME_ADDRESS("home.address"),
	FATHER_NAME("father.name"), FATHER_PHONE("father.phone"), FATHER_WORK_CITY("father.workCity"),
	FATHER_WORK_UNIT("father.workUnit"), FATHER_WORK_UNIT_ADDRESS("father.workUnitAddress"),
	FATHER_WORK_UNIT_PHONE("father.workUnitPhone"),
	MOTHER_NAME("mother.name"), MOTHER_PHONE("mother.phone"), MOTHER_WORK_CITY("mother.workCity"),
	MOTHER_WORK_UNIT("mother.workUnit"), MOTHER_WORK_UNIT_ADDRESS("mother.workUnitAddress"),
	MOTHER_WORK_UNIT_PHONE("mother.workUnitPhone"),
	GUARDIAN_NAME("guardian.name"), GUARDIAN_RELATION("guardian.relation"),
	GUARDIAN_OCCUPATION("guardian.occupation"), GUARDIAN_ADDRESS("guardian.address"),
	GUARDIAN_PHONE("guardian.phone"), GUARDIAN_HEALTH("guardian.health"), GUARDIAN_AGE("guardian.age");

	private final String key;

	CardField(String key) {
		this.key = key;
	}

	public String key() {
		return this.key;
	}

	public boolean isPhone() {
		return this.key.endsWith("hone");
	}

	/** What a left-behind child's card must hold to count as archived (建档), by who is away. */
	public static List<CardField> requiredFor(LeftBehindType type) {
		List<CardField> required = new ArrayList<>(List.of(CHILD_GENDER, CHILD_BIRTH_DATE, HOME_ADDRESS,
				GUARDIAN_NAME, GUARDIAN_RELATION, GUARDIAN_OCCUPATION, GUARDIAN_ADDRESS, GUARDIAN_PHONE,
				GUARDIAN_HEALTH, GUARDIAN_AGE, FATHER_NAME, FATHER_PHONE, MOTHER_NAME, MOTHER_PHONE));
		if (type == LeftBehindType.FATHER_AWAY || type == LeftBehindType.BOTH_AWAY) {
			required.addAll(List.of(FATHER_WORK_CITY, FATHER_WORK_UNIT, FATHER_WORK_UNIT_ADDRESS,
					FATHER_WORK_UNIT_PHONE));
		}
		if (type == LeftBehindType.MOTHER_AWAY || type == LeftBehindType.BOTH_AWAY) {
			required.addAll(List.of(MOTHER_WORK_CITY, MOTHER_WORK_UNIT, MOTHER_WORK_UNIT_ADDRESS,
					MOTHER_WORK_UNIT_PHONE));
		}
		return required;
	}

	public static CardField ofKey(String key) {
		for (CardField field : values()) {
			if (field.key.equals(key)) {
				return field;
			}
		}
		throw new IllegalArgumentException("No card field " + key);
	}

}
