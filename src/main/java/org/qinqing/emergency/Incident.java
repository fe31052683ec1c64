package org.qinqing.emergency;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An emergency as stored: the report (child, kind, where the child is, what happened, who reported when), each
 * chain step's completion and lateness, and its timeline.
 *
 * @param done when each step was done (its first acknowledgement, a call, the report sent)
 * @param late the steps whose deadline passed undone
 */
record Incident(String number, String childId, String classId, String kind, String place, String description,
		String reporterId, String reporterRole, Instant reported, boolean open, Map<ChainStep, Instant> done,
		List<ChainStep> late, Optional<Instant> closed, String closedBy, String note, List<IncidentEvent> events) {

	enum Outcome {

		/** Done within its deadline. */
		MET,
		/** Done after it, or not done when its deadline passed. */
		LATE,
		/** Neither yet: the deadline is still ahead (or the incident was closed before it). */
		PENDING

	}

	Incident {
		done = Map.copyOf(done);
		late = List.copyOf(late);
		events = List.copyOf(events);
	}

	Optional<Instant> done(ChainStep step) {
		return Optional.ofNullable(this.done.get(step));
	}

	Outcome outcome(ChainStep step, Duration deadline) {
		Instant due = this.reported.plus(deadline);
		Instant at = this.done.get(step);
		if (at != null) {
			return at.isAfter(due) ? Outcome.LATE : Outcome.MET;
		}
		return this.late.contains(step) ? Outcome.LATE : Outcome.PENDING;
	}

	/** The people a notice went to in a step, in order. */
	List<String> told(ChainStep step) {
		return this.events.stream()
			.filter(e -> e.type() == IncidentEvent.Type.NOTIFIED && e.step() == step)
			.map(IncidentEvent::person)
			.distinct()
			.toList();
	}

	boolean hasEvent(IncidentEvent.Type type, String person) {
		return this.events.stream().anyMatch(e -> e.type() == type && e.person().equals(person));
	}

}
