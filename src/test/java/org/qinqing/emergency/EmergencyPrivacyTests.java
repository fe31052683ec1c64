package org.qinqing.emergency;

import java.time.Duration;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qinqing.support.ConsoleBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The family's numbers go to the teacher in chat and nowhere else: not into the log, whatever happened. A family
 * member's own signed link acknowledges for them; an altered one opens nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmergencyPrivacyTests extends EmergencyTestSupport {

	@Autowired
	IncidentLinks links;

	@Test
	void noPhoneNumberReachesTheLog(CapturedOutput output) {
		WECHAT_API.stubFor(WireMock.post(urlPathEqualTo(CUSTOM))
			.atPriority(1)
			.withRequestBody(containing("\"" + this.father + "\""))
			.willReturn(WireMock.okJson("{\"errcode\":43004,\"errmsg\":\"require subscribe\"}")));
		String reply = report();
		assertThat(reply).contains(MOTHER_PHONE);
		Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
			this.jobs.runDue(EMERGENCY);
			return !pushes(this.teacher, "没收到微信消息").isEmpty();
		});
		later(Duration.ofMinutes(16));
		awaitPush(this.teacher, "已经 15 分钟了", GRANDMOTHER_PHONE);
		later(Duration.ofMinutes(30));
		awaitPush(this.teacher, "已经 45 分钟了", FATHER_PHONE, MOTHER_PHONE);
		assertThat(say(this.teacher, "已电话通知 奶奶")).contains("打了电话");
		assertThat(output.getAll()).doesNotContain(GRANDMOTHER_PHONE, FATHER_PHONE, MOTHER_PHONE);
	}

	@Test
	void aFamilyMembersOwnLinkAcknowledgesForThem() {
		String number = number(report());
		awaitPush(this.grandmother, "或者点开这里确认：", "/incidents/");
		String path = this.links.ackPath(EMERGENCY, number, this.grandmotherId);
		ConsoleBrowser.Page page = new ConsoleBrowser(this.port).get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("晓雨在学校受伤了", "学校医务室", "已告诉学校您收到了", "0000-7654321");
		Incident incident = incident(number);
		assertThat(incident.done(ChainStep.GUARDIANS)).isPresent();
		assertThat(incident.events()).anyMatch(e -> e.type() == IncidentEvent.Type.ACKNOWLEDGED
				&& e.person().equals(this.grandmotherId) && e.detail().equals("link"));
		// the same link for someone else, or altered, opens nothing
		ConsoleBrowser.Page altered = new ConsoleBrowser(this.port).get(path.replace("p=" + this.grandmotherId,
				"p=" + this.fatherId));
		assertThat(altered.status()).isEqualTo(404);
		assertThat(altered.body()).contains("打不开这个链接").doesNotContain("晓雨");
		assertThat(incident(number).done(ChainStep.PARENTS)).isEmpty();
	}

}
