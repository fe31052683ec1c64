package org.qinqing.talks;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who owes whom a talk in a month, from the pupils, the talks recorded and the school's rule; pure, no Redis.
 * <ul>
 * <li>A month the calendar says owes nothing (holidays) owes nothing to anyone.</li>
 * <li>A child who arrived (or became left-behind) during the month with fewer than the calendar's minimum of school
 * days left is owed from the next month; a child who left is not in the pupils at all (their cards stay).</li>
 * <li>{@link OwedRule#EITHER}: any talk with the child that month satisfies it; until then both the head teacher
 * and the paired teacher have the child on their list. {@link OwedRule#BOTH}: each of them owes their own talk.</li>
 * <li>A child with no teacher at all is still owed: the leaders' list says so.</li>
 * </ul>
 */
public final class OwedTalks {

	private OwedTalks() {
	}

	/** Where a child stands in the month. */
	public enum State {

		/** Nothing owed (holiday month, or arrived too late in it). */
		NOT_OWED,
		/** Talked to as the rule asks. */
		DONE,
		/** One of two teachers talked (rule BOTH). */
		PARTLY,
		/** No talk yet. */
		OWED

	}

	/**
	 * One child's month.
	 *
	 * @param talkedBy the teachers (or anyone) who recorded a talk with the child this month
	 * @param owedBy the teachers who still owe a talk; empty when done, not owed, or owed by nobody assigned
	 */
	public record Standing(Pupil pupil, State state, Set<String> talkedBy, List<String> owedBy) {

		public boolean stillOwed() {
			return this.state == State.OWED || this.state == State.PARTLY;
		}

	}

	/**
	 * The month's standings, in the pupils' order.
	 *
	 * @param talked who recorded a talk with each child in the month, by child id
	 */
	public static List<Standing> of(YearMonth month, SchoolCalendar calendar, OwedRule rule, Collection<Pupil> pupils,
			Map<String, Set<String>> talked) {
		boolean monthOwes = calendar.owes(month);
		List<Standing> standings = new ArrayList<>(pupils.size());
		for (Pupil pupil : pupils) {
			Set<String> by = talked.getOrDefault(pupil.childId(), Set.of());
			if (!monthOwes || !calendar.owesJoiner(pupil.since(), month)) {
				standings.add(new Standing(pupil, by.isEmpty() ? State.NOT_OWED : State.DONE, by, List.of()));
				continue;
			}
			standings.add(standing(pupil, rule, by));
		}
		return standings;
	}

	private static Standing standing(Pupil pupil, OwedRule rule, Set<String> by) {
		List<String> teachers = pupil.teachers();
		if (rule == OwedRule.EITHER || teachers.size() < 2) {
			boolean done = teachers.isEmpty() ? !by.isEmpty()
					: rule == OwedRule.EITHER ? !by.isEmpty() : by.containsAll(teachers);
			return new Standing(pupil, done ? State.DONE : State.OWED, by, done ? List.of() : teachers);
		}
		List<String> owing = teachers.stream().filter(t -> !by.contains(t)).toList();
		State state = owing.isEmpty() ? State.DONE : owing.size() == teachers.size() ? State.OWED : State.PARTLY;
		return new Standing(pupil, state, by, owing);
	}

	/** Each teacher's children still owed, by teacher id (the pupils' order kept); teachers owing nothing absent. */
	public static Map<String, List<Pupil>> byTeacher(List<Standing> standings) {
		Map<String, List<Pupil>> owed = new LinkedHashMap<>();
		for (Standing s : standings) {
			for (String teacher : s.owedBy()) {
				owed.computeIfAbsent(teacher, t -> new ArrayList<>()).add(s.pupil());
			}
		}
		return owed;
	}

}
