package org.qinqing.console;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.ConsoleBrowser.Page;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin's audit page words what happened in Chinese: who (and whether in chat), the action and its outcome. */
class AuditPageTests extends PortalTestSupport {

	@Autowired
	AuditLog audit;

	@Autowired
	StaffAccounts accounts;

	@Test
	void actionsAndOutcomesAreWordedAndChatEntriesNameTheTeacher() {
		String number = "V" + UUID.randomUUID().toString().substring(0, 6);
		String teacher = "秦" + UUID.randomUUID().toString().substring(0, 4);
		this.audit.recordFromChat(TENANT, "t-audit", teacher, "mark-call", number + " CHILD_ABSENT");
		StaffUser admin = this.accounts.find("admin").orElseThrow();
		this.audit.record(admin, "view-card", "c-audit-" + number);

		ConsoleBrowser browser = new ConsoleBrowser(this.port);
		browser.signIn("admin", "qinqing-demo");
		Page page = browser.get("/console/admin/audit");
		assertThat(page.status()).isEqualTo(200);
		String body = page.body();
		String chatRow = rowWith(body, number);
		assertThat(chatRow).contains(teacher, "在微信", "登记亲情视频结果", number + " 孩子没来")
			.doesNotContain("mark-call")
			.doesNotContain("CHILD_ABSENT")
			.doesNotContain("t-audit");
		String viewRow = rowWith(body, "c-audit-" + number);
		assertThat(viewRow).contains("查看联系卡", admin.displayName(), "admin").doesNotContain("view-card");
	}

	private static String rowWith(String body, String text) {
		int at = body.indexOf(">" + text);
		if (at < 0) {
			at = body.indexOf(text);
		}
		assertThat(at).as("an entry with " + text).isPositive();
		int start = body.lastIndexOf("<tr", at);
		return body.substring(start, body.indexOf("</tr>", at));
	}

}
