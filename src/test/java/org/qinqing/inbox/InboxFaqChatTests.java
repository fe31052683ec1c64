package org.qinqing.inbox;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.system.RedisKeys;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole way through the portal: a guardian's question the FAQ cannot answer goes to the teacher, the school
 * answers it in the console, an admin takes the answer into the FAQ, and the next time the question is asked in
 * chat the bot answers it at once.
 */
class InboxFaqChatTests extends InboxChatTestSupport {

	private static final Pattern NUMBER = Pattern.compile("编号 ?([QF]\\d+)");

	private static final String QUESTION = "孩子的校服多少钱一套";

	private static final String ANSWER = "校服每套 80 元，开学第一周由班主任统一订，家里困难的可以申请减免。";

	@Autowired
	StaffAccounts accounts;

	@AfterEach
	void forgetFaqEdits() {
		// the context's tenant is shared by the inbox's chat tests: leave its FAQ as the files have it
		this.redis.delete(java.util.List.of(RedisKeys.of(INBOX, "faq:version"), RedisKeys.of(INBOX, "faq:current"),
				RedisKeys.of(INBOX, "faq:history", "school-uniform")));
	}

	@Test
	void aPromotedAnswerIsTheChatsAnswerNextTime() {
		String g = this.guardian.openid();
		// the FAQ has nothing on it: offered to the teacher
		assertThat(say(g, QUESTION)).contains("1. 转给老师").doesNotContain("校服每套");
		String filed = say(g, "1");
		Matcher m = NUMBER.matcher(filed);
		assertThat(m.find()).as(filed).isTrue();
		String number = m.group(1);

		String admin = "ifaq-chat-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.save(new StaffUser(admin, INBOX, StaffRole.ADMIN, "", "德育处"), "ifaq-chat-pw");
		ConsoleBrowser browser = new ConsoleBrowser(this.port);
		assertThat(browser.signIn(admin, "ifaq-chat-pw").location()).endsWith("/console");
		browser.get("/console/inbox/" + number);
		assertThat(browser.post("/console/inbox/" + number + "/answer", Map.of("text", ANSWER)).status())
			.isEqualTo(302);
		awaitPush(g, "校服每套");
		browser.get("/console/inbox/" + number);
		assertThat(browser.post("/console/inbox/" + number + "/faq", Map.of("entry", "1", "mode", "new", "id",
				"school-uniform", "title", "校服", "asks", "校服在哪里买\n孩子要穿校服吗")).status()).isEqualTo(302);

		resetSession(g);
		String reply = say(g, QUESTION);
		// answered from the FAQ at once (the teacher still offered below it, as for every FAQ answer)
		assertThat(reply).startsWith(ANSWER);
	}

}
