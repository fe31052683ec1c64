package org.qinqing.calls;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.qinqing.jobs.DueJobs;
import org.qinqing.jobs.JobsProperties;
import org.qinqing.notify.Outbox;
import org.qinqing.people.Child;
import org.qinqing.people.Directory;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.StoppedClock;
import org.qinqing.system.BotScripts;
import org.qinqing.system.RedisKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;

import tools.jackson.databind.json.JsonMapper;


/**
 * The calls services of one fresh tenant, built by hand on a clock the test moves (as another instance
 * would build them), with their events wired to each other as Spring wires them. The tenant is served by
 * no outbox consumer, so what the outbox queued stays in its stream for the test to read.
 *
 * <p>Every family {@code fN} has a child 王子涵N in 三年级(1)班 (head teacher {@code teacher}), a mother
 * {@code mum-fN} (the booker in {@link #book}), a father {@code dad-fN} and a grandmother {@code gran-fN},
 * each bound to the openid {@code o-<person>}.
 */
abstract class CallsTestSupport extends PortalTestSupport {

	static final LocalDateTime MONDAY_10 = SlotCalendarTests.MONDAY_10;

	static final LocalDateTime MONDAY_1630 = MONDAY_10.withHour(16).withMinute(30);

	static final Duration OFFER_HOLD = Duration.ofMinutes(15);

	@Autowired
	CallSettingsStore settings;

	@Autowired
	SchoolRecords records;

	@Autowired
	Directory directory;

	@Autowired
	Outbox outbox;

	@Autowired
	BotScripts scripts;

	@Autowired
	org.qinqing.conversation.Wording wording;

	@Autowired
	org.qinqing.people.ChildRoles roles;

	String tenant;

	StoppedClock clock;

	Bookings bookings;

	SlotCalendar calendar;

	CallNotices notices;

	CallWaitlist waitlist;

	/** The due jobs of calls, as another instance would run them. */
	DueJobs schedule;

	CallClosures closures;

	/** Events as published, in order. */
	final List<Object> events = java.util.Collections.synchronizedList(new ArrayList<>());

	@BeforeEach
	void freshCalls() {
		this.tenant = TENANT + "-calls-" + UUID.randomUUID().toString().substring(0, 8);
		this.clock = new StoppedClock(MONDAY_10);
		this.events.clear();
		this.records.save(this.tenant, new SchoolClass("c3-1", "s1", 3, 1, "三年级(1)班", "teacher"));
		this.records.save(this.tenant, new Person("teacher", Role.TEACHER, "李老师", "", List.of(), List.of("c3-1")));
		this.directory.bind(this.tenant, "o-teacher", "teacher");
		build();
	}

	/** Builds the services anew (as a restarted or second instance would), all on {@link #clock}. */
	void build() {
		CallTimings timings = new CallTimings(OFFER_HOLD, Duration.ofSeconds(30));
		this.bookings = new Bookings(this.redis, this.settings, this.clock, this::publish);
		this.calendar = new SlotCalendar(this.settings, this.bookings, this.clock);
		this.notices = new CallNotices(this.outbox, this.records, this.scripts, this.wording, this.roles, this.calendar,
				this.bookings, this.clock);
		this.waitlist = new CallWaitlist(this.redis, this.settings, this.bookings, this.notices, timings, this.clock);
		this.schedule = new DueJobs(this.redis, this.clock, JobsProperties.defaults(),
				new CallJobs(this.bookings, this.notices, this.waitlist).handlers());
		this.closures = new CallClosures(this.settings, this.bookings, this.waitlist, this.notices, this.clock);
	}

	private void publish(Object event) {
		this.events.add(event);
		// as CallJobsRunner does: the notices the change scheduled run at once
		if (event instanceof CallBooked booked) {
			this.schedule.runNow(this.tenant, CallJobs.BOOKED, booked.booking().number());
		}
		else if (event instanceof CallCancelled cancelled) {
			this.schedule.runNow(this.tenant, CallJobs.CANCELLED, cancelled.booking().number());
		}
	}

	/** Saves a family's child and adults and binds each adult to {@code o-<person id>}. */
	void family(String family) {
		String child = "child-" + family;
		this.records.save(this.tenant, new Child(child, "王子涵" + family.substring(1), "c3-1", LeftBehindType.BOTH_AWAY,
				family, ""));
		adult("mum-" + family, Role.PARENT, "母亲", child);
		adult("dad-" + family, Role.PARENT, "父亲", child);
		adult("gran-" + family, Role.GUARDIAN, "祖母", child);
	}

	private void adult(String id, Role role, String relation, String child) {
		this.records.save(this.tenant, new Person(id, role, "某" + relation, relation, List.of(child), List.of()));
		this.directory.bind(this.tenant, "o-" + id, id);
	}

	/** The family's mother books for its child. */
	BookingResult book(String family, LocalDateTime slot) {
		return this.bookings.book(this.tenant, family, "child-" + family, "mum-" + family, slot);
	}

	WaitOutcome join(String family, LocalDateTime slot) {
		return this.waitlist.join(this.tenant, family, "child-" + family, "mum-" + family, slot);
	}

	String number(BookingResult result) {
		return result.booking().orElseThrow().number();
	}

	/** A message the outbox queued (and nobody has sent: no consumer serves the tenant). */
	record Queued(String openid, String kind, String key, String text, Map<String, String> fields) {
	}

	/** Everything the outbox queued for the tenant, in order. */
	@SuppressWarnings("unchecked")
	List<Queued> queued() {
		JsonMapper json = JsonMapper.builder().build();
		List<MapRecord<String, Object, Object>> entries = this.redis.opsForStream()
			.range(RedisKeys.of(this.tenant, "outbox:stream"), Range.unbounded());
		List<Queued> queued = new ArrayList<>();
		for (MapRecord<String, Object, Object> entry : entries == null ? List.<MapRecord<String, Object, Object>>of()
				: entries) {
			String id = String.valueOf(entry.getValue().get("id"));
			String payload = (String) this.redis.opsForHash().get(RedisKeys.of(this.tenant, "outbox:msg", id), "n");
			Map<String, Object> n = json.readValue(payload, Map.class);
			queued.add(new Queued((String) n.get("openid"), (String) n.get("kind"), (String) n.get("idempotencyKey"),
					(String) n.get("text"), (Map<String, String>) n.get("fields")));
		}
		return queued;
	}

	List<Queued> queuedTo(String personId) {
		return queued().stream().filter(q -> q.openid().equals("o-" + personId)).toList();
	}

	private static final String[] WEEKDAYS = { "周一", "周二", "周三", "周四", "周五", "周六", "周日" };

	/** A time as the notices word it: 周三 12月2日 17:15 (the tests' dates are derived from today). */
	static String when(LocalDateTime at) {
		return WEEKDAYS[at.getDayOfWeek().getValue() - 1] + " " + shortWhen(at);
	}

	/** A time as a template field holds it: 12月2日 17:15. */
	static String shortWhen(LocalDateTime at) {
		return date(at.toLocalDate()) + " " + String.format("%02d:%02d", at.getHour(), at.getMinute());
	}

	/** 12月1日 */
	static String date(java.time.LocalDate day) {
		return day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
	}

	/** The keys of the tenant's pending due jobs ({@code <kind>:<subject>}), soonest first. */
	List<String> pendingJobs() {
		return this.schedule.upcoming(this.tenant, 1000).stream().map(v -> v.kind() + ":" + v.subject()).toList();
	}

	/** A crash after a job's messages were queued and before it was removed: the job is due again. */
	void jobDueAgain(String kind, String subject) {
		this.schedule.schedule(this.tenant, kind, subject, this.clock.instant().minusSeconds(1), Map.of());
	}

}
