package org.qinqing.conversation;

import org.junit.jupiter.api.Test;
import org.qinqing.notify.Reachability;
import org.qinqing.notify.ServiceWindow;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.WechatClient;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** What the conversation tells the outbox: who wrote (service window) and who unfollowed. */
class FollowingAndWindowTests extends PortalTestSupport {

	@Autowired
	private ServiceWindow window;

	@Autowired
	private Reachability reachability;

	@Test
	void aMessageOpensTheServiceWindow() {
		String openid = "o-window-" + System.nanoTime();
		assertThat(this.window.isOpen(TENANT, openid)).isFalse();
		wechat().text(openid, "菜单");
		assertThat(this.window.isOpen(TENANT, openid)).isTrue();
	}

	@Test
	void unfollowingStopsPushesUntilTheUserFollowsAgain() {
		String openid = "o-follow-" + System.nanoTime();
		long now = System.currentTimeMillis() / 1000;
		var gone = wechat().post(WechatClient.eventXml(openid, "unsubscribe", "", now), false);
		assertThat(gone.isSuccessOnly()).isTrue();
		assertThat(this.reachability.isReachable(TENANT, openid)).isFalse();
		assertThat(this.window.isOpen(TENANT, openid)).isFalse();
		var back = wechat().post(WechatClient.eventXml(openid, "subscribe", "", now + 1), false);
		assertThat(back.reply()).contains("欢迎来到亲情桥");
		assertThat(this.reachability.isReachable(TENANT, openid)).isTrue();
	}

}
