package org.qinqing.talks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A left-behind child as the talks see them: who owes them a talk, and since when they are here.
 *
 * @param headTeacherId the class's head teacher (班主任), or empty
 * @param pairedTeacherId the paired teacher (帮扶教师), or empty
 * @param since the first day the talks knew them as a left-behind pupil (arrival, or becoming left-behind)
 */
public record Pupil(String childId, String name, String classId, String headTeacherId, String pairedTeacherId,
		LocalDate since) {

	public Pupil {
		headTeacherId = headTeacherId == null ? "" : headTeacherId;
		pairedTeacherId = pairedTeacherId == null || pairedTeacherId.equals(headTeacherId) ? "" : pairedTeacherId;
	}

	/** Head teacher first, then the paired one; none when the class has no head teacher and nobody is paired. */
	public List<String> teachers() {
		List<String> ids = new ArrayList<>(2);
		if (!this.headTeacherId.isEmpty()) {
			ids.add(this.headTeacherId);
		}
		if (!this.pairedTeacherId.isEmpty()) {
			ids.add(this.pairedTeacherId);
		}
		return ids;
	}

}
