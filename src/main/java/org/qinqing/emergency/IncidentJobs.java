package org.qinqing.emergency;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.qinqing.jobs.DueJob;
import org.qinqing.jobs.JobHandler;
import org.qinqing.jobs.JobResult;
import org.qinqing.notify.DeliveryLog;
import org.qinqing.notify.Outbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The due jobs a report schedules ({@code emergency/report.lua}), run once across instances and restarts: the
 * safety net that tells the family should the reporting instance have died first; the look at the notices'
 * delivery (a 43004 or any failure puts the person on the reporter's list to phone); each step's alarm and
 * deadline. A step done, or the incident closed, cancels its jobs; one that runs anyway finds it so and does
 * nothing. Every notice is keyed, every timeline entry guarded, so running twice does what running once did.
 */
@Configuration(proxyBeanMethods = false)
class IncidentJobs {

	private final Incidents incidents;

	private final IncidentNotices notices;

	private final FamilyPhones phones;

	private final Outbox outbox;

	private final EmergencyProperties properties;

	private final Clock clock;

	IncidentJobs(Incidents incidents, IncidentNotices notices, FamilyPhones phones, Outbox outbox,
			EmergencyProperties properties, Clock clock) {
		this.incidents = incidents;
		this.notices = notices;
		this.phones = phones;
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
	}

	@Bean
	JobHandler emergencyNotifyJob() {
		return JobHandler.of(Incidents.NOTIFY, (tenant, job) -> {
			open(tenant, job.subject()).ifPresent(incident -> this.notices.family(tenant, incident, true));
			return JobResult.done();
		});
	}

	@Bean
	JobHandler emergencyDeliveriesJob() {
		return JobHandler.of(Incidents.DELIVERIES, this::deliveries);
	}

	@Bean
	JobHandler emergencyAlertJob() {
		return JobHandler.of(Incidents.ALERT, this::alert);
	}

	@Bean
	JobHandler emergencyLateJob() {
		return JobHandler.of(Incidents.LATE, (tenant, job) -> {
			ChainStep step = ChainStep.valueOf(job.get("step"));
			String number = number(job);
			this.incidents.addUnless(tenant, number,
					new IncidentEvent(IncidentEvent.Type.LATE, this.clock.instant(), "", step, "", "", ""),
					step.lateField(), "1", step.doneField(), step.lateField());
			return JobResult.done();
		});
	}

	/** Notices WeChat refused (43004: unfollowed) go to the reporter to phone; looked at until all are settled. */
	private JobResult deliveries(String tenant, DueJob job) {
		Optional<Incident> found = open(tenant, job.subject());
		if (found.isEmpty()) {
			return JobResult.done();
		}
		Incident incident = found.get();
		boolean unsettled = false;
		for (ChainStep step : List.of(ChainStep.GUARDIANS, ChainStep.PARENTS)) {
			List<String> failed = new ArrayList<>();
			for (IncidentEvent e : incident.events()) {
				if (e.type() != IncidentEvent.Type.NOTIFIED || e.step() != step || e.message().isEmpty()) {
					continue;
				}
				Optional<DeliveryLog> log = this.outbox.deliveryLog(tenant, e.message());
				DeliveryLog.State state = log.map(DeliveryLog::state).orElse(DeliveryLog.State.QUEUED);
				if (state == DeliveryLog.State.QUEUED || state == DeliveryLog.State.HELD) {
					unsettled = true;
				}
				else if ((state == DeliveryLog.State.FAILED || state == DeliveryLog.State.SKIPPED)
						&& !incident.hasEvent(IncidentEvent.Type.UNREACHABLE, e.person()) && !failed.contains(e.person())) {
					failed.add(e.person());
					this.incidents.add(tenant, incident.number(), new IncidentEvent(IncidentEvent.Type.UNREACHABLE,
							this.clock.instant(), "", step, e.person(), "FAILED " + log.get().errorCode(), e.message()));
				}
			}
			if (!failed.isEmpty()) {
				this.notices.toPhone(tenant, incident, this.phones.of(tenant, incident.childId(), step, failed),
						"failed");
			}
		}
		Instant now = this.clock.instant();
		if (unsettled && now.isBefore(incident.reported().plus(this.properties.guardiansAlert()))) {
			return JobResult.later(now.plus(this.properties.deliveryCheck()));
		}
		return JobResult.done();
	}

	private JobResult alert(String tenant, DueJob job) {
		ChainStep step = ChainStep.valueOf(job.get("step"));
		Optional<Incident> found = open(tenant, number(job)).filter(i -> i.done(step).isEmpty());
		if (found.isEmpty()) {
			return JobResult.done();
		}
		Incident incident = found.get();
		if (step == ChainStep.AUTHORITY) {
			this.notices.tellLeaders(tenant, incident, "authority-alarm", "alarm-AUTHORITY");
		}
		else {
			this.notices.toPhone(tenant, incident, this.phones.of(tenant, incident.childId(), step),
					"call-" + step.name());
			this.notices.alarm(tenant, incident, step);
		}
		this.incidents.addUnless(tenant, incident.number(),
				new IncidentEvent(IncidentEvent.Type.ALERTED, this.clock.instant(), "", step, "", "", ""),
				"alerted" + step.name(), "1", "alerted" + step.name());
		return JobResult.done();
	}

	private Optional<Incident> open(String tenant, String number) {
		return this.incidents.incident(tenant, number).filter(Incident::open);
	}

	private static String number(DueJob job) {
		String subject = job.subject();
		return subject.substring(0, subject.indexOf(':'));
	}

}
