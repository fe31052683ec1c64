package org.qinqing.people.transfer;

/** A child is identified across imports by class, name and birth date. */
final class ChildKey {

	private ChildKey() {
	}

	static String of(String classId, String name, String birthDate) {
		return classId + "\u0000" + Normalize.text(name).replace(" ", "") + "\u0000" + (birthDate == null ? "" : birthDate);
	}

}
