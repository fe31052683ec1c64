package org.qinqing.wechat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.qinqing.calls.Booking;
import org.qinqing.calls.Bookings;
import org.qinqing.calls.CallFamily;
import org.qinqing.conversation.internal.InboundGate;
import org.qinqing.people.Directory;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.WechatClient;
import org.qinqing.system.RedisKeys;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal probed as an attacker or a bad day would: stale and future timestamps, a signed URL replayed
 * with another body, a message encrypted for another account, one MsgId from two users, an openid no WeChat
 * user has, a control character in a message, and a handler that died holding its message.
 */
class FrontDoorTests extends PortalTestSupport {

	private static final String PORTAL = "/wx/portal/" + WechatClient.APP_ID;

	@Autowired
	SchoolRecords records;

	@Autowired
	Directory directory;

	@Autowired
	Bookings bookings;

	private static String at(long epochSecond, String nonce) {
		return PORTAL + WechatClient.signedQuery(String.valueOf(epochSecond), nonce);
	}

	@Test
	void signedRequestsFrom2020OrAYearAheadAreRefused() {
		String openid = "door-time-" + System.nanoTime();
		String xml = WechatClient.textXml(openid, "菜单", WechatClient.nextMsgId());
		long now = System.currentTimeMillis() / 1000;
		assertThat(wechat().postRaw(at(1_577_836_800L, "n2020"), xml).status()).as("1 January 2020").isEqualTo(403);
		assertThat(wechat().postRaw(at(now + 366L * 24 * 3600, "nyear"), xml).status()).as("a year ahead")
			.isEqualTo(403);
		assertThat(wechat().postRaw(at(now - 600, "n10min"), xml).status()).as("ten minutes old").isEqualTo(403);
		assertThat(sessionJson(openid)).isNull();
		assertThat(wechat().postRaw(at(now - 20, "nretry"), xml).status()).as("a retry's 20 s").isEqualTo(200);
	}

	@Test
	void aSignedUrlReplayedWithAnotherBodyIsRefusedWhileATrueRetryIsAnswered() {
		String victim = "door-victim-" + System.nanoTime();
		String attacker = "door-attacker-" + System.nanoTime();
		String url = at(System.currentTimeMillis() / 1000, "n" + System.nanoTime());
		String first = WechatClient.textXml(victim, "菜单", WechatClient.nextMsgId());
		var answered = wechat().postRaw(url, first);
		assertThat(answered.status()).isEqualTo(200);
		assertThat(answered.body()).contains("了解亲情桥");
		// the same signed URL (from a proxy's log, say) with a forged message as another user
		var forged = wechat().postRaw(url, WechatClient.textXml(attacker, "我的信息", WechatClient.nextMsgId()));
		assertThat(forged.status()).isEqualTo(403);
		assertThat(sessionJson(attacker)).isNull();
		// WeChat retrying the very same delivery gets the same answer
		assertThat(wechat().postRaw(url, first).body()).isEqualTo(answered.body());
	}

	@Test
	void aSafeModeUrlReplayedAsPlaintextIsRefused() {
		String openid = "door-aes-" + System.nanoTime();
		String timestamp = WechatClient.now();
		String nonce = "n" + System.nanoTime();
		WechatReferenceCrypto crypto = new WechatReferenceCrypto(WechatClient.TOKEN, WechatClient.AES_KEY,
				WechatClient.APP_ID);
		String envelope = crypto.encryptedEnvelope(WechatClient.textXml(openid, "菜单", WechatClient.nextMsgId()),
				timestamp, nonce);
		String encrypt = envelope.replaceAll("(?s).*<Encrypt><!\\[CDATA\\[(.*?)]]></Encrypt>.*", "$1");
		String signed = PORTAL + WechatClient.signedQuery(timestamp, nonce);
		var aes = wechat().postRaw(signed + "&encrypt_type=aes&msg_signature=" + crypto.msgSignature(timestamp, nonce, encrypt),
				envelope);
		assertThat(aes.status()).isEqualTo(200);
		String other = "door-plain-" + System.nanoTime();
		var plain = wechat().postRaw(signed, WechatClient.textXml(other, "菜单", WechatClient.nextMsgId()));
		assertThat(plain.status()).isEqualTo(403);
		assertThat(sessionJson(other)).isNull();
	}

	@Test
	void aMessageEncryptedForAnotherAccountIsRefused() {
		String openid = "door-foreign-" + System.nanoTime();
		String timestamp = WechatClient.now();
		String nonce = "n" + System.nanoTime();
		// the same key and token, but encrypted for another official account
		WechatReferenceCrypto foreign = new WechatReferenceCrypto(WechatClient.TOKEN, WechatClient.AES_KEY,
				"wxforeignaccount01");
		String envelope = foreign.encryptedEnvelope(WechatClient.textXml(openid, "菜单", WechatClient.nextMsgId()),
				timestamp, nonce);
		String encrypt = envelope.replaceAll("(?s).*<Encrypt><!\\[CDATA\\[(.*?)]]></Encrypt>.*", "$1");
		var response = wechat().postRaw(PORTAL + WechatClient.signedQuery(timestamp, nonce)
				+ "&encrypt_type=aes&msg_signature=" + foreign.msgSignature(timestamp, nonce, encrypt), envelope);
		assertThat(response.status()).isEqualTo(403);
		assertThat(sessionJson(openid)).isNull();
	}

	@Test
	void oneMsgIdFromTwoUsersNeverSharesAReply() {
		String parent = "demo-parent-1";
		String stranger = "door-stranger-" + System.nanoTime();
		resetSession(parent);
		long msgId = WechatClient.nextMsgId();
		String info = wechat().post(WechatClient.textXml(parent, "我的信息", msgId), false).reply();
		assertThat(info).contains("学校登记的您的信息");
		String strangers = wechat().post(WechatClient.textXml(stranger, "我的信息", msgId), false).reply();
		assertThat(strangers).doesNotContain("学校登记的您的信息").contains("绑定");
	}

	@Test
	void anOpenidNoWechatUserHasIsABadRequestAndMakesNoKey() {
		String huge = "o" + "x".repeat(4_999);
		var response = wechat().post(WechatClient.textXml(huge, "菜单", WechatClient.nextMsgId()), false);
		assertThat(response.status()).isEqualTo(400);
		Set<String> keys = this.redis.keys(RedisKeys.of(TENANT, "*") + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx*");
		assertThat(keys).isEmpty();
		assertThat(wechat().post(WechatClient.textXml("o<script>", "菜单", WechatClient.nextMsgId()), false).status())
			.isEqualTo(400);
	}

	@Test
	void aControlCharacterInAMessageIsDroppedAndTheMessageAnswered() {
		String openid = "door-ctrl-" + System.nanoTime();
		var response = wechat().post(WechatClient.textXml(openid, "帮\u0001助\u000b", WechatClient.nextMsgId()), false);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.reply()).contains("使用说明");
	}

	/**
	 * A handler died (its process killed) after taking the parent's "1" at the confirmation: its mark and the
	 * parent's lock stay unrenewed. WeChat's retry, seconds later, takes the message over and books — once.
	 */
	@Test
	void aRetryTakesOverTheMessageOfAHandlerThatDiedAndTheBookingIsMadeOnce() {
		String classId = this.records.ids(TENANT, "class").get(0);
		CallFamily parent = CallFamily.create(this.records, this.directory, TENANT, Role.PARENT, classId);
		resetSession(parent.openid());
		String days = wechat().text(parent.openid(), "预约视频").reply();
		String times = wechat().text(parent.openid(), firstFree(days)).reply();
		assertThat(wechat().text(parent.openid(), firstFree(times)).reply()).contains("1. 确认预约");

		long msgId = WechatClient.nextMsgId();
		String xml = WechatClient.textXml(parent.openid(), "1", msgId);
		// what a handler leaves when it dies holding the message: its pending mark and the user's lock, whose
		// leases nobody renews any more (here 1.5 s of the 3 s are left)
		InboundGate.Keys keys = InboundGate.Keys.of(TENANT, parent.openid(), "m:" + parent.openid() + ":" + msgId);
		long leaseEnd = System.currentTimeMillis() + 1_500;
		this.redis.opsForValue().set(keys.dedup(), InboundGate.PENDING + leaseEnd + ":dead-handler", Duration.ofMinutes(5));
		this.redis.opsForValue().set(keys.lock(), "dead-handler", Duration.ofMillis(1_500));

		WechatClient.Response retry = wechat().post(xml, false);
		List<Booking> upcoming = this.bookings.upcoming(TENANT, parent.familyId());
		assertThat(upcoming).hasSize(1);
		assertThat(retry.reply()).as("the retry's passive reply").contains("约好了！预约号 " + upcoming.get(0).number());
		// the third try of the same message changes nothing
		wechat().post(xml, false);
		assertThat(this.bookings.upcoming(TENANT, parent.familyId())).hasSize(1);
		// and the parent is not locked out afterwards
		assertThat(wechat().text(parent.openid(), "菜单").reply()).contains("预约");
	}

	private static String firstFree(String list) {
		for (String line : list.lines().toList()) {
			if (line.matches("^\\d+\\. .*") && !line.contains("已约满")) {
				return line.substring(0, line.indexOf('.'));
			}
		}
		throw new AssertionError("nothing free in " + list);
	}

}
