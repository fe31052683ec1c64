package org.qinqing.people;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.ConsoleBrowser.Page;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in lock-out, and an admin opening a teacher account that then sees only its own classes. */
class AccountsPagesTests extends PortalTestSupport {

	private static final Pattern CLASS_OPTION = Pattern.compile("<option value=\"(c[^\"]*)\"");

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private SchoolRecords records;

	private static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void fiveWrongPasswordsLockTheAccountSoTheRightOneFailsToo() {
		String username = unique("lock-");
		this.accounts.save(new StaffUser(username, TENANT, StaffRole.TEACHER, "", "锁定测试"), "right-password-1");
		ConsoleBrowser browser = new ConsoleBrowser(this.port);
		for (int i = 1; i <= 5; i++) {
			Page wrong = browser.signIn(username, "wrong-password-" + i);
			assertThat(wrong.status()).isEqualTo(302);
			assertThat(wrong.location()).as("attempt %d", i).endsWith("/console/login?error");
		}
		Page sixth = browser.signIn(username, "right-password-1");
		assertThat(sixth.location()).endsWith("/console/login?error");
		assertThat(browser.get("/console").location()).endsWith("/console/login");

		// other accounts are not affected
		assertThat(new ConsoleBrowser(this.port).signIn("admin", "qinqing-demo").location()).endsWith("/console");
	}

	@Test
	void fewerThanFiveWrongPasswordsDoNotLock() {
		String username = unique("nolock-");
		this.accounts.save(new StaffUser(username, TENANT, StaffRole.TEACHER, "", "未锁定"), "right-password-2");
		ConsoleBrowser browser = new ConsoleBrowser(this.port);
		for (int i = 1; i <= 4; i++) {
			browser.signIn(username, "wrong-" + i);
		}
		assertThat(browser.signIn(username, "right-password-2").location()).endsWith("/console");
	}

	@Test
	void anAdminOpensATeacherAccountAndThatTeacherSeesOnlyTheirClasses() {
		Set<String> linked = new HashSet<>();
		this.accounts.all(TENANT).forEach(a -> linked.add(a.personId()));
		Person teacher = null;
		for (String id : this.records.ids(TENANT, "person")) {
			Person p = this.records.person(TENANT, id).orElseThrow();
			if (p.role() == Role.TEACHER && !p.classIds().isEmpty() && !linked.contains(p.id())) {
				teacher = p;
				break;
			}
		}
		assertThat(teacher).as("a teacher who heads a class and has no account").isNotNull();
		String username = unique("t-");
		String password = "long-enough-" + UUID.randomUUID().toString().substring(0, 6);

		ConsoleBrowser admin = new ConsoleBrowser(this.port);
		assertThat(admin.signIn("admin", "qinqing-demo").location()).endsWith("/console");
		Page form = admin.get("/console/admin/accounts");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("teacher1", "teacher2", "admin", teacher.name());

		Page tooShort = admin.post("/console/admin/accounts",
				Map.of("username", username, "personId", teacher.id(), "password", "short-pw1"));
		assertThat(tooShort.status()).isEqualTo(200);
		assertThat(tooShort.body()).contains("密码至少 10 位").doesNotContain("short-pw1");
		assertThat(this.accounts.exists(username)).isFalse();

		Page taken = admin.post("/console/admin/accounts",
				Map.of("username", "teacher1", "personId", teacher.id(), "password", password));
		assertThat(taken.body()).contains("这个用户名已被使用").doesNotContain(password);

		Page noTeacher = admin.post("/console/admin/accounts",
				Map.of("username", username, "personId", "a1", "password", password));
		assertThat(noTeacher.body()).contains("请选择一位还没有账号的老师");
		assertThat(this.accounts.exists(username)).isFalse();

		Page created = admin.post("/console/admin/accounts",
				Map.of("username", username, "personId", teacher.id(), "password", password));
		assertThat(created.status()).isEqualTo(302);
		assertThat(created.location()).endsWith("/console/admin/accounts");
		Page list = admin.get("/console/admin/accounts");
		assertThat(list.body()).contains(username).doesNotContain(password);

		ConsoleBrowser newTeacher = new ConsoleBrowser(this.port);
		assertThat(newTeacher.signIn(username, password).location()).endsWith("/console");
		Page archives = newTeacher.get("/console/archives?type=ALL");
		assertThat(archives.status()).isEqualTo(200);
		// every pupil, on as many pages as other tests' pupils make
		Set<String> listed = ArchivesPagesTests.listedIdsOfAllPages(newTeacher, "/console/archives?type=ALL");
		List<String> expected = new ArrayList<>();
		Set<String> expectedClasses = new HashSet<>(teacher.classIds());
		for (String id : this.records.ids(TENANT, "child")) {
			Child c = this.records.child(TENANT, id).orElseThrow();
			if (teacher.classIds().contains(c.classId()) || c.pairedTeacherId().equals(teacher.id())) {
				expected.add(c.id());
				expectedClasses.add(c.classId());
			}
		}
		assertThat(listed).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
		Set<String> classOptions = new HashSet<>();
		Matcher options = CLASS_OPTION.matcher(archives.body());
		while (options.find()) {
			classOptions.add(options.group(1));
		}
		assertThat(classOptions).isEqualTo(expectedClasses);
		assertThat(newTeacher.get("/console/admin/accounts").status()).isEqualTo(403);

		// the teacher no longer appears among those who can be given an account
		assertThat(admin.get("/console/admin/accounts").body()).doesNotContain("value=\"" + teacher.id() + "\"");
	}

}
