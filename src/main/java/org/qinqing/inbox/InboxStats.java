package org.qinqing.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.people.Access;
import org.qinqing.people.CareScope;
import org.qinqing.people.Child;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.SchoolTime;
import org.springframework.stereotype.Component;

/**
 * This month's questions as a staff member may see them: how many, the share answered, the median time to a first
 * answer, per class. One read of the month's threads and one of their children.
 */
@Component
class InboxStats {

	/** A month of a county's questions is read at most this many at a time. */
	private static final int MONTH_LIMIT = 20_000;

	record Summary(int questions, int answered, Optional<Duration> medianFirstAnswer, Map<String, Integer> byClass,
			long waiting) {

		int answeredPercent() {
			return this.questions == 0 ? 0 : Math.round(100f * this.answered / this.questions);
		}

	}

	private final Inbox inbox;

	private final Access access;

	private final SchoolRecords records;

	private final Clock clock;

	InboxStats(Inbox inbox, Access access, SchoolRecords records, Clock clock) {
		this.inbox = inbox;
		this.access = access;
		this.records = records;
		this.clock = clock;
	}

	Summary thisMonth(String tenant, CareScope scope) {
		LocalDate first = SchoolTime.today(this.clock).withDayOfMonth(1);
		Instant from = SchoolTime.instant(first.atStartOfDay());
		List<InboxThread> month = this.inbox.filedBetween(tenant, from, this.clock.instant().plusSeconds(1), MONTH_LIMIT)
			.stream()
			.filter(t -> t.kind() == InboxThread.Kind.QUESTION)
			.toList();
		Map<String, Child> children = this.records.children(tenant, month.stream().map(InboxThread::childId).toList());
		List<Duration> firstAnswers = new ArrayList<>();
		Map<String, Integer> byClass = new LinkedHashMap<>();
		int questions = 0;
		int answered = 0;
		long waiting = 0;
		for (InboxThread t : month) {
			Child child = children.get(t.childId());
			if (!scope.everyone() && (child == null || !scope.covers(child))) {
				continue;
			}
			questions++;
			t.timeToFirstAnswer().ifPresent(firstAnswers::add);
			if (t.state() != InboxThread.State.OPEN) {
				answered++;
			}
			else {
				waiting++;
			}
			byClass.merge(t.classId(), 1, Integer::sum);
		}
		firstAnswers.sort(null);
		Optional<Duration> median = firstAnswers.isEmpty() ? Optional.empty()
				: Optional.of(firstAnswers.get(firstAnswers.size() / 2));
		Map<String, Integer> named = new LinkedHashMap<>();
		this.records.classes(tenant, byClass.keySet()).forEach((id, c) -> named.put(c.name(), byClass.get(id)));
		return new Summary(questions, answered, median, named, waiting);
	}

	CareScope scope(String tenant, org.qinqing.people.Identity who) {
		return this.access.scopeOf(tenant, who);
	}

}
