package org.qinqing.inbox;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.qinqing.system.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

/** 给学校留言 is a thread of the same inbox: for the leaders, answered in chat, the visitor told by their openid. */
class SchoolMessagesTests extends InboxChatTestSupport {

	private static final Pattern NUMBER = Pattern.compile("编号 (Q\\d+)");

	@Test
	void aVisitorsMessageReachesTheLeaderWhoseAnswerReachesTheVisitor() {
		String visitor = "inbox-visitor-" + UUID.randomUUID().toString().substring(0, 8);
		resetSession(visitor);
		say(visitor, "给学校留言");
		say(visitor, "3");
		say(visitor, "校门口早上车太多了，孩子过马路很危险");
		String done = say(visitor, "1");
		assertThat(done).contains("留言已收到，编号");
		Matcher m = NUMBER.matcher(done);
		assertThat(m.find()).isTrue();
		String number = m.group(1);
		awaitPush(this.leader, "新留言 " + number + "（安全）");
		assertThat(say(this.teacher, "回复 " + number + " 我们会安排")).contains("没找到问题");
		assertThat(say(this.leader, "回复 " + number + " 谢谢提醒，下周起早上有老师在校门口护导。")).contains("已回复 " + number);
		awaitPush(visitor, "下周起早上有老师在校门口护导");
	}

	@Test
	void messagesLeftBeforeTheInboxStillShowAsThreads() {
		String tenant = "t-legacy-" + UUID.randomUUID().toString().substring(0, 8);
		this.redis.opsForValue().set(RedisKeys.of(tenant, "feedback:seq"), "2");
		this.redis.opsForHash().putAll(RedisKeys.of(tenant, "feedback", "1"), Map.of("topic", "学习", "words",
				"希望多布置阅读作业", "person", "p-old", "openid", "o-old", "at", "2026-03-02T08:00:00Z"));
		this.redis.opsForHash().putAll(RedisKeys.of(tenant, "feedback", "2"), Map.of("topic", "安全", "words",
				"河边要装护栏", "person", "", "openid", "o-visitor", "at", "2026-03-03T08:00:00Z"));
		assertThat(this.inbox.filedCount(tenant)).isEqualTo(2);
		InboxThread first = this.inbox.thread(tenant, "F1").orElseThrow();
		assertThat(first.kind()).isEqualTo(InboxThread.Kind.MESSAGE);
		assertThat(first.question()).isEqualTo("希望多布置阅读作业");
		assertThat(first.topic()).isEqualTo("学习");
		assertThat(first.askerId()).isEqualTo("p-old");
		assertThat(first.waiting()).isTrue();
		assertThat(this.inbox.thread(tenant, "F2").orElseThrow().askerRole()).isEqualTo("visitor");
		assertThat(this.inbox.filedCount(tenant)).as("taken over once").isEqualTo(2);
	}

}
