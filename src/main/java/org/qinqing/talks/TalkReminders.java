package org.qinqing.talks;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.qinqing.jobs.DueJob;
import org.qinqing.jobs.DueJobs;
import org.qinqing.jobs.JobHandler;
import org.qinqing.jobs.JobResult;
import org.qinqing.notify.MessengerChannel;
import org.qinqing.people.Person;
import org.qinqing.people.PersonNames;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.SchoolTime;
import org.qinqing.system.ThrottledLog;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;

/**
 * The talks' due jobs. {@link #REMIND} (subject: the talk time's day) reminds each teacher of the children still owed
 * and schedules the next talk time; {@link #MISSING} (subject: the month) gives the leaders the list still missing on
 * the month's last school day and schedules the next month's. Both are scheduled at start and when the settings
 * change (the same key is one job, so every instance may do it); the outbox's idempotency keys make a job run twice
 * send once. Parents' notes and plans' follow-ups are jobs too.
 */
@Configuration(proxyBeanMethods = false)
class TalkReminders {

	static final String REMIND = "talks-remind";

	static final String MISSING = "talks-missing";

	private static final ThrottledLog failures = new ThrottledLog(LoggerFactory.getLogger(TalkReminders.class));

	private final DueJobs jobs;

	private final TalksCompliance compliance;

	private final TalkSettingsStore settings;

	private final TalkNotices notices;

	private final SchoolRecords records;

	private final TalkCards cards;

	private final IndividualPlans plans;

	private final List<MessengerChannel> channels;

	private final Clock clock;

	/** Due jobs and plans come lazily: the jobs take this configuration's handlers. */
	TalkReminders(@Lazy DueJobs jobs, TalksCompliance compliance, TalkSettingsStore settings, TalkNotices notices,
			SchoolRecords records, TalkCards cards, @Lazy IndividualPlans plans, List<MessengerChannel> channels,
			Clock clock) {
		this.jobs = jobs;
		this.compliance = compliance;
		this.settings = settings;
		this.notices = notices;
		this.records = records;
		this.cards = cards;
		this.plans = plans;
		this.channels = channels;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void scheduleAll() {
		Set<String> tenants = new LinkedHashSet<>();
		this.channels.forEach(channel -> tenants.addAll(channel.tenants()));
		for (String tenant : tenants) {
			try {
				schedule(tenant);
			}
			catch (RuntimeException ex) {
				failures.warn("Scheduling the talks' reminders", ex);
			}
		}
	}

	/** The next talk time's reminder and the next missing list (this month's, or the next owing month's). */
	void schedule(String tenant) {
		TalkSettings s = this.settings.settings(tenant);
		LocalDateTime now = SchoolTime.now(this.clock);
		LocalDateTime next = s.nextTalkTime(now);
		this.jobs.schedule(tenant, REMIND, next.toLocalDate().toString(), SchoolTime.instant(next), Map.of());
		YearMonth month = YearMonth.from(now);
		for (int i = 0; i < 12; i++, month = month.plusMonths(1)) {
			Optional<LocalDateTime> at = s.missingListTime(month);
			if (at.isPresent() && at.get().isAfter(now)) {
				this.jobs.schedule(tenant, MISSING, month.toString(), SchoolTime.instant(at.get()), Map.of());
				return;
			}
		}
	}

	@Bean
	JobHandler talksRemindJob() {
		return JobHandler.of(REMIND, this::remind);
	}

	@Bean
	JobHandler talksMissingJob() {
		return JobHandler.of(MISSING, this::missing);
	}

	@Bean
	JobHandler talksParentsJob() {
		return JobHandler.of(TalkRecorder.PARENTS_JOB, this::parents);
	}

	@Bean
	JobHandler talksFollowUpJob() {
		return JobHandler.of(IndividualPlans.FOLLOW_UP, this::followUp);
	}

	private JobResult remind(String tenant, DueJob job) {
		LocalDate slot = LocalDate.parse(job.subject());
		// a talk time that could not run on its day (the app was away) is not sent late
		if (!SchoolTime.today(this.clock).isAfter(slot)) {
			TalkSettings s = this.settings.settings(tenant);
			YearMonth month = YearMonth.from(slot);
			List<TalkReminderPlan.Reminder> reminders = TalkReminderPlan.at(slot, s,
					s.calendar().owes(month) ? this.compliance.month(tenant, month) : List.of());
			Map<String, Person> teachers = this.records.people(tenant,
					reminders.stream().map(TalkReminderPlan.Reminder::teacherId).toList());
			for (TalkReminderPlan.Reminder r : reminders) {
				Person teacher = teachers.get(r.teacherId());
				if (teacher != null) {
					this.notices.remind(tenant, slot, teacher, r.owed(), r.schoolDaysLeft(), r.countdown());
				}
			}
		}
		schedule(tenant);
		return JobResult.done();
	}

	private JobResult missing(String tenant, DueJob job) {
		YearMonth month = YearMonth.parse(job.subject());
		TalkSettings s = this.settings.settings(tenant);
		Optional<LocalDateTime> at = s.missingListTime(month);
		LocalDateTime now = SchoolTime.now(this.clock);
		if (at.isPresent() && now.isBefore(at.get())) {
			// the settings moved the day since this was scheduled
			return JobResult.later(SchoolTime.instant(at.get()));
		}
		if (at.isPresent() && YearMonth.from(now).equals(month)) {
			List<OwedTalks.Standing> owed = this.compliance.month(tenant, month).stream()
				.filter(OwedTalks.Standing::stillOwed).toList();
			if (!owed.isEmpty()) {
				Map<String, String> classNames = this.records
					.classes(tenant, owed.stream().map(st -> st.pupil().classId()).collect(Collectors.toSet()))
					.values().stream().collect(Collectors.toMap(SchoolClass::id, SchoolClass::name));
				Map<String, Person> teachers = this.records.people(tenant,
						owed.stream().flatMap(st -> st.owedBy().stream()).collect(Collectors.toSet()));
				this.notices.missing(tenant, month, at.get().toLocalDate(), owed, classNames, teachers);
			}
		}
		schedule(tenant);
		return JobResult.done();
	}

	private JobResult parents(String tenant, DueJob job) {
		this.cards.card(tenant, job.subject()).filter(c -> !c.secret()).ifPresent(card -> {
			String child = this.records.child(tenant, card.childId()).map(c -> PersonNames.givenName(c.name()))
				.orElse("");
			String teacher = this.records.person(tenant, card.teacherId()).map(Person::name).orElse("");
			this.notices.parents(tenant, card, child, teacher);
		});
		return JobResult.done();
	}

	private JobResult followUp(String tenant, DueJob job) {
		String[] parts = job.subject().split(":");
		this.plans.plan(tenant, parts[0]).filter(IndividualPlan::open).ifPresent(plan -> {
			String child = this.records.child(tenant, plan.childId()).map(c -> PersonNames.givenName(c.name()))
				.orElse("");
			this.notices.followUp(tenant, plan, LocalDate.parse(parts[1]), child);
		});
		return JobResult.done();
	}

}
