package org.qinqing.questions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinqing.console.AuditLog;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.ConsoleBrowser.Page;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A school's FAQ edits through the console, real HTTP and real Redis: each test has a school (tenant) of its own and
 * an admin account of it, so its edits reach no other test's FAQ; another school keeps the files' answers.
 */
class FaqEditsTests extends PortalTestSupport {

	private static final String PASSWORD = "faq-edits-pw";

	private static final String QUESTION = "娃玩游戏停不下来";

	@Autowired
	FaqMatcher matcher;

	@Autowired
	FaqEdits edits;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	AuditLog audit;

	private String school;

	private String adminName;

	@BeforeEach
	void school() {
		String id = UUID.randomUUID().toString().substring(0, 8);
		this.school = TENANT + "-faq-" + id;
		this.adminName = "faq-admin-" + id;
		this.accounts.save(new StaffUser(this.adminName, this.school, StaffRole.ADMIN, "", "教务处"), PASSWORD);
	}

	private ConsoleBrowser signedIn(String username) {
		ConsoleBrowser browser = new ConsoleBrowser(this.port);
		assertThat(browser.signIn(username, PASSWORD).location()).endsWith("/console");
		return browser;
	}

	private Page save(ConsoleBrowser admin, String id, String title, String asks, String answer) {
		admin.get("/console/admin/faq/" + id);
		return admin.post("/console/admin/faq/" + id, Map.of("title", title, "asks", asks, "answer", answer));
	}

	@Test
	void anEditedAnswerIsThisSchoolsOnlyWithItsHistoryAndRevertRestoresIt() {
		FaqTopic file = this.matcher.reply(this.school, QUESTION).orElseThrow();
		assertThat(file.id()).isEqualTo("phone-addiction");
		String fileFingerprint = this.matcher.content(this.school).fingerprint();
		ConsoleBrowser admin = signedIn(this.adminName);
		Page page = admin.get("/console/admin/faq/phone-addiction");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(HtmlUtils.htmlEscape(file.answer()), "还没有改过");

		String answer = "本校每周三下午有家长课堂，专门讲孩子玩手机，欢迎来听。";
		Page saved = save(admin, "phone-addiction", file.title(), String.join("\n", file.asks()), answer);
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).endsWith("/console/admin/faq/phone-addiction");

		assertThat(this.matcher.reply(this.school, QUESTION).orElseThrow().answer()).isEqualTo(answer);
		assertThat(this.matcher.content(this.school).fingerprint()).isNotEqualTo(fileFingerprint);
		// another school keeps the file's answer
		assertThat(this.matcher.reply(TENANT + "-faq-other", QUESTION).orElseThrow().answer()).isEqualTo(file.answer());
		assertThat(this.matcher.content(TENANT + "-faq-other").fingerprint()).isEqualTo(fileFingerprint);

		Page after = admin.get(saved.location());
		assertThat(after.body()).contains("已保存，这是第 1 版", "第 1 版", "教务处", answer);
		String second = "玩手机的事，请先和孩子约好每天玩多久，做不到再找班主任商量。";
		save(admin, "phone-addiction", file.title(), String.join("\n", file.asks()), second);
		assertThat(this.matcher.reply(this.school, QUESTION).orElseThrow().answer()).isEqualTo(second);
		List<FaqEdits.Version> history = this.edits.history(this.school, "phone-addiction");
		assertThat(history).extracting(FaqEdits.Version::version).containsExactly(1, 2);
		assertThat(history).extracting(FaqEdits.Version::answer).containsExactly(answer, second);
		assertThat(history).extracting(FaqEdits.Version::by).containsOnly(this.adminName);
		Page twoVersions = admin.get("/console/admin/faq/phone-addiction");
		assertThat(twoVersions.body()).contains("第 2 版", "第 1 版", answer, second, "回到第 1 版", "恢复文件里的默认");
		assertThat(admin.get("/console/admin/faq").body()).contains("本校改过", second);

		// back to version 1, then to the file's text
		Page back = admin.post("/console/admin/faq/phone-addiction/revert", Map.of("version", "1"));
		assertThat(back.status()).isEqualTo(302);
		assertThat(this.matcher.reply(this.school, QUESTION).orElseThrow().answer()).isEqualTo(answer);
		assertThat(admin.get(back.location()).body()).contains("已回到第 1 版的内容");
		admin.post("/console/admin/faq/phone-addiction/revert", Map.of("version", "0"));
		assertThat(this.matcher.reply(this.school, QUESTION).orElseThrow().answer()).isEqualTo(file.answer());
		assertThat(this.matcher.content(this.school).fingerprint()).isEqualTo(fileFingerprint);
		assertThat(this.edits.history(this.school, "phone-addiction")).extracting(FaqEdits.Version::action)
			.containsExactly(FaqEdits.Action.EDIT, FaqEdits.Action.EDIT, FaqEdits.Action.REVERT,
					FaqEdits.Action.DEFAULT);

		assertThat(this.audit.latest(this.school, 10)).extracting(AuditLog.Entry::action)
			.containsExactly("faq-revert", "faq-revert", "faq-edit", "faq-edit");
	}

	@Test
	void aBadEditShowsTheMessageAndKeepsWhatWasTyped() {
		ConsoleBrowser admin = signedIn(this.adminName);
		FaqTopic file = this.matcher.topic(this.school, "school-hours").orElseThrow();
		String typedAsks = "几点放学\n几点上学";
		String tooLong = "放学时间".repeat(80);
		Page refused = save(admin, "school-hours", file.title(), typedAsks, tooLong);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("回答太长了，最多 300 个字", "请至少写 3 种问法", tooLong, "几点放学\n几点上学");
		Page empty = save(admin, "school-hours", "", String.join("\n", file.asks()), "  ");
		assertThat(empty.body()).contains("请填写标题", "请填写回答", HtmlUtils.htmlEscape(file.asks().get(0)));
		assertThat(this.edits.history(this.school, "school-hours")).isEmpty();
		assertThat(this.matcher.topic(this.school, "school-hours").orElseThrow().answer()).isEqualTo(file.answer());
	}

	@Test
	void aHiddenTopicIsNotAnsweredUntilRestored() {
		ConsoleBrowser admin = signedIn(this.adminName);
		admin.get("/console/admin/faq/phone-addiction");
		assertThat(admin.post("/console/admin/faq/phone-addiction/hide", Map.of()).status()).isEqualTo(302);
		assertThat(this.matcher.content(this.school).topic("phone-addiction")).isEmpty();
		assertThat(this.matcher.reply(this.school, QUESTION).map(FaqTopic::id)).isNotEqualTo(Optional.of("phone-addiction"));
		assertThat(admin.get("/console/admin/faq").body()).contains("已隐藏的问题（1 条）");
		assertThat(admin.get("/console/admin/faq/phone-addiction").body()).contains("这一条已隐藏");
		admin.post("/console/admin/faq/phone-addiction/revert", Map.of("version", "0"));
		assertThat(this.matcher.reply(this.school, QUESTION).orElseThrow().id()).isEqualTo("phone-addiction");
	}

	@Test
	void aTeacherIsRefused() {
		String teacher = "faq-teacher-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.save(new StaffUser(teacher, this.school, StaffRole.TEACHER, "", "周老师"), PASSWORD);
		ConsoleBrowser browser = signedIn(teacher);
		assertThat(browser.get("/console/admin/faq/phone-addiction").status()).isEqualTo(403);
		browser.get("/console");
		assertThat(browser.post("/console/admin/faq/phone-addiction",
				Map.of("title", "x", "asks", "a\nb\nc", "answer", "改掉")).status()).isEqualTo(403);
		assertThat(browser.post("/console/admin/faq/phone-addiction/revert", Map.of("version", "0")).status())
			.isEqualTo(403);
		assertThat(this.edits.history(this.school, "phone-addiction")).isEmpty();
	}

	@Test
	void readingAnUnchangedFaqCostsOneGet() {
		ConsoleBrowser admin = signedIn(this.adminName);
		FaqTopic file = this.matcher.topic(this.school, "school-hours").orElseThrow();
		save(admin, "school-hours", file.title(), String.join("\n", file.asks()), "本校夏天 7:50 上学，下午 4:30 放学。");
		FaqContent first = this.edits.content(this.school);
		// the same content object while the school's version is unchanged: no hash read, no rebuild
		for (int i = 0; i < 20; i++) {
			assertThat(this.edits.content(this.school)).isSameAs(first);
		}
		assertThat(this.edits.content(TENANT + "-faq-untouched")).isSameAs(this.edits.shipped());
	}

}
