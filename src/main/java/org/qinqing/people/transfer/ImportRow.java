package org.qinqing.people.transfer;

import java.util.List;
import java.util.Map;

import org.qinqing.people.CardField;
import org.qinqing.people.LeftBehindType;

/**
 * A child's row after cleaning. {@code classId} and {@code leftBehind} are null when they could
 * not be read; {@code schoolName} is the 学校 cell as typed (empty without that column); {@code card}
 * holds only the cells that had a value.
 */
record ImportRow(int line, String name, String schoolName, String className, String classId,
		LeftBehindType leftBehind, Map<CardField, String> card, List<Problem> problems) {

	ImportRow {
		schoolName = schoolName == null ? "" : schoolName;
		card = Map.copyOf(card);
		problems = List.copyOf(problems);
	}

	boolean isGood() {
		return this.problems.isEmpty();
	}

	String birthDate() {
		return this.card.getOrDefault(CardField.CHILD_BIRTH_DATE, "");
	}

	/** Who the row is about: the same (class, name, birth date) is the same child. */
	String identity() {
		return ChildKey.of(this.classId, this.name, birthDate());
	}

}
