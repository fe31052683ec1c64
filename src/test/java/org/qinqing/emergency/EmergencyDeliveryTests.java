package org.qinqing.emergency;

import java.time.Duration;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who cannot be reached is the teacher's to phone, at once: a parent bound to nobody is in the report's reply with
 * the card's number, a father WeChat refuses (43004, unfollowed) comes as a push a few seconds later with his. An
 * emergency in quiet hours goes out at once.
 */
class EmergencyDeliveryTests extends EmergencyTestSupport {

	@Test
	void aFatherWechatRefusesIsTheTeachersToPhoneWithHisNumber() {
		WECHAT_API.stubFor(WireMock.post(urlPathEqualTo(CUSTOM))
			.atPriority(1)
			.withRequestBody(containing("\"" + this.father + "\""))
			.willReturn(WireMock.okJson("{\"errcode\":43004,\"errmsg\":\"require subscribe\"}")));
		String reply = report();
		String number = number(reply);
		assertThat(reply).contains("父亲（林建国）").doesNotContain(FATHER_PHONE);
		Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
			this.jobs.runDue(EMERGENCY);
			return !pushes(this.teacher, "没收到微信消息", "父亲 林建国：" + FATHER_PHONE).isEmpty();
		});
		Incident incident = incident(number);
		assertThat(incident.events()).anyMatch(e -> e.type() == IncidentEvent.Type.UNREACHABLE
				&& e.person().equals(this.fatherId) && e.detail().equals("FAILED 43004"));
		assertThat(incident.events()).noneMatch(e -> e.detail().contains(FATHER_PHONE));
		// looked at again, he is not listed twice
		this.clock.advance(Duration.ofSeconds(5));
		this.jobs.runDue(EMERGENCY);
		assertThat(pushes(this.teacher, "没收到微信消息")).hasSize(1);
	}

	@Test
	void aMotherBoundToNobodyIsInTheReplyAtOnceWithTheCardsNumber() {
		String reply = report();
		assertThat(reply).contains("这些人微信联系不上，请马上打电话", "母亲 陈丽：" + MOTHER_PHONE);
		Incident incident = incident(number(reply));
		assertThat(incident.events()).anyMatch(e -> e.type() == IncidentEvent.Type.UNREACHABLE
				&& e.person().equals(this.motherId) && e.detail().equals("NOT_BOUND"));
		// said in the reply, so not pushed as well
		this.clock.advance(Duration.ofMinutes(1));
		this.jobs.runDue(EMERGENCY);
		assertThat(pushes(this.teacher, "微信联系不上")).isEmpty();
	}

	@Test
	void anEmergencyInQuietHoursGoesOutAtOnce() {
		this.clock.set(tuesday(22, 40));
		String number = number(report());
		awaitPush(this.grandmother, "晓雨在学校受伤了", "回复「收到」");
		awaitPush(this.father, "晓雨在学校受伤了");
		assertThat(say(this.grandmother, "收到")).contains("已告诉学校您收到了");
		assertThat(incident(number).outcome(ChainStep.GUARDIANS, Duration.ofMinutes(30)))
			.isEqualTo(Incident.Outcome.MET);
	}

}
