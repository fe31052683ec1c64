package org.qinqing.inbox;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinqing.console.AuditLog;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.questions.FaqEdits;
import org.qinqing.questions.FaqMatcher;
import org.qinqing.questions.FaqTopic;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.ConsoleBrowser.Page;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 加入常见问题: an admin takes a teacher's answer on a thread's page into the school's FAQ, into an existing topic or
 * as a new one; then the same question is answered from the FAQ. Each test has a school (tenant) of its own.
 */
class InboxFaqTests extends PortalTestSupport {

	private static final String PASSWORD = "inbox-faq-pw";

	@Autowired
	Inbox inbox;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	FaqMatcher matcher;

	@Autowired
	FaqEdits edits;

	@Autowired
	AuditLog audit;

	private String school;

	private String adminName;

	@BeforeEach
	void school() {
		String id = UUID.randomUUID().toString().substring(0, 8);
		this.school = TENANT + "-ifaq-" + id;
		this.adminName = "ifaq-admin-" + id;
		this.accounts.save(new StaffUser(this.adminName, this.school, StaffRole.ADMIN, "", "德育处"), PASSWORD);
	}

	private ConsoleBrowser signedIn(String username) {
		ConsoleBrowser browser = new ConsoleBrowser(this.port);
		assertThat(browser.signIn(username, PASSWORD).location()).endsWith("/console");
		return browser;
	}

	/** A message for the school, answered by the school (entry 1). */
	private String answeredThread(String question, String answer) {
		String number = this.inbox.file(this.school, new Inbox.Filing(InboxThread.Kind.MESSAGE, "", "", "p-ifaq",
				"parent", "", "", "", false, question));
		InboxThread thread = this.inbox.thread(this.school, number).orElseThrow();
		assertThat(this.inbox.answer(this.school, thread, "", "admin", answer)).isPositive();
		return number;
	}

	@Test
	void anAnswerBecomesANewTopicAndTheQuestionIsAnswered() {
		String question = "校服多少钱一套";
		String answer = "校服每套 80 元，开学第一周由班主任统一订，家里困难的可以申请减免。";
		assertThat(this.matcher.reply(this.school, question)).isEmpty();
		String number = answeredThread(question, answer);
		ConsoleBrowser admin = signedIn(this.adminName);
		Page page = admin.get("/console/inbox/" + number);
		assertThat(page.body()).contains("加入常见问题", "name=\"entry\" value=\"1\"");

		// two more ways of asking are needed: with one, the message, and what was typed stays
		Page refused = admin.post("/console/inbox/" + number + "/faq", Map.of("entry", "1", "mode", "new", "id",
				"school-uniform", "title", "校服", "asks", "校服在哪里买"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("请至少写 3 种问法", "value=\"school-uniform\"", "value=\"校服\"", "校服在哪里买");
		assertThat(this.matcher.reply(this.school, question)).isEmpty();

		Page done = admin.post("/console/inbox/" + number + "/faq", Map.of("entry", "1", "mode", "new", "id",
				"school-uniform", "title", "校服", "asks", "校服在哪里买\n孩子要穿校服吗"));
		assertThat(done.status()).isEqualTo(302);
		assertThat(admin.get(done.location()).body()).contains("已加入常见问题：校服");
		FaqTopic topic = this.matcher.reply(this.school, question).orElseThrow();
		assertThat(topic.id()).isEqualTo("school-uniform");
		assertThat(topic.answer()).isEqualTo(answer);
		assertThat(topic.asks()).containsExactly(question, "校服在哪里买", "孩子要穿校服吗");
		assertThat(this.matcher.match(this.school, "校服多少钱").answered()).isTrue();
		assertThat(this.matcher.reply(TENANT + "-ifaq-other", question)).isEmpty();
		assertThat(this.edits.history(this.school, "school-uniform")).extracting(FaqEdits.Version::action)
			.containsExactly(FaqEdits.Action.PROMOTE);
		assertThat(this.audit.latest(this.school, 1).get(0).action()).isEqualTo("faq-edit");
		assertThat(admin.get("/console/admin/faq/school-uniform").body()).contains("学校自己添加的问题", answer);

		// the same id twice is refused
		Page twice = admin.post("/console/inbox/" + number + "/faq", Map.of("entry", "1", "mode", "new", "id",
				"school-uniform", "title", "校服价格", "asks", "a\nb"));
		assertThat(twice.body()).contains("这个编号已经有了");
	}

	@Test
	void anAnswerJoinsAnExistingTopicAsANewWayOfAskingAndMayReplaceItsAnswer() {
		String question = "想让娃跟打工的爸爸见个面说说话咋弄";
		String answer = "在学校可以约亲情视频：告诉班主任想哪天几点，老师会在机器人里给您排上。";
		String number = answeredThread(question, answer);
		ConsoleBrowser admin = signedIn(this.adminName);
		admin.get("/console/inbox/" + number);
		Page done = admin.post("/console/inbox/" + number + "/faq",
				Map.of("entry", "1", "mode", "existing", "topic", "call-booking", "replace", "1"));
		assertThat(done.status()).isEqualTo(302);
		assertThat(this.matcher.match(this.school, question).answered()).isTrue();
		FaqTopic topic = this.matcher.reply(this.school, question).orElseThrow();
		assertThat(topic.id()).isEqualTo("call-booking");
		assertThat(topic.answer()).isEqualTo(answer);
		assertThat(topic.asks()).contains(question);
		assertThat(this.matcher.topic(TENANT + "-ifaq-other", "call-booking").orElseThrow().asks())
			.doesNotContain(question);

		// an entry that is not an answer is refused
		assertThat(admin.post("/console/inbox/" + number + "/faq",
				Map.of("entry", "0", "mode", "existing", "topic", "call-booking")).status()).isEqualTo(400);
	}

	@Test
	void aTeacherCannotPromote() {
		String number = answeredThread("学校有没有校服", "有的，开学时统一订。");
		String teacher = "ifaq-teacher-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.save(new StaffUser(teacher, this.school, StaffRole.TEACHER, "", "周老师"), PASSWORD);
		ConsoleBrowser browser = signedIn(teacher);
		browser.get("/console/inbox");
		Page refused = browser.post("/console/inbox/" + number + "/faq",
				Map.of("entry", "1", "mode", "existing", "topic", "call-booking"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(this.edits.current(this.school)).isEmpty();
	}

}
