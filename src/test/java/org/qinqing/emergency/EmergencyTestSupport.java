package org.qinqing.emergency;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.jobs.DueJobs;
import org.qinqing.people.CardField;
import org.qinqing.people.Child;
import org.qinqing.people.ContactCards;
import org.qinqing.people.Directory;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.ConsoleBrowser;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Emergencies through the real portal, the outbox, the due jobs and WireMock's WeChat, in a tenant of this context's
 * own (only its consumer and poller, on the moved clock, work for it), on a clock set to a Tuesday at 10:00 that the
 * tests move on. Each test gets its own class with a head teacher (the reporter), another class and its teacher, a
 * leader, and a child with a bound grandmother, a bound father and a mother bound to nobody, whose numbers are on
 * the contact card.
 */
@Import(EmergencyTestSupport.ClockConfiguration.class)
@TestPropertySource(properties = { "wechat.timestamp-tolerance=15d", "qinqing.calls.poll-interval=6h",
		"qinqing.test.tenant-suffix=-emergency", "qinqing.demo.staff-accounts=false",
		"qinqing.console.admin.username=admin-emergency", "qinqing.emergency.delivery-check=2s",
		"qinqing.emergency.school-phone=0000-7654321" })
abstract class EmergencyTestSupport extends PortalTestSupport {

	static final String EMERGENCY = TENANT + "-emergency";

	static final String GRANDMOTHER_PHONE = "13900001111";

	static final String FATHER_PHONE = "13900002222";

	static final String MOTHER_PHONE = "13900003333";

	static final String PASSWORD = "emergency-pw";

	private static final Pattern NUMBER = Pattern.compile("编号 (E\\d+)");

	@Autowired
	TickingClock clock;

	@Autowired
	SchoolRecords records;

	@Autowired
	Directory directory;

	@Autowired
	ContactCards cards;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	DueJobs jobs;

	@Autowired
	Incidents incidents;

	String id;

	String classId;

	String teacher;

	String teacherId;

	String otherTeacher;

	String otherTeacherId;

	String leader;

	String leaderId;

	Child child;

	String grandmother;

	String grandmotherId;

	String father;

	String fatherId;

	String motherId;

	@BeforeEach
	void school() {
		WECHAT_API.stubFor(WireMock.post(urlPathEqualTo("/cgi-bin/stable_token"))
			.willReturn(WireMock.okJson("{\"access_token\":\"T-EMERGENCY\",\"expires_in\":7200}")));
		WECHAT_API.stubFor(WireMock.post(urlPathEqualTo(CUSTOM))
			.willReturn(WireMock.okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
		this.clock.set(TestDates.TODAY.with(TemporalAdjusters.next(DayOfWeek.TUESDAY)).atTime(10, 0));
		this.id = UUID.randomUUID().toString().substring(0, 6);
		this.classId = "em-" + this.id;
		String otherClass = "em-o-" + this.id;
		this.teacherId = "em-t-" + this.id;
		this.otherTeacherId = "em-to-" + this.id;
		this.records.save(EMERGENCY, new SchoolClass(this.classId, "", 4, 7, "四年级(7)班", this.teacherId));
		this.records.save(EMERGENCY, new SchoolClass(otherClass, "", 4, 8, "四年级(8)班", this.otherTeacherId));
		this.teacher = staff(this.teacherId, Role.TEACHER, "周明", List.of(this.classId));
		this.otherTeacher = staff(this.otherTeacherId, Role.TEACHER, "吴芳", List.of(otherClass));
		this.leaderId = "em-a-" + this.id;
		this.leader = staff(this.leaderId, Role.ADMIN, "郑明", List.of());
		this.child = new Child("em-c-" + this.id, "林晓雨", this.classId, LeftBehindType.BOTH_AWAY, "em-f-" + this.id, "");
		this.records.save(EMERGENCY, this.child);
		this.grandmotherId = "em-g-" + this.id;
		this.fatherId = "em-fa-" + this.id;
		this.motherId = "em-mo-" + this.id;
		this.records.save(EMERGENCY, new Person(this.grandmotherId, Role.GUARDIAN, "王秀英", "祖母",
				List.of(this.child.id()), List.of(), GRANDMOTHER_PHONE));
		this.records.save(EMERGENCY, new Person(this.fatherId, Role.PARENT, "林建国", "父亲", List.of(this.child.id()),
				List.of(), FATHER_PHONE));
		this.records.save(EMERGENCY, new Person(this.motherId, Role.PARENT, "陈丽", "母亲", List.of(this.child.id()),
				List.of(), ""));
		this.cards.update(EMERGENCY, this.child.id(), Map.of(CardField.GUARDIAN_NAME, "王秀英", CardField.GUARDIAN_RELATION,
				"祖母", CardField.GUARDIAN_PHONE, GRANDMOTHER_PHONE, CardField.FATHER_NAME, "林建国", CardField.FATHER_PHONE,
				FATHER_PHONE, CardField.MOTHER_NAME, "陈丽", CardField.MOTHER_PHONE, MOTHER_PHONE), "测试");
		this.grandmother = "em-gm-" + this.id;
		this.directory.bind(EMERGENCY, this.grandmother, this.grandmotherId);
		this.father = "em-fo-" + this.id;
		this.directory.bind(EMERGENCY, this.father, this.fatherId);
		for (String openid : List.of(this.teacher, this.otherTeacher, this.leader, this.grandmother, this.father)) {
			// each has written lately: pushes go as customer-service messages inside the 48 h window
			resetSession(openid);
			say(openid, "菜单");
		}
	}

	@AfterEach
	void forgetLeader() {
		// leave no extra leader to be told of other tests' incidents, and no incident open for the next test
		this.records.delete(EMERGENCY, this.leaderId);
		this.incidents.open(EMERGENCY).forEach(i -> this.incidents.close(EMERGENCY, i, "", "测试结束"));
	}

	private String staff(String personId, Role role, String name, List<String> classes) {
		this.records.save(EMERGENCY, new Person(personId, role, name, "", List.of(), classes));
		String openid = "em-" + personId;
		this.directory.bind(EMERGENCY, openid, personId);
		return openid;
	}

	@Override
	protected String sessionTenant() {
		return EMERGENCY;
	}

	/** 紧急 → (the class has one child: not asked which) → 受伤 → 学校医务室 → the words; the reply. */
	String report() {
		assertThat(say(this.teacher, "紧急")).contains("孩子怎么了", "1. 受伤").doesNotContain("是哪个孩子");
		assertThat(say(this.teacher, "1")).contains("孩子现在在哪里", "1. 学校医务室");
		assertThat(say(this.teacher, "1")).contains("简单说一下经过");
		return say(this.teacher, "课间在操场摔倒，右膝擦伤");
	}

	static String number(String reply) {
		Matcher m = NUMBER.matcher(reply);
		assertThat(m.find()).as("an incident's number in: %s", reply).isTrue();
		return m.group(1);
	}

	Incident incident(String number) {
		return this.incidents.incident(EMERGENCY, number).orElseThrow();
	}

	/** Moves the clock on, lets the staff write again (their 48 h window), and runs what is due, twice. */
	void later(Duration by) {
		this.clock.advance(by);
		say(this.teacher, "菜单");
		say(this.leader, "菜单");
		this.jobs.runDue(EMERGENCY);
		this.jobs.runDue(EMERGENCY);
	}

	/** A console sign-in of the class's teacher (or the other class's). */
	ConsoleBrowser console(String personId, StaffRole role) {
		String username = "em-" + personId;
		if (!this.accounts.exists(username)) {
			this.accounts.save(new StaffUser(username, EMERGENCY, role, personId, "老师"), PASSWORD);
		}
		ConsoleBrowser browser = new ConsoleBrowser(this.port);
		assertThat(browser.signIn(username, PASSWORD).location()).endsWith("/console");
		return browser;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		@Primary
		TickingClock emergencyClock() {
			return new TickingClock();
		}

	}

	static LocalDateTime tuesday(int hour, int minute) {
		return TestDates.TODAY.with(TemporalAdjusters.next(DayOfWeek.TUESDAY)).atTime(hour, minute);
	}

}
