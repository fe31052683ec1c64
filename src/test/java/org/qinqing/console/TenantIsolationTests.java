package org.qinqing.console;

import org.qinqing.system.SchoolTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.qinqing.calls.Booking;
import org.qinqing.calls.CallOutcomes;
import org.qinqing.calls.CallsTestData;
import org.qinqing.calls.CallSettingsStore;
import org.qinqing.people.Child;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.ConsoleBrowser.Page;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two schools on one deployment: an admin of another tenant who knows (or guesses) a child's id or a
 * call's number of this tenant sees nothing of it and changes nothing.
 */
class TenantIsolationTests extends PortalTestSupport {

	private static final String PASSWORD = "other-school-pass-1";

	@Autowired
	StaffAccounts accounts;

	@Autowired
	SchoolRecords records;

	@Autowired
	CallSettingsStore settings;

	@Autowired
	CallOutcomes outcomes;

	@Test
	void anAdminOfAnotherSchoolCannotOpenThisSchoolsChildrenOrCalls() {
		String otherTenant = "other-" + UUID.randomUUID().toString().substring(0, 8);
		String username = "admin-" + otherTenant;
		this.accounts.save(new StaffUser(username, otherTenant, StaffRole.ADMIN, "", "别校校长"), PASSWORD);
		CallsTestData data = new CallsTestData(this.redis, this.settings, this.records);
		Child child = null;
		Booking call = null;
		// a past weekday call of a left-behind child (other tests book the same school: take a free seat)
		LocalDate today = LocalDate.now(SchoolTime.ZONE);
		for (Child candidate : data.children(TENANT)) {
			for (int days = 1; call == null && candidate.leftBehind().isLeftBehind() && days < 30; days++) {
				try {
					call = data.book(TENANT, candidate, CallsTestData.weekdayBefore(today, days).atTime(16, 45));
					child = candidate;
				}
				catch (IllegalStateException full) {
					// that seat, week or family is taken: try an earlier day
				}
			}
			if (call != null) {
				break;
			}
		}
		assertThat(call).as("a past call of this school").isNotNull();

		ConsoleBrowser other = new ConsoleBrowser(this.port);
		assertThat(other.signIn(username, PASSWORD).location()).endsWith("/console");

		Page card = other.get("/console/archives/" + child.id());
		assertThat(card.status()).isEqualTo(404);
		assertThat(card.body()).doesNotContain(child.name());
		Page list = other.get("/console/archives");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).doesNotContain(child.name());
		Page day = other.get("/console/calls?date=" + call.start().toLocalDate());
		assertThat(day.body()).doesNotContain(child.name()).doesNotContain("call-" + call.number());

		Page mark = other.post("/console/calls/" + call.number() + "/mark", Map.of("outcome", "HELD"));
		assertThat(mark.status()).isEqualTo(404);
		assertThat(this.outcomes.mark(TENANT, call.number())).isEmpty();

		// this school's own admin does see them
		ConsoleBrowser own = new ConsoleBrowser(this.port);
		own.signIn("admin", "qinqing-demo");
		assertThat(List.of(own.get("/console/archives/" + child.id()).status(),
				own.get("/console/calls?date=" + call.start().toLocalDate()).status())).containsOnly(200);
		assertThat(own.get("/console/calls?date=" + call.start().toLocalDate()).body()).contains("call-" + call.number());
	}

}
