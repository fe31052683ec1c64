package org.qinqing.parenting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.qinqing.people.Child;
import org.qinqing.people.Directory;
import org.qinqing.people.Person;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolNames;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.SchoolTime;
import org.springframework.stereotype.Service;

/**
 * The plan's 家教知识普及率: of the left-behind children, the share with at least one parent or guardian who read a
 * lesson this term (and this week), the share with one who answered a question right, and the families none of
 * whose adults ever opened one — per school and class, for the children a staff member looks after. A county's
 * 20,000 children cost a handful of pipelined round trips: their classes, their adults (two), the readers' sets
 * (one for all four), the bindings of the families to follow up.
 */
@Service
public class Reach {

	/**
	 * @param leftBehind left-behind children counted
	 * @param reached of them, with an adult who read a lesson this term
	 * @param reachedThisWeek with an adult who read one this lesson week (since the last push day)
	 * @param answeredRight with an adult who answered a question right this term
	 * @param neverOpened with no adult who ever opened one
	 */
	public record Figures(int leftBehind, int reached, int reachedThisWeek, int answeredRight, int neverOpened) {

		static final Figures NONE = new Figures(0, 0, 0, 0, 0);

		/** The share reached this term, in percent with one decimal; 0 without left-behind children. */
		public double reachedPercent() {
			return percent(this.reached);
		}

		public double thisWeekPercent() {
			return percent(this.reachedThisWeek);
		}

		public double answeredRightPercent() {
			return percent(this.answeredRight);
		}

		private double percent(int part) {
			return this.leftBehind == 0 ? 0 : Math.round(part * 1000.0 / this.leftBehind) / 10.0;
		}

		Figures plus(Figures o) {
			return new Figures(this.leftBehind + o.leftBehind, this.reached + o.reached,
					this.reachedThisWeek + o.reachedThisWeek, this.answeredRight + o.answeredRight,
					this.neverOpened + o.neverOpened);
		}

	}

	/** A school's or class's figures under its name. */
	public record Row(String id, String label, Figures figures) {
	}

	/** A parent or guardian of a family to follow up: how they are to the child and whether WeChat reaches them. */
	public record Adult(String personId, String name, String relation, boolean bound) {
	}

	/** A left-behind child none of whose adults ever opened a lesson. */
	public record FollowUp(Child child, String className, List<Adult> adults) {
	}

	/**
	 * @param notReached the adults of the left-behind children not reached this term, whom 提醒未读 reminds
	 */
	public record Report(Term term, Figures total, List<Row> schools, List<Row> classes, List<FollowUp> neverOpened,
			List<String> notReached) {
	}

	private final SchoolRecords records;

	private final Directory directory;

	private final Learners learners;

	private final Clock clock;

	Reach(SchoolRecords records, Directory directory, Learners learners, Clock clock) {
		this.records = records;
		this.directory = directory;
		this.learners = learners;
		this.clock = clock;
	}

	/** The report over these children (those a staff member may see), today by the clock. */
	public Report of(String tenant, Collection<Child> children) {
		LocalDate today = SchoolTime.today(this.clock);
		List<Child> leftBehind = children.stream().filter(c -> c.leftBehind().isLeftBehind()).toList();
		Map<String, SchoolClass> classes = this.records.classes(tenant,
				leftBehind.stream().map(Child::classId).filter(id -> !id.isEmpty()).collect(java.util.stream.Collectors.toSet()));
		Map<String, List<Person>> adults = family(this.records.adultsOf(tenant, leftBehind.stream().map(Child::id).toList()));
		Learners.Readers readers = this.learners.readers(tenant, today);
		SchoolNames schools = this.records.schoolNames(tenant);

		Map<String, Figures> byClass = new LinkedHashMap<>();
		List<Child> neverOpened = new ArrayList<>();
		Set<String> notReached = new LinkedHashSet<>();
		for (Child child : leftBehind) {
			List<Person> theirs = adults.getOrDefault(child.id(), List.of());
			boolean reached = any(theirs, readers.read());
			boolean week = any(theirs, readers.week());
			boolean right = any(theirs, readers.right());
			boolean never = !any(theirs, readers.ever());
			if (never) {
				neverOpened.add(child);
			}
			if (!reached) {
				theirs.forEach(p -> notReached.add(p.id()));
			}
			byClass.merge(child.classId(), new Figures(1, reached ? 1 : 0, week ? 1 : 0, right ? 1 : 0, never ? 1 : 0),
					Figures::plus);
		}
		List<Row> classRows = new ArrayList<>();
		Map<String, Figures> bySchool = new LinkedHashMap<>();
		classes.values()
			.stream()
			.sorted(java.util.Comparator.comparing((SchoolClass c) -> schools.of(c)).thenComparingInt(SchoolClass::grade)
				.thenComparingInt(SchoolClass::number))
			.forEach(c -> {
				Figures f = byClass.getOrDefault(c.id(), Figures.NONE);
				classRows.add(new Row(c.id(), schools.classLabel(c), f));
				bySchool.merge(c.schoolId(), f, Figures::plus);
			});
		Figures unclassed = byClass.entrySet().stream().filter(e -> !classes.containsKey(e.getKey()))
			.map(Map.Entry::getValue).reduce(Figures.NONE, Figures::plus);
		Figures total = classRows.stream().map(Row::figures).reduce(unclassed, Figures::plus);
		List<Row> schoolRows = bySchool.entrySet().stream()
			.map(e -> new Row(e.getKey(), schools.of(e.getKey()), e.getValue()))
			.toList();
		return new Report(Term.of(today), total, schoolRows, classRows,
				followUps(tenant, neverOpened, adults, classes, schools), List.copyOf(notReached));
	}

	private List<FollowUp> followUps(String tenant, List<Child> children, Map<String, List<Person>> adults,
			Map<String, SchoolClass> classes, SchoolNames schools) {
		Set<String> ids = new HashSet<>();
		children.forEach(c -> adults.getOrDefault(c.id(), List.of()).forEach(p -> ids.add(p.id())));
		Map<String, Long> bound = this.directory.boundCounts(tenant, ids);
		Function<Person, Adult> adult = p -> new Adult(p.id(), p.name(), p.relation(), bound.getOrDefault(p.id(), 0L) > 0);
		return children.stream()
			.sorted(java.util.Comparator.comparing((Child c) -> classes.containsKey(c.classId())
					? schools.classLabel(classes.get(c.classId())) : "").thenComparing(Child::name))
			.map(c -> new FollowUp(c, classes.containsKey(c.classId()) ? schools.classLabel(classes.get(c.classId())) : "",
					adults.getOrDefault(c.id(), List.of()).stream().map(adult).toList()))
			.toList();
	}

	/** Only parents and guardians count: a paired teacher is among a child's adults too. */
	private static Map<String, List<Person>> family(Map<String, List<Person>> adults) {
		Map<String, List<Person>> family = new LinkedHashMap<>();
		adults.forEach((child, people) -> family.put(child, people.stream().filter(Person::isFamily).toList()));
		return family;
	}

	private static boolean any(List<Person> people, Set<String> among) {
		return people.stream().anyMatch(p -> among.contains(p.id()));
	}

}
