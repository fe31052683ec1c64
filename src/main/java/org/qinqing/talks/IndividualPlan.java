package org.qinqing.talks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An individual education plan (个别教育管理方案) for a child who needs attention, opened by a talk's concern.
 *
 * @param id e.g. {@code P3}, per tenant
 * @param cardId the talk card that opened it
 * @param ownerId who follows it up (the teacher who raised it, unless changed)
 * @param goal what the plan aims at (empty until filled in the console)
 * @param measures what the school does
 * @param followUps the days the owner is reminded to follow up
 * @param closeNote why it was closed (required to close)
 */
public record IndividualPlan(String id, String childId, String classId, String cardId, String ownerId, String goal,
		String measures, List<LocalDate> followUps, boolean open, Instant openedAt, Instant closedAt,
		String closeNote) {

	public IndividualPlan {
		followUps = List.copyOf(followUps);
		goal = goal == null ? "" : goal;
		measures = measures == null ? "" : measures;
		closeNote = closeNote == null ? "" : closeNote;
	}

	IndividualPlan withDetails(String newOwner, String newGoal, String newMeasures, List<LocalDate> newFollowUps) {
		return new IndividualPlan(this.id, this.childId, this.classId, this.cardId, newOwner, newGoal, newMeasures,
				newFollowUps, this.open, this.openedAt, this.closedAt, this.closeNote);
	}

	IndividualPlan closed(String note, Instant at) {
		return new IndividualPlan(this.id, this.childId, this.classId, this.cardId, this.ownerId, this.goal,
				this.measures, this.followUps, false, this.openedAt, at, note);
	}

}
