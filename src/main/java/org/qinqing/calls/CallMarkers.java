package org.qinqing.calls;

import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffUser;
import org.qinqing.people.Person;
import org.qinqing.people.SchoolRecords;
import org.springframework.stereotype.Component;

/**
 * The name to show for whoever marked a call, never an internal id: the name kept with the mark, else (marks
 * from before names were kept) the teacher's name by person id or the staff account's name by username.
 */
@Component
public class CallMarkers {

	private final SchoolRecords records;

	private final StaffAccounts staff;

	CallMarkers(SchoolRecords records, StaffAccounts staff) {
		this.records = records;
		this.staff = staff;
	}

	/** The marker's name, or empty when nobody by that id is known (the page then names nobody). */
	public String nameOf(String tenant, CallOutcomes.Marker marker) {
		if (!marker.name().isBlank()) {
			return marker.name();
		}
		if (marker.id().isBlank()) {
			return "";
		}
		return this.records.person(tenant, marker.id())
			.map(Person::name)
			.or(() -> this.staff.find(marker.id())
				.filter(user -> user.tenant().equals(tenant))
				.map(StaffUser::displayName))
			.orElse("");
	}

}
