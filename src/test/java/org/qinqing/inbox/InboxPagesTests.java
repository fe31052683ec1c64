package org.qinqing.inbox;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinqing.console.AuditLog;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.notify.DeliveryLog;
import org.qinqing.notify.Outbox;
import org.qinqing.people.Directory;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.ConsoleBrowser.Page;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.system.RedisKeys;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The school's inbox through real HTTP: families ask in chat through the portal, teachers and an admin sign in to
 * the console and answer, the asker's push goes through the outbox to WireMock's WeChat, and the asker opens the
 * signed page of the thread. Each test makes its own classes, teachers and families in the demo school and asserts
 * only on them.
 */
class InboxPagesTests extends PortalTestSupport {

	private static final String CUSTOM = "/cgi-bin/message/custom/send";

	private static final Pattern NUMBER = Pattern.compile("编号 ?([QF]\\d+)");

	@Autowired
	private SchoolRecords records;

	@Autowired
	private Directory directory;

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private Inbox inbox;

	@Autowired
	private ThreadLinks links;

	@Autowired
	private AuditLog audit;

	@Autowired
	private Outbox outbox;

	private InboxClass mine;

	private InboxClass other;

	private InboxClass.Family family;

	@BeforeEach
	void school() {
		WECHAT_API.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token"))
			.willReturn(okJson("{\"access_token\":\"T-INBOX\",\"expires_in\":7200}")));
		WECHAT_API.stubFor(post(urlPathEqualTo(CUSTOM)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
		this.mine = InboxClass.create(this.records, this.accounts, TENANT, 8, "周明远");
		this.other = InboxClass.create(this.records, this.accounts, TENANT, 9, "吴静怡");
		this.family = this.mine.family(this.records, this.directory, TENANT, "程一诺", "程建国", "父亲");
		resetSession(this.family.openid());
	}

	private ConsoleBrowser signedIn(String username, String password) {
		ConsoleBrowser browser = new ConsoleBrowser(this.port);
		assertThat(browser.signIn(username, password).location()).endsWith("/console");
		return browser;
	}

	private ConsoleBrowser teacher(InboxClass c) {
		return signedIn(c.username(), InboxClass.PASSWORD);
	}

	/** An admin account as the first admin is: no person in the directory. */
	private ConsoleBrowser admin() {
		String username = "inbox-admin-" + TENANT;
		if (!this.accounts.exists(username)) {
			this.accounts.save(new StaffUser(username, TENANT, StaffRole.ADMIN, "", "德育处"), "inbox-admin-pw");
		}
		return signedIn(username, "inbox-admin-pw");
	}

	/** 问问老师 → the question (one child: not asked which) → the thread's number from the reply. */
	private String ask(InboxClass.Family f, String question) {
		assertThat(say(f, "问问老师")).contains("想问老师的话");
		String filed = say(f, question);
		assertThat(filed).contains("周老师");
		return number(filed);
	}

	private String say(InboxClass.Family f, String text) {
		return wechat().text(f.openid(), text).reply();
	}

	private static String number(String reply) {
		Matcher m = NUMBER.matcher(reply);
		assertThat(m.find()).as("a thread number in: %s", reply).isTrue();
		return m.group(1);
	}

	/** The list's row of one thread, so that assertions look at nothing else. */
	private static String row(Page page, String number) {
		String body = page.body();
		int start = body.indexOf("id=\"thread-" + number + "\"");
		assertThat(start).as("row of %s", number).isNotNegative();
		return body.substring(start, body.indexOf("</tr>", start));
	}

	/**
	 * The answer's push to the asker: queued for their openid with the words, and sent to WeChat as a
	 * customer-service message (their 48-hour window is open: they just asked), or, in quiet hours (21:30–07:30 school
	 * time), held by the outbox for the morning.
	 */
	private void awaitAnswerPushed(String openid, String number, String... words) {
		// the answer is the thread's second entry (the question the first): its notice is keyed answer-2
		String key = "inbox:" + TENANT + ":" + number + ":answer-2:" + openid;
		String id = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.redis.opsForValue().get(RedisKeys.of(TENANT, "outbox:idem", key)), Objects::nonNull);
		String queued = (String) this.redis.opsForHash().get(RedisKeys.of(TENANT, "outbox:msg", id), "n");
		assertThat(String.valueOf(JsonMapper.builder().build().readValue(queued, Map.class).get("text"))).contains(words);
		DeliveryLog log = await().atMost(Duration.ofSeconds(15))
			.until(() -> this.outbox.deliveryLog(TENANT, id).orElse(null),
					l -> l != null && (l.state() == DeliveryLog.State.SENT || l.state() == DeliveryLog.State.HELD));
		if (log.state() == DeliveryLog.State.HELD) {
			assertThat(log.events()).anySatisfy(e -> assertThat(e.detail()).isEqualTo("quiet hours"));
			return;
		}
		var request = postRequestedFor(urlPathEqualTo(CUSTOM)).withRequestBody(containing("\"" + openid + "\""));
		for (String w : words) {
			request = request.withRequestBody(containing(w));
		}
		WECHAT_API.verify(1, request);
	}

	@Test
	void aTeacherAnswersTheirClasssQuestionInTheConsoleAndTheAskerIsPushedTheAnswer() {
		String number = ask(this.family, "孩子这周作业总是写到很晚，是不是太多了？");
		ConsoleBrowser teacher = teacher(this.mine);

		Page list = teacher.get("/console/inbox");
		assertThat(list.status()).isEqualTo(200);
		assertThat(row(list, number)).contains("一诺", "六年级(8)班", "家长", "孩子这周作业总是写到很晚", "等待回复", "已等")
			.doesNotContain(this.family.openid())
			.doesNotContain("程一诺");
		assertThat(list.body()).doesNotContain(this.family.openid());

		Page thread = teacher.get("/console/inbox/" + number);
		assertThat(thread.status()).isEqualTo(200);
		assertThat(thread.body()).contains("孩子这周作业总是写到很晚，是不是太多了？", "家长（父亲）", "name=\"_csrf\"",
				"称呼您为「周老师」")
			.doesNotContain(this.family.openid());
		// a form posted from elsewhere, without the page's token, is refused
		assertThat(teacher.postWithoutToken("/console/inbox/" + number + "/answer", Map.of("text", "伪造的回复")).status())
			.isEqualTo(403);
		// too short: said, and what was typed is kept
		teacher.get("/console/inbox/" + number);
		Page tooShort = teacher.post("/console/inbox/" + number + "/answer", Map.of("text", "好"));
		assertThat(tooShort.status()).isEqualTo(200);
		assertThat(tooShort.body()).contains("回复太短了");

		Page answered = teacher.post("/console/inbox/" + number + "/answer",
				Map.of("text", "这周在复习，作业会多一点，我让孩子九点前写完。"));
		assertThat(answered.status()).isEqualTo(302);
		assertThat(answered.location()).endsWith("/console/inbox/" + number);
		Page after = teacher.get("/console/inbox/" + number);
		assertThat(after.body()).contains("已回复 " + number, "这周在复习，作业会多一点", "周明远（老师）");
		assertThat(this.inbox.thread(TENANT, number).orElseThrow().state()).isEqualTo(InboxThread.State.ANSWERED);

		awaitAnswerPushed(this.family.openid(), number, "周老师回复了您的问题 " + number, "这周在复习，作业会多一点，我让孩子九点前写完。");
		assertThat(this.audit.latest(TENANT, 50)).anySatisfy(entry -> {
			assertThat(entry.username()).isEqualTo(this.mine.username());
			assertThat(entry.action()).isEqualTo(InboxController.ANSWER_ACTION);
			assertThat(entry.target()).isEqualTo(number);
		});
		// answered, it leaves the waiting ones and is listed with the answered
		Page listed = teacher.get("/console/inbox");
		assertThat(row(listed, number)).contains("已回复").doesNotContain("已等");

		// marked solved from the console: audited, and the forms are gone
		teacher.get("/console/inbox/" + number);
		assertThat(teacher.post("/console/inbox/" + number + "/solve", Map.of()).status()).isEqualTo(302);
		assertThat(this.inbox.thread(TENANT, number).orElseThrow().state()).isEqualTo(InboxThread.State.SOLVED);
		Page solved = teacher.get("/console/inbox/" + number);
		assertThat(solved.body()).contains("已把 " + number + " 标记为已解决", "这个问题已经解决了")
			.doesNotContain("/console/inbox/" + number + "/answer");
		assertThat(this.audit.latest(TENANT, 50)).anySatisfy(entry -> {
			assertThat(entry.action()).isEqualTo(InboxController.SOLVE_ACTION);
			assertThat(entry.target()).isEqualTo(number);
		});
	}

	@Test
	void anotherClasssTeacherDoesNotSeeTheQuestionAndOpeningItIsNotFound() {
		String number = ask(this.family, "孩子最近上课总是打瞌睡，老师您注意到了吗？");
		ConsoleBrowser stranger = teacher(this.other);

		assertThat(stranger.get("/console/inbox").body()).doesNotContain("thread-" + number + "\"")
			.doesNotContain("孩子最近上课总是打瞌睡");
		Page opened = stranger.get("/console/inbox/" + number);
		assertThat(opened.status()).isEqualTo(404);
		assertThat(opened.body()).doesNotContain("打瞌睡");
		// the same answer as for a number that does not exist: nothing tells that it does
		Page unknown = stranger.get("/console/inbox/Q999999999");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(opened.body().replace(number, "N")).isEqualTo(unknown.body().replace("Q999999999", "N"));
		stranger.get("/console");
		assertThat(stranger.post("/console/inbox/" + number + "/answer", Map.of("text", "不是我班的孩子")).status())
			.isEqualTo(404);
		assertThat(stranger.post("/console/inbox/" + number + "/solve", Map.of()).status()).isEqualTo(404);
		InboxThread thread = this.inbox.thread(TENANT, number).orElseThrow();
		assertThat(thread.state()).isEqualTo(InboxThread.State.OPEN);
		assertThat(thread.entries()).hasSize(1);

		// the class's own teacher sees it, and an urgent one is marked
		String urgent = ask(this.family, "孩子说在学校被欺负了，不想去上学。");
		Page list = teacher(this.mine).get("/console/inbox");
		assertThat(row(list, number)).doesNotContain("urgent");
		assertThat(row(list, urgent)).contains("urgent", "紧急");
		// waiting ones oldest first
		assertThat(list.body().indexOf("thread-" + number + "\"")).isLessThan(list.body().indexOf("thread-" + urgent + "\""));
		assertThat(stranger.get("/console/inbox").body()).doesNotContain("thread-" + urgent + "\"");
	}

	@Test
	void anAdminSeesMessagesForTheSchoolAndAnswersAsTheSchool() {
		assertThat(say(this.family, "给学校留言")).contains("请问是关于哪方面的");
		say(this.family, "2");
		assertThat(say(this.family, "冬天教室里太冷了，能不能给孩子们装个取暖器？")).contains("请确认您的留言");
		String message = number(say(this.family, "1"));
		String question = ask(this.family, "孩子的数学练习册丢了，可以再买一本吗？");

		// a teacher never sees messages for the school, even from a family of their class
		ConsoleBrowser teacher = teacher(this.mine);
		assertThat(teacher.get("/console/inbox").body()).doesNotContain("thread-" + message + "\"")
			.contains("thread-" + question + "\"");
		assertThat(teacher.get("/console/inbox/" + message).status()).isEqualTo(404);

		ConsoleBrowser admin = admin();
		Page list = admin.get("/console/inbox");
		assertThat(row(list, message)).contains("给学校的留言（生活和身体）", "家长", "冬天教室里太冷了", "等待回复");
		assertThat(row(list, question)).contains("一诺", "六年级(8)班");
		Page thread = admin.get("/console/inbox/" + message);
		assertThat(thread.status()).isEqualTo(200);
		// an admin account without a person answers as the school, and the asker is told so
		assertThat(thread.body()).contains("称呼您为「学校」");
		Page answered = admin.post("/console/inbox/" + message + "/answer", Map.of("text", "谢谢提醒，下周就装上。"));
		assertThat(answered.status()).isEqualTo(302);
		assertThat(admin.get("/console/inbox/" + message).body()).contains("已回复 " + message, "学校（管理员账号）",
				"谢谢提醒，下周就装上。");
		awaitAnswerPushed(this.family.openid(), message, "学校回复了您的问题 " + message, "谢谢提醒，下周就装上。");
		assertThat(this.inbox.thread(TENANT, message).orElseThrow().state()).isEqualTo(InboxThread.State.ANSWERED);
	}

	@Test
	void theAskersSignedPageShowsTheAnswerAndAnAdditionFromItReopensTheThread() throws Exception {
		String number = ask(this.family, "孩子想参加学校的合唱队，怎么报名？");
		ConsoleBrowser teacher = teacher(this.mine);
		teacher.get("/console/inbox/" + number);
		teacher.post("/console/inbox/" + number + "/answer", Map.of("text", "下周一放学后到音乐教室找刘老师就可以。"));
		assertThat(this.inbox.thread(TENANT, number).orElseThrow().state()).isEqualTo(InboxThread.State.ANSWERED);

		String path = this.links.path(TENANT, number, this.family.parent().id());
		ConsoleBrowser phone = new ConsoleBrowser(this.port);
		Page page = phone.get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("您的问题 " + number, "关于一诺", "孩子想参加学校的合唱队，怎么报名？", "周老师",
				"下周一放学后到音乐教室找刘老师就可以。", "老师已回复", "name=\"text\"")
			.doesNotContain("周明远")
			.doesNotContain("程建国")
			.doesNotContain("_csrf")
			.doesNotContain("<script");
		assertThat(page.header("Set-Cookie")).as("no session for a public page").isNull();

		// a link altered by one character, or another person's signed link for this thread, is not found
		String signature = path.substring(path.indexOf("&s=") + 3);
		String altered = path.substring(0, path.indexOf("&s=") + 3)
				+ (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1);
		Page tampered = phone.get(altered);
		assertThat(tampered.status()).isEqualTo(404);
		assertThat(tampered.body()).doesNotContain("合唱队").contains("打不开这个链接");
		InboxClass.Family neighbour = this.mine.family(this.records, this.directory, TENANT, "郑可馨", "郑国强", "父亲");
		assertThat(phone.get(this.links.path(TENANT, number, neighbour.parent().id())).status()).isEqualTo(404);
		assertThat(phone.get("/threads/" + TENANT + "/" + number).status()).isEqualTo(404);
		// nor does an altered signature add anything
		Map<String, String> forged = Map.of("p", this.family.parent().id(), "s", "A" + signature.substring(1), "text",
				"伪造的补充内容");
		assertThat(phone.postWithoutToken("/threads/" + TENANT + "/" + number + "/add", forged).status()).isEqualTo(404);
		assertThat(this.inbox.thread(TENANT, number).orElseThrow().entries()).hasSize(2);

		// the asker adds from the page, without a sign-in or a token: the thread waits for the teacher again
		Map<String, String> form = Map.of("p", this.family.parent().id(), "s", signature, "text", "孩子周一要上补习班，周二可以吗？");
		Page added = phone.postWithoutToken("/threads/" + TENANT + "/" + number + "/add", form);
		assertThat(added.status()).isEqualTo(302);
		assertThat(added.location()).contains("/threads/" + TENANT + "/" + number, "done=added");
		InboxThread reopened = this.inbox.thread(TENANT, number).orElseThrow();
		assertThat(reopened.state()).isEqualTo(InboxThread.State.OPEN);
		assertThat(reopened.entries()).extracting(Entry::type)
			.containsExactly(Entry.Type.ASK, Entry.Type.ANSWER, Entry.Type.ADD);
		assertThat(reopened.entries().get(2).by()).isEqualTo(this.family.parent().id());
		assertThat(phone.get(added.location()).body()).contains("已经发给老师了", "孩子周一要上补习班，周二可以吗？",
				"等待老师回复");
		assertThat(row(teacher.get("/console/inbox"), number)).contains("等待回复", "已等");

		// and marks it solved
		Page solved = phone.postWithoutToken("/threads/" + TENANT + "/" + number + "/solve",
				Map.of("p", this.family.parent().id(), "s", signature));
		assertThat(solved.status()).isEqualTo(302);
		assertThat(this.inbox.thread(TENANT, number).orElseThrow().state()).isEqualTo(InboxThread.State.SOLVED);
		Page done = phone.get(solved.location());
		assertThat(done.body()).contains("已经标记为解决了", "已解决").doesNotContain("name=\"text\"");
		// the page works without a console sign-in and carries the console's strict policy
		assertThat(done.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
	}

	@Test
	void aTeacherAccountLinkedToNoTeacherSeesNoThread() {
		String number = ask(this.family, "孩子的校服小了，可以换大一号的吗？");
		String username = "inbox-unlinked-" + TENANT;
		if (!this.accounts.exists(username)) {
			this.accounts.save(new StaffUser(username, TENANT, StaffRole.TEACHER, "", "未关联的老师"), "inbox-unlinked-pw");
		}
		ConsoleBrowser unlinked = signedIn(username, "inbox-unlinked-pw");
		Page list = unlinked.get("/console/inbox");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).doesNotContain("id=\"thread-").contains("现在没有等待回复的问题");
		assertThat(unlinked.get("/console/inbox/" + number).status()).isEqualTo(404);
	}

	@Test
	void theDashboardTileAndTheNavigationLeadToTheInbox() {
		String dashboard = teacher(this.mine).get("/console").body();
		assertThat(dashboard.substring(0, dashboard.indexOf("</nav>"))).contains("href=\"/console/inbox\"");
		String tile = dashboard.substring(dashboard.indexOf("本月家长提问"));
		assertThat(tile.substring(0, tile.indexOf("</article>"))).contains("href=\"/console/inbox\"");
	}

}
