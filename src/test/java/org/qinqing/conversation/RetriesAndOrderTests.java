package org.qinqing.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.WechatClient;
import org.qinqing.system.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WeChat's retries (the same MsgId up to three times) cause one side effect and get one reply;
 * a burst of messages from one user is handled one at a time.
 */
class RetriesAndOrderTests extends PortalTestSupport {

	private static final String PARENT = "demo-parent-2";

	@org.springframework.beans.factory.annotation.Autowired
	org.qinqing.inbox.Inbox inbox;

	private long feedbackCount() {
		return this.inbox.filedCount(TENANT);
	}

	/** Walks a user to the last step of 给学校留言, so the next "1" leaves a message. */
	private void toConfirmStep(String openid) {
		resetSession(openid);
		wechat().text(openid, "菜单");
		wechat().text(openid, "给学校留言");
		wechat().text(openid, "2");
		assertThat(wechat().text(openid, "孩子最近咳嗽，请老师多留意").reply()).contains("请确认您的留言");
	}

	@Test
	void threeSequentialCopiesLeaveOneMessageAndGetTheSameReply() {
		String openid = "retry-seq-" + System.nanoTime();
		toConfirmStep(openid);
		long before = feedbackCount();
		String xml = WechatClient.textXml(openid, "1", WechatClient.nextMsgId());
		List<String> replies = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			replies.add(wechat().post(xml, false).reply());
		}
		assertThat(replies.get(0)).contains("留言已收到");
		assertThat(replies).containsOnly(replies.get(0));
		assertThat(feedbackCount()).isEqualTo(before + 1);
	}

	@Test
	void threeConcurrentCopiesLeaveOneMessageAndGetTheSameReply() throws Exception {
		String openid = "retry-par-" + System.nanoTime();
		toConfirmStep(openid);
		long before = feedbackCount();
		String xml = WechatClient.textXml(openid, "1", WechatClient.nextMsgId());
		List<String> replies = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Future<WechatClient.Response>> copies = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				boolean encrypted = i % 2 == 0;
				copies.add(pool.submit(() -> wechat().post(xml, encrypted)));
			}
			for (Future<WechatClient.Response> copy : copies) {
				replies.add(copy.get().reply());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(replies.get(0)).contains("留言已收到");
		assertThat(replies).containsOnly(replies.get(0));
		assertThat(feedbackCount()).isEqualTo(before + 1);
	}

	@Test
	void retriedEventGetsTheSameReplyOnce() {
		String openid = "retry-evt-" + System.nanoTime();
		String xml = WechatClient.eventXml(openid, "subscribe", "", 1700000123);
		String first = wechat().post(xml, false).reply();
		String second = wechat().post(xml, false).reply();
		assertThat(first).contains("欢迎来到亲情桥");
		assertThat(second).isEqualTo(first);
	}

	@Test
	void twentyConcurrentMessagesFromOneUserAreHandledOneAtATime() throws Exception {
		String openid = PARENT;
		resetSession(openid);
		List<Callable<WechatClient.Response>> burst = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String text = i % 2 == 0 ? "菜单" : "帮助";
			burst.add(() -> wechat().text(openid, text));
		}
		List<WechatClient.Response> responses = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			for (Future<WechatClient.Response> f : pool.invokeAll(burst)) {
				responses.add(f.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(responses).allSatisfy(r -> assertThat(r.reply()).contains("回复「菜单」"));
		// every message counted once: a lost update would leave fewer turns
		assertThat(sessionJson(openid)).contains("\"turns\":20");
	}

}
