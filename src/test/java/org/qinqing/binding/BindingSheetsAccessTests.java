package org.qinqing.binding;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.people.BindingCodes;
import org.qinqing.people.Directory;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A code is never regenerated for someone already bound, even by an admin with a forged request. */
class BindingSheetsAccessTests extends PortalTestSupport {

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private SchoolRecords records;

	@Autowired
	private Directory directory;

	@Autowired
	private BindingCodes codes;

	@Test
	void aBoundParentGetsNoNewCode() {
		String admin = "sheets-admin-" + TENANT;
		this.accounts.save(new StaffUser(admin, TENANT, StaffRole.ADMIN, "", "德育处"), "sheets-admin-pw");
		Person parent = this.records.ids(TENANT, "person")
			.stream()
			.map(id -> this.records.person(TENANT, id).orElseThrow())
			.filter(p -> p.role() == Role.PARENT && this.directory.openidsOf(TENANT, p.id()).isEmpty())
			.findFirst()
			.orElseThrow();
		this.directory.bind(TENANT, "o-sheet-" + System.nanoTime(), parent.id());
		String classId = this.records.child(TENANT, parent.childIds().get(0)).orElseThrow().classId();

		ConsoleBrowser browser = new ConsoleBrowser(this.port);
		browser.signIn(admin, "sheets-admin-pw");
		ConsoleBrowser.Page sheet = browser.get("/console/binding/class/" + classId);
		assertThat(sheet.status()).isEqualTo(200);
		var codeBefore = this.codes.currentCode(TENANT, parent.id());
		ConsoleBrowser.Page forged = browser
			.post("/console/binding/class/" + classId + "/person/" + parent.id() + "/regenerate", Map.of());
		assertThat(forged.status()).isEqualTo(403);
		// whatever code the parent had from before binding is left as it was: no new one
		assertThat(this.codes.currentCode(TENANT, parent.id())).isEqualTo(codeBefore);
	}

}
