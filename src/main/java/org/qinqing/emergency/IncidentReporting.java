package org.qinqing.emergency;

import org.springframework.stereotype.Service;

/**
 * A report, from chat or the console: stored first (with its deadlines), then the family told at once. Should this
 * instance die in between, the report's safety-net job tells them.
 */
@Service
class IncidentReporting {

	/** What came of a report: its number, the incident as stored, and who was told or is to be phoned. */
	record Reported(Incident incident, IncidentNotices.Told told) {
	}

	private final Incidents incidents;

	private final IncidentNotices notices;

	IncidentReporting(Incidents incidents, IncidentNotices notices) {
		this.incidents = incidents;
		this.notices = notices;
	}

	/** {@code tellReporter}: push the numbers to phone to the reporter too (in chat, the reply holds them). */
	Reported report(String tenant, Incidents.Report report, boolean tellReporter) {
		String number = this.incidents.report(tenant, report);
		Incident incident = this.incidents.incident(tenant, number).orElseThrow();
		return new Reported(incident, this.notices.family(tenant, incident, tellReporter));
	}

}
