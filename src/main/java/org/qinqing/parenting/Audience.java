package org.qinqing.parenting;

import java.util.Locale;

import org.qinqing.people.Role;

/** Whom a lesson is written for: the guardians at home, the parents far away, or both. */
public enum Audience {

	GUARDIAN, PARENT, BOTH;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Audience of(String code) {
		for (Audience audience : values()) {
			if (audience.code().equals(code)) {
				return audience;
			}
		}
		return null;
	}

	/** Whether someone in this role is among the lesson's readers. */
	boolean includes(Role role) {
		return this == BOTH || (this == GUARDIAN && role == Role.GUARDIAN) || (this == PARENT && role == Role.PARENT);
	}

}
