package org.qinqing.parenting.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.qinqing.jobs.JobResult;
import org.qinqing.jobs.JobsProperties;
import org.qinqing.notify.Addressed;
import org.qinqing.notify.Message;
import org.qinqing.notify.NotifyProperties;
import org.qinqing.notify.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One run of a week's push (a due job run): takes the audience's snapshot and the plan the first time, then queues
 * batches (compose → {@link Outbox#toEach} → record → advance the cursor) while the outbox holds less than a poll's
 * interval plus {@code lead} of sending, inside the day's budget and before quiet hours, and asks to run again. A
 * crash anywhere replays at most the batch whose cursor had not moved: its message keys dedupe it in the outbox,
 * and {@link WeeklyLessons#compose} gives the lesson recorded for the week.
 */
@Component
class LessonPush {

	private static final Logger log = LoggerFactory.getLogger(LessonPush.class);

	/** One run stops queueing after this long (the job poller serves the other jobs too). */
	private static final Duration MAX_RUN = Duration.ofSeconds(20);

	private final PushStore store;

	private final PushCalendar calendar;

	private final Outbox outbox;

	private final PushProperties properties;

	private final NotifyProperties notify;

	private final JobsProperties jobs;

	private final Clock clock;

	LessonPush(PushStore store, PushCalendar calendar, Outbox outbox, PushProperties properties,
			NotifyProperties notify, JobsProperties jobs, Clock clock) {
		this.store = store;
		this.calendar = calendar;
		this.outbox = outbox;
		this.properties = properties;
		this.notify = notify;
		this.jobs = jobs;
		this.clock = clock;
	}

	JobResult run(String tenant, LocalDate week, WeeklyLessons lessons) {
		LocalDate today = this.calendar.today();
		if (today.isBefore(week)) {
			return JobResult.later(this.calendar.start(week));
		}
		WeekPush push = this.store.week(tenant, week).filter(WeekPush::started).orElse(null);
		if (!today.isBefore(week.plusWeeks(1))) {
			// a week's push ends with its week: the instances were down all week, or the plan needed more days
			log.warn("Tenant {}: the week {} lesson push is over with its week ({} people not reached)", tenant, week,
					push == null ? "all" : push.remaining());
			if (push != null && !push.finished()) {
				this.store.finish(tenant, week, push.plan(), this.clock.instant());
			}
			return JobResult.done();
		}
		if (push == null) {
			push = begin(tenant, week, today, lessons);
		}
		if (push.finished()) {
			return JobResult.done();
		}
		Instant now = this.clock.instant();
		Instant end = this.calendar.end(today);
		if (push.remaining() > 0 && now.isBefore(this.calendar.start(today))) {
			return JobResult.later(this.calendar.start(today));
		}
		if (push.remaining() > 0 && !now.isBefore(end)) {
			return carry(tenant, push, today);
		}
		int budget = push.budgets().containsKey(today) ? push.budgets().get(today) : startDay(tenant, push, today);
		long target = (long) (this.calendar.ratePerSecond()
				* (this.jobs.pollInterval().toMillis() + this.properties.lead().toMillis()) / 1000);
		long started = System.nanoTime();
		while (push.remaining() > 0) {
			int left = Math.min(budget - push.sentOn(today), push.remaining());
			if (left <= 0) {
				return carry(tenant, push, today);
			}
			long backlog = this.outbox.backlog(tenant);
			long drainable = this.calendar.capacity(now, end) - backlog;
			if (drainable <= 0) {
				return carry(tenant, push, today);
			}
			// the reserve is for other messages; should they use more, the push waits rather than go over the quota
			// (what is queued will use it too; messages in flight count twice here, which only waits a little)
			long quotaLeft = this.notify.dailyTemplateQuota() - this.outbox.templatesUsedOn(tenant, today) - backlog;
			long n = min(this.properties.batch(), left, quotaLeft, target - backlog, drainable);
			if (n <= 0 || System.nanoTime() - started > MAX_RUN.toNanos()) {
				break;
			}
			batch(tenant, push, (int) n, today, lessons);
			push = this.store.week(tenant, week).orElseThrow();
			now = this.clock.instant();
		}
		if (push.remaining() == 0) {
			this.store.finish(tenant, week, plan(push, today, 0, 0), now);
			log.info("Tenant {}: the week {} lesson push is finished: {} messages to {} people, {} unreachable", tenant,
					week, push.queued(), push.reached(), push.unreachable());
			return JobResult.done();
		}
		return JobResult.later(now.plus(this.properties.lead()));
	}

	private WeekPush begin(String tenant, LocalDate week, LocalDate today, WeeklyLessons lessons) {
		List<String> audience = lessons.audience(tenant);
		Instant now = this.clock.instant();
		int first = (int) Math.min(todayAllowance(tenant, today), this.calendar.capacity(
				max(now, this.calendar.start(today)), this.calendar.end(today)));
		PushPlan plan = PushPlan.of(Map.of(), today, first, dailyAllowance(), audience.size());
		this.store.snapshot(tenant, week, audience, plan, now);
		log.info("Tenant {}: the week {} lesson push begins for {} people over {} day(s)", tenant, week,
				audience.size(), plan.days().size());
		return this.store.week(tenant, week).orElseThrow();
	}

	/** Fixes today's budget as the day's sending begins, and plans the rest from it. */
	private int startDay(String tenant, WeekPush push, LocalDate today) {
		Instant now = this.clock.instant();
		int budget = (int) Math.min(Math.min(todayAllowance(tenant, today), push.remaining()),
				this.calendar.capacity(max(now, this.calendar.start(today)), this.calendar.end(today)));
		this.store.startDay(tenant, push.week(), today, budget, plan(push, today, budget, push.remaining()));
		return budget;
	}

	/** Today is over for this push: the rest goes from tomorrow's start. */
	private JobResult carry(String tenant, WeekPush push, LocalDate today) {
		LocalDate tomorrow = today.plusDays(1);
		this.store.replan(tenant, push.week(), PushPlan.of(push.sentByDay(), tomorrow, dailyAllowance(),
				dailyAllowance(), push.remaining()));
		return JobResult.later(this.calendar.start(tomorrow));
	}

	private PushPlan plan(WeekPush push, LocalDate today, int todayBudget, int remaining) {
		int todayLeft = Math.max(0, todayBudget - push.sentOn(today));
		return PushPlan.of(push.sentByDay(), today, todayLeft, dailyAllowance(), remaining);
	}

	private void batch(String tenant, WeekPush push, int n, LocalDate today, WeeklyLessons lessons) {
		int from = push.cursor();
		List<String> ids = this.store.audience(tenant, push.week(), from, n);
		Map<String, WeeklyLessons.Planned> planned = lessons.compose(tenant, ids, push.week());
		Map<String, Message> messages = new LinkedHashMap<>();
		ids.stream().filter(planned::containsKey).forEach(id -> messages.put(id, planned.get(id).message()));
		Addressed addressed = messages.isEmpty() ? new Addressed(List.of(), List.of())
				: this.outbox.toEach(tenant, messages);
		Set<String> unreachable = addressed.unreachable()
			.stream()
			.map(Addressed.Unreachable::personId)
			.collect(Collectors.toSet());
		Map<String, String> given = new LinkedHashMap<>();
		messages.keySet()
			.stream()
			.filter(id -> !unreachable.contains(id))
			.forEach(id -> given.put(id, planned.get(id).lessonId()));
		if (!given.isEmpty()) {
			lessons.recordSent(tenant, push.week(), given, this.clock.instant());
		}
		this.store.advance(tenant, push.week(), from, from + ids.size(), addressed.queued().size(), given.size(),
				unreachable.size(), ids.size() - messages.size(), today);
	}

	private long todayAllowance(String tenant, LocalDate today) {
		return PushPlan.allowance(this.notify.dailyTemplateQuota(), this.properties.reservePercent(),
				this.outbox.templatesUsedOn(tenant, today));
	}

	private int dailyAllowance() {
		return PushPlan.allowance(this.notify.dailyTemplateQuota(), this.properties.reservePercent(), 0);
	}

	private static long min(long... values) {
		long min = Long.MAX_VALUE;
		for (long value : values) {
			min = Math.min(min, value);
		}
		return min;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
