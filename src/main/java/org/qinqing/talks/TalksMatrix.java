package org.qinqing.talks;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qinqing.people.CareScope;
import org.qinqing.people.Person;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.SchoolTime;
import org.springframework.stereotype.Service;

/**
 * The compliance matrix: for the children a staff member may see (the one access rule), each month's standing, by
 * class with the class's rate for the chosen month. One read of the roster and one of each month's talked hash.
 */
@Service
class TalksMatrix {

	static final int MONTHS = 6;

	record Cell(YearMonth month, OwedTalks.State state) {
	}

	record Row(String childId, String name, String teachers, List<Cell> cells) {
	}

	/**
	 * @param done children talked to as the rule asks in the chosen month
	 * @param owed children owed a talk that month (done or not)
	 */
	record ClassBlock(String classId, String name, int done, int owed, List<Row> rows) {

		public int percent() {
			return owed == 0 ? 100 : (int) Math.floor(100.0 * done / owed);
		}

	}

	record Matrix(YearMonth month, List<YearMonth> months, List<ClassBlock> classes, int done, int owed,
			int teachersBehind) {

		public int percent() {
			return owed == 0 ? 100 : (int) Math.floor(100.0 * done / owed);
		}

	}

	private final TalksRoster roster;

	private final TalkCards cards;

	private final TalksCompliance compliance;

	private final SchoolRecords records;

	private final Clock clock;

	/** Between teachers' names: the wording's list separator (、). */
	private final String separator;

	TalksMatrix(TalksRoster roster, TalkCards cards, TalksCompliance compliance, SchoolRecords records, Clock clock,
			org.qinqing.system.BotScripts scripts) {
		this.separator = scripts.text("common.list-separator");
		this.roster = roster;
		this.cards = cards;
		this.compliance = compliance;
		this.records = records;
		this.clock = clock;
	}

	Matrix of(String tenant, CareScope scope, YearMonth month, int monthsShown) {
		List<Pupil> pupils = this.roster.lookedAfter(tenant, scope, SchoolTime.today(this.clock));
		List<YearMonth> months = new ArrayList<>();
		for (int i = monthsShown - 1; i >= 0; i--) {
			months.add(month.minusMonths(i));
		}
		Map<YearMonth, Map<String, OwedTalks.Standing>> byMonth = new HashMap<>();
		List<OwedTalks.Standing> chosen = List.of();
		for (YearMonth m : months) {
			Map<String, Set<String>> talked = scope.everyone() ? this.cards.talked(tenant, m)
					: this.cards.talked(tenant, m, pupils.stream().map(Pupil::childId).toList());
			List<OwedTalks.Standing> standings = this.compliance.standings(tenant, m, pupils, talked);
			Map<String, OwedTalks.Standing> byChild = new HashMap<>();
			standings.forEach(s -> byChild.put(s.pupil().childId(), s));
			byMonth.put(m, byChild);
			if (m.equals(month)) {
				chosen = standings;
			}
		}
		Map<String, SchoolClass> classes = this.records.classes(tenant,
				pupils.stream().map(Pupil::classId).distinct().toList());
		Map<String, Person> teachers = this.records.people(tenant,
				pupils.stream().flatMap(p -> p.teachers().stream()).distinct().toList());
		Map<String, List<Row>> rows = new LinkedHashMap<>();
		Map<String, int[]> rates = new HashMap<>();
		for (Pupil p : pupils) {
			List<Cell> cells = months.stream().map(m -> new Cell(m, byMonth.get(m).get(p.childId()).state())).toList();
			String names = String.join(this.separator, p.teachers().stream().map(teachers::get).filter(t -> t != null)
				.map(Person::name).toList());
			rows.computeIfAbsent(p.classId(), c -> new ArrayList<>())
				.add(new Row(p.childId(), p.name(), names, cells));
			OwedTalks.State state = byMonth.get(month).get(p.childId()).state();
			int[] rate = rates.computeIfAbsent(p.classId(), c -> new int[2]);
			if (state != OwedTalks.State.NOT_OWED) {
				rate[1]++;
				rate[0] += state == OwedTalks.State.DONE ? 1 : 0;
			}
		}
		List<ClassBlock> blocks = new ArrayList<>();
		int done = 0;
		int owed = 0;
		for (Map.Entry<String, List<Row>> e : rows.entrySet()) {
			SchoolClass c = classes.get(e.getKey());
			int[] rate = rates.get(e.getKey());
			done += rate[0];
			owed += rate[1];
			blocks.add(new ClassBlock(e.getKey(), c == null ? e.getKey() : c.name(), rate[0], rate[1], e.getValue()));
		}
		blocks.sort(java.util.Comparator.comparing((ClassBlock b) -> {
			SchoolClass c = classes.get(b.classId());
			return c == null ? 99 : c.grade() * 100 + c.number();
		}));
		return new Matrix(month, months, blocks, done, owed, OwedTalks.byTeacher(chosen).size());
	}

}
