package org.qinqing.people;

import java.util.LinkedHashSet;
import java.util.Set;

import org.qinqing.console.CurrentStaff;
import org.qinqing.console.StaffUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Which school the console shows, for the layout's header on every page ({@code @consoleSchools.shown()}
 * in the template, so it costs nothing on requests that render no page): the school's name, or how many
 * schools a county's user sees.
 */
@Component("consoleSchools")
public class ConsoleSchools {

	/** {@code count} schools; {@code name} is the school's when there is one. */
	public record Shown(String name, int count) {
	}

	private final SchoolRecords records;

	private final ChildAccess access;

	ConsoleSchools(SchoolRecords records, ChildAccess access) {
		this.records = records;
		this.access = access;
	}

	public Shown shown() {
		StaffUser user;
		try {
			user = CurrentStaff.require();
		}
		catch (AccessDeniedException ex) {
			return new Shown("", 0);
		}
		SchoolNames names = this.records.schoolNames(user.tenant());
		if (user.isAdmin() || names.count() <= 1) {
			return new Shown(names.only(), names.count());
		}
		// a teacher of a county sees the schools of their own classes
		Set<String> schools = new LinkedHashSet<>();
		this.access.visibleClasses(user).forEach(c -> schools.add(names.of(c)));
		schools.remove("");
		return new Shown(schools.size() == 1 ? schools.iterator().next() : "", schools.size());
	}

}
