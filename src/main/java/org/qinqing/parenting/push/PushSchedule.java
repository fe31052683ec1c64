package org.qinqing.parenting.push;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.qinqing.jobs.DueJobs;
import org.qinqing.notify.MessengerChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each tenant's next weekly push scheduled as a due job ({@value #KIND}, subject: the week's push day), so
 * it exists after every start and after every run; due jobs run it once across instances and restarts.
 */
@Component
class PushSchedule {

	static final String KIND = "parenting.push";

	private static final Logger log = LoggerFactory.getLogger(PushSchedule.class);

	private final DueJobs jobs;

	private final PushStore store;

	private final PushCalendar calendar;

	private final PushProperties properties;

	private final List<MessengerChannel> channels;

	private final ObjectProvider<WeeklyLessons> lessons;

	PushSchedule(DueJobs jobs, PushStore store, PushCalendar calendar, PushProperties properties,
			List<MessengerChannel> channels, ObjectProvider<WeeklyLessons> lessons) {
		this.jobs = jobs;
		this.store = store;
		this.calendar = calendar;
		this.properties = properties;
		this.channels = channels;
		this.lessons = lessons;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		if (!this.properties.enabled() || this.lessons.getIfAvailable() == null) {
			log.info("The weekly lesson push is off ({})",
					this.properties.enabled() ? "no lessons to send" : "qinqing.parenting.push.enabled=false");
			return;
		}
		Set<String> tenants = new LinkedHashSet<>();
		this.channels.forEach(channel -> tenants.addAll(channel.tenants()));
		for (String tenant : tenants) {
			try {
				ensure(tenant);
			}
			catch (RuntimeException ex) {
				// Redis away at start: the next start, or this week's run, schedules it
				log.warn("Tenant {}: the weekly lesson push could not be scheduled yet: {}", tenant, ex.toString());
			}
		}
	}

	/** Schedules the tenant's upcoming push unless it is scheduled or under way; the week it is for. */
	LocalDate ensure(String tenant) {
		LocalDate week = this.calendar.upcomingWeek();
		if (this.store.week(tenant, week).filter(WeekPush::started).isPresent()) {
			week = week.plusWeeks(1);
		}
		ensureWeek(tenant, week);
		return week;
	}

	/** Schedules a week's push at its time unless it is scheduled, under way or done. */
	void ensureWeek(String tenant, LocalDate week) {
		if (this.jobs.pending(tenant, KIND, week.toString()).isPresent()
				|| this.store.week(tenant, week).filter(WeekPush::started).isPresent()) {
			return;
		}
		this.jobs.schedule(tenant, KIND, week.toString(), this.calendar.start(week), java.util.Map.of());
	}

	/** When a week's push runs next (its next batch, or its start), if it is scheduled. */
	Optional<java.time.Instant> next(String tenant, LocalDate week) {
		return this.jobs.dueAt(tenant, KIND, week.toString());
	}

}
