package org.qinqing.parenting;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.qinqing.people.Child;
import org.qinqing.people.Person;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.SchoolTime;
import org.springframework.stereotype.Service;

/**
 * The parenting school's figures for other features: a school's reach this week and this term (the leader's
 * 今日概况), and how many lessons a child's parents and guardians read this month (孩子近况).
 */
@Service
public class ParentingFigures {

	private final SchoolRecords records;

	private final Reach reach;

	private final Learners learners;

	private final Clock clock;

	ParentingFigures(SchoolRecords records, Reach reach, Learners learners, Clock clock) {
		this.records = records;
		this.reach = reach;
		this.learners = learners;
		this.clock = clock;
	}

	/**
	 * The reach of a school's left-behind children's families ({@link Reach.Figures#reachedPercent()} this term,
	 * {@link Reach.Figures#thisWeekPercent()} this week); an empty {@code schoolId} means the whole tenant.
	 */
	public Reach.Figures schoolReach(String tenant, String schoolId) {
		List<String> classIds = new ArrayList<>();
		this.records.classes(tenant, this.records.ids(tenant, "class")).values().forEach(c -> {
			if (schoolId.isEmpty() || schoolId.equals(c.schoolId())) {
				classIds.add(c.id());
			}
		});
		List<Child> children = new ArrayList<>();
		this.records.childrenOf(tenant, classIds).values().forEach(children::addAll);
		return this.reach.of(tenant, children).total();
	}

	/** How many lessons the child's parents and guardians read this month (school time), each lesson once. */
	public int lessonsReadThisMonth(String tenant, String childId) {
		return lessonsRead(tenant, childId, YearMonth.from(SchoolTime.today(this.clock)));
	}

	/** How many lessons the child's parents and guardians read in {@code month} (school time), each lesson once. */
	public int lessonsRead(String tenant, String childId, YearMonth month) {
		List<String> adults = this.records.adultsOf(tenant, childId).stream().filter(Person::isFamily)
			.map(Person::id).toList();
		Set<String> lessons = new HashSet<>();
		this.learners.histories(tenant, adults).values().forEach(h -> h.read().forEach((lesson, at) -> {
			if (YearMonth.from(SchoolTime.local(at)).equals(month)) {
				lessons.add(lesson);
			}
		}));
		return lessons.size();
	}

}
