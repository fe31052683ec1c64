package org.qinqing.parenting;

import java.time.DayOfWeek;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.BeforeEach;
import org.qinqing.people.Child;
import org.qinqing.people.Directory;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.TestDates;
import org.qinqing.support.TickingClock;
import org.qinqing.support.WechatClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The parenting tests' own context: the three fixture lessons (src/test/resources/parenting/lessons/), a tenant of
 * its own (so only its outbox consumer, on the moved clock, works for it), no demo console sign-ins, and a clock on a
 * Tuesday morning (a school day outside quiet hours). Each test makes its own classes and families.
 */
@Import(ParentingTestSupport.ClockConfiguration.class)
@TestPropertySource(properties = { "wechat.timestamp-tolerance=15d", "qinqing.calls.poll-interval=6h",
		"qinqing.test.tenant-suffix=-parenting", "qinqing.demo.staff-accounts=false",
		"qinqing.console.admin.username=admin-parenting",
		"qinqing.parenting.lessons.location=" + LessonFilesTests.FIXTURES })
abstract class ParentingTestSupport extends PortalTestSupport {

	static final String SCHOOL = TENANT + "-parenting";

	/** A left-behind child of a class of its own, and one adult bound to a fresh openid. */
	record Family(String openid, Person adult, Child child, SchoolClass schoolClass) {
	}

	@Autowired
	TickingClock clock;

	@Autowired
	SchoolRecords records;

	@Autowired
	Directory directory;

	@Autowired
	Learners learners;

	@Autowired
	LessonCatalogue catalogue;

	@BeforeEach
	void wechatAndTime() {
		WECHAT_API.stubFor(WireMock.post(urlPathEqualTo("/cgi-bin/stable_token"))
			.willReturn(WireMock.okJson("{\"access_token\":\"T-PARENTING\",\"expires_in\":7200}")));
		WECHAT_API.stubFor(WireMock.post(urlPathEqualTo(CUSTOM)).willReturn(WireMock.okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
		this.clock.set(TestDates.TODAY.with(TemporalAdjusters.next(DayOfWeek.TUESDAY)).atTime(10, 0));
	}

	Family family(Role role, int grade) {
		String id = UUID.randomUUID().toString().substring(0, 8);
		SchoolClass schoolClass = new SchoolClass("pc-" + id, "", grade, 7, grade + "年级(7)班", "");
		this.records.save(SCHOOL, schoolClass);
		return familyIn(schoolClass, role, LeftBehindType.BOTH_AWAY);
	}

	Family familyIn(SchoolClass schoolClass, Role role, LeftBehindType type) {
		String id = UUID.randomUUID().toString().substring(0, 8);
		Child child = new Child("pk-" + id, "林小" + id.substring(0, 4), schoolClass.id(), type, "pf-" + id, "");
		this.records.save(SCHOOL, child);
		Person adult = new Person("pp-" + id, role, "林" + id.substring(4, 8), role == Role.PARENT ? "母亲" : "祖母",
				List.of(child.id()), List.of());
		this.records.save(SCHOOL, adult);
		String openid = "parenting-" + id;
		this.directory.bind(SCHOOL, openid, adult.id());
		resetSession(openid);
		return new Family(openid, adult, child, schoolClass);
	}

	Learner learner(Family family) {
		return new Learner(family.adult().id(), java.util.Set.of(family.adult().role()),
				java.util.Set.of(family.schoolClass().grade()),
				this.learners.history(SCHOOL, family.adult().id()).had().keySet());
	}

	String speak(String openid, String recognition) {
		return wechat().post(WechatClient.voiceXml(openid, recognition, WechatClient.nextMsgId()), false).reply();
	}

	@Override
	protected String sessionTenant() {
		return SCHOOL;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		@Primary
		TickingClock parentingClock() {
			return new TickingClock();
		}

	}

}
