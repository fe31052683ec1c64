package org.qinqing.binding;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.qinqing.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.qinqing.people.BindingCodeFormat;
import org.qinqing.people.BindingCodes;
import org.qinqing.people.Child;
import org.qinqing.people.Directory;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.WechatClient;
import org.qinqing.system.LinkSigner;
import org.qinqing.system.RedisKeys;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Binding through the real portal: by code, by QR scene, and every way a code can be refused. */
class BindingTests extends PortalTestSupport {

	@Autowired
	private BindingCodes codes;

	@Autowired
	private SchoolRecords records;

	@Autowired
	private Directory directory;

	@Autowired
	private LinkSigner signer;

	/** A person of the demo school that no WeChat user is bound to yet. */
	private Person unboundPerson(Role role) {
		return unboundPerson(role, p -> true);
	}

	private Person unboundPerson(Role role, java.util.function.Predicate<Person> matching) {
		for (String id : this.records.ids(TENANT, "person")) {
			Person person = this.records.person(TENANT, id).orElseThrow();
			if (person.role() == role && matching.test(person) && this.directory.openidsOf(TENANT, id).isEmpty()
					&& this.codes.currentCode(TENANT, id).isEmpty()) {
				return person;
			}
		}
		throw new IllegalStateException("no unbound " + role);
	}

	private static String newOpenid() {
		return "o-bind-" + System.nanoTime();
	}

	private String label(Child child) {
		String className = this.records.schoolClass(TENANT, child.classId()).orElseThrow().name();
		return child.name().substring(1) + "（" + className + "）";
	}

	@Test
	void typingTheCodeBindsAndShowsOnlyOwnChildrenAndTheRoleMenu() {
		Person guardian = unboundPerson(Role.GUARDIAN);
		String code = this.codes.issue(TENANT, guardian.id(), "test");
		String openid = newOpenid();
		String reply = wechat().text(openid, "绑定 " + code).reply();
		assertThat(reply).contains("绑定成功").contains(guardian.name()).contains("家长学校小课堂");
		for (String childId : guardian.childIds()) {
			assertThat(reply).contains(label(this.records.child(TENANT, childId).orElseThrow()));
		}
		assertThat(this.directory.identify(TENANT, openid).role()).isEqualTo(Role.GUARDIAN);
	}

	@Test
	void theBindMenuItemAsksForTheCodeAndReAsksAWrongOne() {
		Person parent = unboundPerson(Role.PARENT);
		String code = this.codes.issue(TENANT, parent.id(), "test");
		String openid = newOpenid();
		assertThat(wechat().text(openid, "2").reply()).contains("请输入学校给您的 8 位绑定码");
		assertThat(wechat().text(openid, "99999").reply()).contains("绑定码是 8 位数字");
		assertThat(wechat().text(openid, code).reply()).contains("绑定成功").contains("预约亲情视频");
	}

	@Test
	void scanningTheQrCodeFollowsAndBindsInOneStep() {
		Person parent = unboundPerson(Role.PARENT);
		String code = this.codes.issue(TENANT, parent.id(), "test");
		String openid = newOpenid();
		String scene = this.codes.qrScene(TENANT, code).orElseThrow();
		assertThat(scene).doesNotContain(code);
		String xml = WechatClient.eventXml(openid, "subscribe", "qrscene_" + scene, System.currentTimeMillis() / 1000);
		String reply = wechat().post(xml, false).reply();
		assertThat(reply).contains("欢迎来到亲情桥").contains("绑定成功").contains("预约亲情视频");
	}

	@Test
	void scanningWhileAlreadyFollowingBindsToo() {
		Person teacher = unboundPerson(Role.TEACHER);
		String code = this.codes.issue(TENANT, teacher.id(), "test");
		String openid = newOpenid();
		String scene = this.codes.qrScene(TENANT, code).orElseThrow();
		String xml = WechatClient.eventXml(openid, "SCAN", scene, System.currentTimeMillis() / 1000);
		String reply = wechat().post(xml, false).reply();
		assertThat(reply).contains("绑定成功").contains("结对帮扶的孩子").contains("记录谈心");
		// scanning the same sheet again is harmless
		String again = wechat().post(WechatClient.eventXml(openid, "SCAN", scene,
				System.currentTimeMillis() / 1000 + 1), false).reply();
		assertThat(again).contains("已经绑定过了");
	}

	@Test
	void aCodeWorksOnceExpiresAndCanBeRevoked() {
		Person parent = unboundPerson(Role.PARENT);
		String code = this.codes.issue(TENANT, parent.id(), "test");
		assertThat(wechat().text(newOpenid(), "绑定 " + code).reply()).contains("绑定成功");
		assertThat(wechat().text(newOpenid(), "绑定 " + code).reply()).contains("已经用过了");

		Person other = unboundPerson(Role.PARENT);
		String revoked = this.codes.issue(TENANT, other.id(), "test");
		assertThat(this.codes.revoke(TENANT, revoked)).isTrue();
		assertThat(wechat().text(newOpenid(), "绑定 " + revoked).reply()).contains("已经作废");

		// a new code replaces the old one
		String first = this.codes.issue(TENANT, other.id(), "test");
		String second = this.codes.issue(TENANT, other.id(), "test");
		assertThat(wechat().text(newOpenid(), "绑定 " + first).reply()).contains("已经作废");

		// fourteen days later the code has expired
		this.redis.opsForHash().put(RedisKeys.of(TENANT, "bind-code", second), "expires",
				String.valueOf(System.currentTimeMillis() - 1));
		assertThat(wechat().text(newOpenid(), "绑定 " + second).reply()).contains("已过期");
	}

	@Test
	void fiveWrongCodesLockBindingForAnHour() {
		Person parent = unboundPerson(Role.PARENT);
		String good = this.codes.issue(TENANT, parent.id(), "test");
		String openid = newOpenid();
		List<String> replies = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String wrong = BindingCodeFormat.withCheckDigit(
					String.format("%07d", (Integer.parseInt(good.substring(0, 7)) + 1 + i) % 10_000_000));
			replies.add(wechat().text(openid, "绑定 " + wrong).reply());
		}
		assertThat(replies.subList(0, 4)).allSatisfy(r -> assertThat(r).contains("这个绑定码不对"));
		assertThat(replies.get(4)).contains("输错次数太多");
		assertThat(wechat().text(openid, "绑定 " + good).reply()).contains("输错次数太多");
		assertThat(this.directory.identify(TENANT, openid).isBound()).isFalse();
		// another user is not affected
		assertThat(wechat().text(newOpenid(), "绑定 " + good).reply()).contains("绑定成功");
	}

	@Test
	void whenAnotherWechatUserBindsToAPersonTheUsersAlreadyBoundAreToldAtOnce() {
		WECHAT_API.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
				com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/cgi-bin/stable_token"))
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
					"{\"access_token\":\"T-BIND\",\"expires_in\":7200}")));
		WECHAT_API.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
				com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/cgi-bin/message/custom/send"))
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
		Person mother = unboundPerson(Role.PARENT, p -> p.relation().equals("母亲"));
		String first = newOpenid();
		assertThat(wechat().text(first, "绑定 " + this.codes.issue(TENANT, mother.id(), "test")).reply()).contains("绑定成功");
		// a second code for the same person (a new phone, or a code that went astray) is used by another user
		String second = newOpenid();
		assertThat(wechat().text(second, "绑定 " + this.codes.issue(TENANT, mother.id(), "test")).reply())
			.contains("绑定成功");
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.untilAsserted(() -> WECHAT_API.verify(1, com.github.tomakehurst.wiremock.client.WireMock
				.postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/cgi-bin/message/custom/send"))
				.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(first))
				.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("另一个微信号"))));
		WECHAT_API.verify(0, com.github.tomakehurst.wiremock.client.WireMock
			.postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/cgi-bin/message/custom/send"))
			.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(second)));
	}

	@Test
	void aParentNeverSeesAnotherFamilysChildren() {
		// a father working away, with two children at the school
		Person parent = unboundPerson(Role.PARENT, p -> p.relation().equals("父亲") && p.childIds().size() == 2
				&& this.records.child(TENANT, p.childIds().get(0)).orElseThrow().leftBehind() == LeftBehindType.BOTH_AWAY);
		String openid = newOpenid();
		wechat().text(openid, "绑定 " + this.codes.issue(TENANT, parent.id(), "test"));
		Set<String> own = new HashSet<>();
		parent.childIds().forEach(id -> own.add(label(this.records.child(TENANT, id).orElseThrow())));
		Set<String> others = new HashSet<>();
		for (String id : this.records.ids(TENANT, "child")) {
			String label = label(this.records.child(TENANT, id).orElseThrow());
			if (!own.contains(label)) {
				others.add(label);
			}
		}
		List<String> replies = List.of(wechat().text(openid, "我的信息").reply(), wechat().text(openid, "解绑").reply());
		for (String reply : replies) {
			own.forEach(label -> assertThat(reply).contains(label));
			others.forEach(label -> assertThat(reply).doesNotContain(label));
		}
		String info = replies.get(0);
		// the parent's own fields, phone masked; nothing of the guardian's or another family's card
		assertThat(info).contains("手机：199****").contains("务工城市").doesNotContain("身体状况").doesNotContain("19900");
	}

	@Test
	void unbindingAsksFirstThenLeavesTheUserAVisitor() {
		Person guardian = unboundPerson(Role.GUARDIAN);
		String openid = newOpenid();
		wechat().text(openid, "绑定 " + this.codes.issue(TENANT, guardian.id(), "test"));
		assertThat(wechat().text(openid, "解绑").reply()).contains("确定要解除绑定吗");
		assertThat(wechat().text(openid, "2").reply()).contains("绑定保留着");
		assertThat(this.directory.identify(TENANT, openid).isBound()).isTrue();
		wechat().text(openid, "解除绑定");
		assertThat(wechat().text(openid, "1").reply()).contains("已解除绑定").contains("了解亲情桥");
		assertThat(this.directory.identify(TENANT, openid).isBound()).isFalse();
		assertThat(wechat().text(openid, "我的信息").reply()).contains("您还没有绑定");
	}

	@Test
	void qrImageNeedsASignedLinkAndCarriesTheCode() throws Exception {
		Person parent = unboundPerson(Role.PARENT);
		String code = this.codes.issue(TENANT, parent.id(), "test");
		HttpClient http = TestHttp.client().build();
		String base = "http://127.0.0.1:" + this.port;
		HttpResponse<byte[]> png = http.send(
				TestHttp.request(URI.create(base + BindingQrLinks.path(this.signer, TENANT, code))).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(png.statusCode()).isEqualTo(200);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
		String content = new MultiFormatReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
					java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE,
							com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE,
							com.google.zxing.DecodeHintType.CHARACTER_SET, "UTF-8"))
			.getText();
		// WireMock has no QR ticket stub, as in demo mode: the image carries the typed form of the code
		assertThat(content).contains("绑定 " + code);
		HttpResponse<byte[]> forged = http.send(TestHttp.request(URI.create(base + "/binding/" + TENANT + "/qr/" + code + ".png?sig=forged"))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(forged.statusCode()).isEqualTo(403);
	}

}
