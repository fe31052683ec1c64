package org.qinqing.conversation;

import org.junit.jupiter.api.Test;
import org.qinqing.calls.CallFamily;
import org.qinqing.people.Directory;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Saying "no" at a confirmation (or 取消 there) tells the user what stays as it was, not that input was lost. */
class DeclineSaysWhatIsKeptTests extends PortalTestSupport {

	@Autowired
	SchoolRecords records;

	@Autowired
	Directory directory;

	private CallFamily parent() {
		CallFamily family = CallFamily.create(this.records, this.directory, TENANT, Role.PARENT,
				this.records.ids(TENANT, "class").get(0));
		resetSession(family.openid());
		return family;
	}

	private String say(CallFamily family, String text) {
		return wechat().text(family.openid(), text).reply();
	}

	@Test
	void keepingTheBindingSaysTheBindingStaysAndMessagesKeepComing() {
		CallFamily parent = parent();
		assertThat(say(parent, "解绑")).contains("确定要解除绑定吗", "2. 不解除");
		String kept = say(parent, "不解除");
		assertThat(kept).contains("绑定保留着", "照常收到学校的消息", "1. 预约亲情视频").doesNotContain("没有保存");
		assertThat(this.directory.identify(TENANT, parent.openid()).isBound()).isTrue();
	}

	@Test
	void cancelTypedAtTheUnbindConfirmationKeepsTheBindingAndSaysSo() {
		CallFamily parent = parent();
		say(parent, "解除绑定");
		assertThat(say(parent, "取消")).contains("绑定保留着").doesNotContain("没有保存");
		assertThat(this.directory.identify(TENANT, parent.openid()).isBound()).isTrue();
	}

	@Test
	void notSendingAMessageSaysItWasNotSent() {
		CallFamily parent = parent();
		say(parent, "给学校留言");
		say(parent, "1");
		assertThat(say(parent, "孩子最近作业有点多")).contains("请确认您的留言");
		assertThat(say(parent, "不提交")).contains("没有发给学校", "回复「给学校留言」").doesNotContain("留言已收到");
	}

}
