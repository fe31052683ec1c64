package org.qinqing.parenting.push;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.qinqing.jobs.DueJobs;
import org.qinqing.notify.Outbox;
import org.qinqing.people.Directory;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.TestDates;
import org.qinqing.support.TickingClock;
import org.qinqing.system.SchoolTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;

/**
 * The weekly push in a tenant of its own ({@link #T}: only this context's outbox consumer and job runs, on a clock
 * the tests move, work for it), with a small template quota (100 a day, 10% reserve: 90 lessons a day), small
 * batches and the lessons side faked ({@link FakeWeeklyLessons}). The job poll runs every 200 ms, on the moved clock, as in
 * production. Each test pushes a week of its own, some weeks ahead, to people and openids of its own.
 */
@Import(PushTestSupport.Fakes.class)
@TestPropertySource(properties = { "qinqing.test.tenant-suffix=-pushdemo", "qinqing.demo.staff-accounts=false",
		"qinqing.console.admin.username=admin-push", "qinqing.notify.templates.lesson=TPL_LESSON",
		"qinqing.notify.daily-template-quota=100", "qinqing.notify.rate-per-second=200",
		"qinqing.notify.poll-interval=20ms", "qinqing.parenting.push.enabled=true", "qinqing.parenting.push.batch=40", "qinqing.jobs.poll-interval=200ms",
		"qinqing.calls.poll-interval=6h" })
abstract class PushTestSupport extends PortalTestSupport {

	/**
	 * The push's tenant: a second account of this context's, with no demo data (whose messages held overnight would
	 * go, and use the quota, when a test moves the clock to an evening).
	 */
	static final String T = TENANT + "-push";

	/** This context's default tenant, with the demo school and its first admin. */
	static final String DEMO = TENANT + "-pushdemo";

	static final String TEMPLATE = "/cgi-bin/message/template/send";

	private static final Pattern TOUSER = Pattern.compile("\"touser\":\"([^\"]+)\"");

	/** Weeks handed out to tests, so no two push the same week (or use the same days' quota). */
	private static final AtomicInteger WEEKS = new AtomicInteger(3);

	@Autowired
	TickingClock clock;

	@Autowired
	FakeWeeklyLessons lessons;

	@Autowired
	DueJobs jobs;

	@Autowired
	Directory directory;

	@Autowired
	Outbox outbox;

	@Autowired
	PushStore store;

	@Autowired
	PushSchedule schedule;

	@DynamicPropertySource
	static void pushTenant(DynamicPropertyRegistry registry) {
		registry.add("wechat.accounts[0].app-id", () -> "wxpushtest000001");
		registry.add("wechat.accounts[0].secret", () -> "push-secret");
		registry.add("wechat.accounts[0].token", () -> "pushtoken");
		registry.add("wechat.accounts[0].tenant", () -> T);
	}

	@BeforeEach
	void stubWechat() {
		WECHAT_API.stubFor(WireMock.post(urlPathEqualTo("/cgi-bin/stable_token"))
			.willReturn(WireMock.okJson("{\"access_token\":\"T-PUSH\",\"expires_in\":7200}")));
		WECHAT_API.stubFor(WireMock.post(urlPathEqualTo(TEMPLATE))
			.willReturn(WireMock.okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":1}")));
	}

	/** A Friday (the push day) weeks ahead of the real clock that no other test uses, at the push time. */
	LocalDate freshWeek() {
		LocalDate week = TestDates.TODAY.with(TemporalAdjusters.next(DayOfWeek.FRIDAY))
			.plusWeeks(WEEKS.getAndAdd(2));
		this.clock.set(week.atTime(19, 0));
		return week;
	}

	void at(LocalDate day, LocalTime time) {
		this.clock.set(day.atTime(time));
	}

	/** {@code n} people bound to one openid each; their openids start with the returned prefix. */
	String audience(int n) {
		String prefix = "o-push-" + System.nanoTime() + "-";
		List<String> people = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String person = "p" + prefix.substring(7) + i;
			this.directory.bind(T, prefix + i, person);
			people.add(person);
		}
		this.lessons.audience(T, people);
		return prefix;
	}

	/** Schedules the week's push (as the start does) and waits for its job to have run. */
	WeekPush awaitRun(LocalDate week, java.util.function.Predicate<WeekPush> until) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.store.week(T, week).filter(until).isPresent());
		return this.store.week(T, week).orElseThrow();
	}

	int attempts(LocalDate week) {
		return this.jobs.pending(T, PushSchedule.KIND, week.toString()).map(org.qinqing.jobs.DueJob::attempts).orElse(-1);
	}

	/** Template messages WeChat received per openid of this prefix. */
	static Map<String, Integer> received(String prefix) {
		Map<String, Integer> counts = new HashMap<>();
		for (LoggedRequest request : WECHAT_API
			.findAll(postRequestedFor(urlPathEqualTo(TEMPLATE)).withRequestBody(containing(prefix)))) {
			Matcher to = TOUSER.matcher(request.getBodyAsString());
			if (to.find()) {
				counts.merge(to.group(1), 1, Integer::sum);
			}
		}
		return counts;
	}

	static int total(Map<String, Integer> counts) {
		return counts.values().stream().mapToInt(Integer::intValue).sum();
	}

	void awaitReceived(String prefix, int messages) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> total(received(prefix)) >= messages);
	}

	java.time.Instant due(LocalDate week) {
		return this.jobs.dueAt(T, PushSchedule.KIND, week.toString()).orElse(null);
	}

	static java.time.Instant instant(LocalDate day, LocalTime time) {
		return SchoolTime.instant(day.atTime(time));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Fakes {

		@Bean
		@Primary
		TickingClock movableClock() {
			return new TickingClock();
		}

		@Bean
		@Primary
		FakeWeeklyLessons fakeWeeklyLessons() {
			return new FakeWeeklyLessons();
		}

	}

}
