package org.qinqing.talks;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qinqing.people.Access;
import org.qinqing.people.CareScope;
import org.qinqing.people.Role;
import org.qinqing.system.SchoolTime;
import org.springframework.stereotype.Service;

/**
 * Who owes whom this month (or any month), read in a few pipelined round trips for the whole tenant or one teacher:
 * the roster, the month's talked hash, the rule ({@link OwedTalks}).
 */
@Service
public class TalksCompliance {

	/**
	 * The talks still owed this month, for the leaders' 今日概况.
	 *
	 * @param owes whether this month owes talks at all (false in the holidays: then both counts are 0)
	 * @param children left-behind children still owed a talk
	 * @param teachersBehind teachers with at least one child still owed
	 * @param owed children owed a talk this month (still owed or done), for a rate
	 * @param schoolDaysLeft school days from today to the month's end (today included)
	 */
	public record OwedSummary(YearMonth month, boolean owes, int children, int teachersBehind, int owed,
			int schoolDaysLeft) {
	}

	private final TalksRoster roster;

	private final TalkCards cards;

	private final TalkSettingsStore settings;

	private final Access access;

	private final Clock clock;

	TalksCompliance(TalksRoster roster, TalkCards cards, TalkSettingsStore settings, Access access, Clock clock) {
		this.roster = roster;
		this.cards = cards;
		this.settings = settings;
		this.access = access;
		this.clock = clock;
	}

	/** This month's talks still owed in the school: children and teachers behind. */
	public OwedSummary owedThisMonth(String tenant) {
		LocalDate today = SchoolTime.today(this.clock);
		YearMonth month = YearMonth.from(today);
		TalkSettings s = this.settings.settings(tenant);
		List<OwedTalks.Standing> standings = month(tenant, month);
		int still = (int) standings.stream().filter(OwedTalks.Standing::stillOwed).count();
		int owed = (int) standings.stream().filter(st -> st.state() != OwedTalks.State.NOT_OWED).count();
		return new OwedSummary(month, s.calendar().owes(month), still, OwedTalks.byTeacher(standings).size(), owed,
				s.calendar().schoolDaysFrom(today));
	}

	/** Every left-behind child's standing in the month. */
	List<OwedTalks.Standing> month(String tenant, YearMonth month) {
		List<Pupil> pupils = this.roster.all(tenant, SchoolTime.today(this.clock));
		return standings(tenant, month, pupils, this.cards.talked(tenant, month));
	}

	/** The standings of the children a teacher looks after (the one access rule). */
	List<OwedTalks.Standing> ofTeacher(String tenant, String teacherId, YearMonth month) {
		CareScope scope = this.access.scopeOf(tenant, Role.TEACHER, teacherId);
		List<Pupil> pupils = this.roster.lookedAfter(tenant, scope, SchoolTime.today(this.clock));
		Map<String, Set<String>> talked = this.cards.talked(tenant, month, pupils.stream().map(Pupil::childId).toList());
		return standings(tenant, month, pupils, talked);
	}

	/** The standings of these pupils, given who talked with them. */
	List<OwedTalks.Standing> standings(String tenant, YearMonth month, List<Pupil> pupils,
			Map<String, Set<String>> talked) {
		TalkSettings s = this.settings.settings(tenant);
		return OwedTalks.of(month, s.calendar(), s.rule(), pupils, talked);
	}

}
