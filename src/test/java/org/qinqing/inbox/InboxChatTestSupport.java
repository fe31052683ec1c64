package org.qinqing.inbox;

import java.time.DayOfWeek;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.qinqing.calls.CallFamily;
import org.qinqing.people.Directory;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.TestDates;
import org.qinqing.support.TickingClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Questions through the real portal, the outbox and WireMock's WeChat, on a clock set to a Tuesday morning (a
 * school day, outside quiet hours) that the reminder tests move on. Each test gets its own class, head teacher,
 * another class's teacher, a school leader and a guardian in the demo tenant, and asserts only on their pushes.
 */
@Import(InboxChatTestSupport.ClockConfiguration.class)
@TestPropertySource(properties = { "wechat.timestamp-tolerance=15d", "qinqing.calls.poll-interval=6h",
		"qinqing.test.tenant-suffix=-inbox", "qinqing.demo.staff-accounts=false",
		"qinqing.console.admin.username=admin-inbox-chat" })
abstract class InboxChatTestSupport extends PortalTestSupport {

	/**
	 * This context's own tenant (its account's): only its outbox consumer and job poller, on the moved clock, work
	 * for it. The suite's other contexts, on the real clock (at night: quiet hours), work for {@link #TENANT}.
	 */
	static final String INBOX = TENANT + "-inbox";

	@Autowired
	TickingClock clock;

	@Autowired
	SchoolRecords records;

	@Autowired
	Directory directory;

	@Autowired
	Inbox inbox;

	String classId;

	String teacher;

	String otherTeacher;

	String leader;

	CallFamily guardian;

	@BeforeEach
	void people() {
		WECHAT_API.stubFor(WireMock.post(urlPathEqualTo("/cgi-bin/stable_token"))
			.willReturn(WireMock.okJson("{\"access_token\":\"T-INBOX\",\"expires_in\":7200}")));
		WECHAT_API.stubFor(WireMock.post(urlPathEqualTo(CUSTOM)).willReturn(WireMock.okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
		this.clock.set(TestDates.TODAY.with(TemporalAdjusters.next(DayOfWeek.TUESDAY)).atTime(10, 0));
		String id = UUID.randomUUID().toString().substring(0, 6);
		this.classId = "ib-" + id;
		String otherClass = "ib-other-" + id;
		this.records.save(INBOX, new SchoolClass(this.classId, "", 3, 7, "三年级(7)班", "t-ib-" + id));
		this.records.save(INBOX, new SchoolClass(otherClass, "", 3, 8, "三年级(8)班", "t-ib-o-" + id));
		this.teacher = staff("t-ib-" + id, Role.TEACHER, "周明", List.of(this.classId));
		this.otherTeacher = staff("t-ib-o-" + id, Role.TEACHER, "吴芳", List.of(otherClass));
		this.leader = staff("a-ib-" + id, Role.ADMIN, "郑校长", List.of());
		this.guardian = CallFamily.create(this.records, this.directory, INBOX, Role.GUARDIAN, this.classId);
		for (String openid : List.of(this.teacher, this.otherTeacher, this.leader, this.guardian.openid())) {
			// each has written lately: replies go as customer-service messages inside the 48 h window
			resetSession(openid);
			say(openid, "菜单");
		}
	}

	@AfterEach
	void forgetLeader() {
		// the demo tenant is shared: leave no extra leader to be told of other tests' matters
		this.records.delete(INBOX, this.leaderId());
	}

	private String leaderId() {
		return this.leader.substring("inbox-".length());
	}

	private String staff(String personId, Role role, String name, List<String> classes) {
		this.records.save(INBOX, new Person(personId, role, name, "", List.of(), classes));
		String openid = "inbox-" + personId;
		this.directory.bind(INBOX, openid, personId);
		return openid;
	}

	@Override
	protected String sessionTenant() {
		return INBOX;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		@Primary
		TickingClock inboxClock() {
			return new TickingClock();
		}

	}

}
