package org.qinqing.calls;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinqing.conversation.Wording;
import org.qinqing.notify.Message;
import org.qinqing.notify.Outbox;
import org.qinqing.people.Child;
import org.qinqing.people.ChildRole;
import org.qinqing.people.ChildRoles;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.BotScripts;
import org.qinqing.system.SchoolTime;
import org.springframework.stereotype.Service;

/**
 * What the school's people are told about calls, through the outbox. Every message has an idempotency
 * key {@code call:<tenant>:<subject>:<what>:<openid>}, so a repeated event, job or closure queues nothing
 * new. Wording in {@code bot-scripts/calls-notices.yaml}; children are named by given name and class,
 * never with phone numbers.
 *
 * <ul>
 * <li>Booked: the child's other parents get a confirmation (the booker was answered in the chat), the duty
 * teacher (the class's head teacher, else the paired teacher) and the guardians (not the booker) a notice.</li>
 * <li>Cancelled: the teacher and guardians are told it is off; when the school closed the day, the parents
 * and the booker get the three nearest free times.</li>
 * <li>Reminders (jobs of {@link CallSchedule}): the day before and 30 minutes before, to the parents and the
 * booker, only while the booking is active (a day-before reminder run late, when the half-hour one is due,
 * is dropped).</li>
 * </ul>
 */
@Service
public class CallNotices {

	static final String PREFIX = "calls-notices.";

	private static final String[] KEYS = { "title-booked", "title-duty",
			"title-cancelled", "title-reminder", "title-offer", "title-closed", "status-booked", "status-cancelled",
			"status-remind-day", "status-remind-30", "status-offer", "status-closed", "status-wait-closed",
			"status-moved", "booked", "booked-duty", "booked-guardian", "cancelled-duty", "cancelled-guardian",
			"moved-duty", "remind-day", "remind-30", "offer", "closed", "closed-alternatives",
			"closed-no-alternatives", "closed-time-separator", "wait-closed", "title-offer-lapsed",
			"status-offer-lapsed", "offer-lapsed" };

	private final Outbox outbox;

	private final SchoolRecords records;

	private final BotScripts scripts;

	private final Wording wording;

	private final ChildRoles roles;

	private final SlotCalendar calendar;

	private final Bookings bookings;

	private final Clock clock;

	CallNotices(Outbox outbox, SchoolRecords records, BotScripts scripts, Wording wording, ChildRoles roles,
			SlotCalendar calendar, Bookings bookings, Clock clock) {
		this.outbox = outbox;
		this.roles = roles;
		this.records = records;
		this.scripts = scripts;
		this.wording = wording;
		this.calendar = calendar;
		this.bookings = bookings;
		this.clock = clock;
		List<String> keys = new ArrayList<>();
		for (String key : KEYS) {
			keys.add(PREFIX + key);
		}
		scripts.require(keys.toArray(String[]::new));
	}

	void booked(String tenant, Booking b) {
		if (started(b)) {
			return;
		}
		Family family = family(tenant, b.childId(), b.bookedBy());
		Map<String, Object> p = params(tenant, b, family);
		Map<String, String> fields = fields(family, b.start(), b.station(), "status-booked");
		Set<String> booker = Set.of(b.bookedBy());
		// the booker had the chat's answer; the other parents a confirmation, the duty teacher and guardians a notice
		this.outbox.toRole(tenant, b.childId(), ChildRole.PARENTS,
				message("call-booked", key(tenant, b.number(), "booked"), text("booked", p), "title-booked", fields), booker);
		this.outbox.toRole(tenant, b.childId(), ChildRole.DUTY_TEACHER,
				message("call-duty", key(tenant, b.number(), "duty"), text("booked-duty", p), "title-duty", fields));
		this.outbox.toRole(tenant, b.childId(), ChildRole.GUARDIANS, message("call-duty",
				key(tenant, b.number(), "guardian"), text("booked-guardian", p), "title-duty", fields), booker);
	}

	void cancelled(String tenant, Booking b, String reason) {
		if (started(b)) {
			return;
		}
		Family family = family(tenant, b.childId(), b.bookedBy());
		Map<String, Object> p = params(tenant, b, family);
		Map<String, String> fields = fields(family, b.start(), b.station(), "status-cancelled");
		if (Bookings.CLOSED.equals(reason)) {
			closed(tenant, b, family, p);
		}
		else {
			this.outbox.toRole(tenant, b.childId(), ChildRole.DUTY_TEACHER, message("call-cancelled",
					key(tenant, b.number(), "off-duty"), text("cancelled-duty", p), "title-cancelled", fields));
		}
		this.outbox.toRole(tenant, b.childId(), ChildRole.GUARDIANS, message("call-cancelled",
				key(tenant, b.number(), "off-guardian"), text("cancelled-guardian", p), "title-cancelled", fields),
				Set.of(b.bookedBy()));
	}

	private void closed(String tenant, Booking b, Family family, Map<String, Object> p) {
		List<Slot> nearest = this.calendar.nearestFree(tenant, b.start(), 3);
		String alternatives;
		if (nearest.isEmpty()) {
			alternatives = this.scripts.text(PREFIX + "closed-no-alternatives");
		}
		else {
			List<String> times = new ArrayList<>();
			List<Slot> inOrder = new ArrayList<>(nearest);
			inOrder.sort(java.util.Comparator.comparing(Slot::start));
			for (Slot slot : inOrder) {
				times.add(when(slot.start()));
			}
			alternatives = this.scripts.text(PREFIX + "closed-alternatives",
					Map.of("times", String.join(this.scripts.text(PREFIX + "closed-time-separator"), times)));
		}
		Map<String, Object> params = new LinkedHashMap<>(p);
		params.put("alternatives", alternatives);
		params.put("date", date(b.start().toLocalDate()));
		Map<String, String> fields = fields(family, b.start(), b.station(), "status-closed");
		toParentsAnd(tenant, b.childId(), b.bookedBy(),
				message("call-cancelled", key(tenant, b.number(), "closed"), text("closed", params), "title-closed", fields));
	}

	/** Nobody needs news of a call that has begun (a job run late after an outage, or records entered afterwards). */
	private boolean started(Booking b) {
		return !b.start().isAfter(SlotCalendar.now(this.clock));
	}

	/** The closure moved a booking to another station: only the duty teacher needs to know. */
	void moved(String tenant, Booking b, String station) {
		Family family = family(tenant, b.childId(), b.bookedBy());
		Map<String, Object> p = new LinkedHashMap<>(params(tenant, b, family));
		p.put("station", station);
		this.outbox.toRole(tenant, b.childId(), ChildRole.DUTY_TEACHER, message("call-duty",
				key(tenant, b.number(), "moved-" + station), text("moved-duty", p), "title-duty",
				fields(family, b.start(), station, "status-moved")));
	}

	/** A reminder job: sent to the parents and the booker while the booking is active and not started. */
	void remind(String tenant, String number, String which) {
		Optional<Booking> found = this.bookings.booking(tenant, number);
		if (found.isEmpty() || !this.bookings.isActive(tenant, number)) {
			return;
		}
		Booking b = found.get();
		LocalDateTime now = SlotCalendar.now(this.clock);
		if (!b.start().isAfter(now) || ("remind-day".equals(which) && !now.isBefore(b.start().minusMinutes(30)))) {
			return; // over, or a day-before reminder so late that the half-hour one is due
		}
		Family family = family(tenant, b.childId(), b.bookedBy());
		Map<String, Object> p = params(tenant, b, family);
		Map<String, String> fields = fields(family, b.start(), b.station(), "status-" + which);
		toParentsAnd(tenant, b.childId(), b.bookedBy(),
				message("call-reminder", key(tenant, number, which), text(which, p), "title-reminder", fields));
	}

	/** A freed seat is held for the family: its parents and the person who joined the queue are told. */
	void offered(String tenant, String familyId, String childId, String personId, LocalDateTime start,
			Instant expiresAt) {
		Family family = family(tenant, childId, personId);
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("when", when(start));
		p.put("until", this.wording.time(SchoolTime.local(expiresAt)));
		String subject = "offer:" + familyId + ":" + Bookings.slotId(start) + ":" + expiresAt.getEpochSecond();
		Map<String, String> fields = fields(family, start, null, "status-offer");
		toParentsAnd(tenant, childId, personId,
				message("call-offer", key(tenant, subject, "offer"), text("offer", p), "title-offer", fields));
	}

	/** The family let a held seat's time pass: it went to the next family, and the family is no longer waiting. */
	void offerLapsed(String tenant, String familyId, String childId, String personId, LocalDateTime start,
			Instant expiredAt) {
		Family family = family(tenant, childId, personId);
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("when", when(start));
		p.put("until", this.wording.time(SchoolTime.local(expiredAt)));
		String subject = "offer:" + familyId + ":" + Bookings.slotId(start) + ":" + expiredAt.getEpochSecond();
		Map<String, String> fields = fields(family, start, null, "status-offer-lapsed");
		toParentsAnd(tenant, childId, personId, message("call-offer", key(tenant, subject, "lapsed"),
				text("offer-lapsed", p), "title-offer-lapsed", fields));
	}

	/** A closure ended the family's wait (or held offer) for a slot of that date. */
	void waitClosed(String tenant, String familyId, String childId, String personId, LocalDateTime start) {
		Family family = family(tenant, childId, personId);
		Map<String, Object> p = Map.of("when", when(start), "date", date(start.toLocalDate()));
		String subject = "wait:" + familyId + ":" + Bookings.slotId(start);
		toParentsAnd(tenant, childId, personId, message("call-cancelled", key(tenant, subject, "closed"),
				text("wait-closed", p), "title-closed", fields(family, start, null, "status-wait-closed")));
	}

	/** The child's parents and one more person (who booked or joined the queue, often a parent), once each. */
	private void toParentsAnd(String tenant, String childId, String personId, Message message) {
		Set<String> people = new LinkedHashSet<>(this.roles.people(tenant, childId, ChildRole.PARENTS));
		if (personId != null && !personId.isBlank()) {
			people.add(personId);
		}
		this.outbox.toPeople(tenant, people, message);
	}

	private Message message(String kind, String key, String text, String titleKey, Map<String, String> fields) {
		return Message.of(kind, key, text, this.scripts.text(PREFIX + titleKey), fields);
	}

	private Map<String, Object> params(String tenant, Booking b, Family family) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("when", when(b.start()));
		p.put("child", family.childName());
		p.put("class", family.className());
		p.put("who", family.booker());
		p.put("station", b.station());
		p.put("number", b.number());
		return p;
	}

	private Map<String, String> fields(Family family, LocalDateTime start, String station, String statusKey) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("child", Message.field(family.childName()));
		fields.put("time", Message.field(shortWhen(start)));
		if (station != null) {
			fields.put("place", Message.field(station));
		}
		fields.put("status", Message.field(this.scripts.text(PREFIX + statusKey)));
		return fields;
	}

	private String text(String key, Map<String, Object> params) {
		return this.scripts.text(PREFIX + key, params);
	}

	String when(LocalDateTime at) {
		return this.wording.when(at);
	}

	private String shortWhen(LocalDateTime at) {
		return this.wording.shortWhen(at);
	}

	private String date(LocalDate date) {
		return this.wording.date(date);
	}

	private static String key(String tenant, String subject, String what) {
		return "call:" + tenant + ":" + subject + ":" + what;
	}


	/** What the wording says of the call's child and who booked it: given name, class, 母亲 or the name. */
	private Family family(String tenant, String childId, String bookerId) {
		Optional<Child> child = this.records.child(tenant, childId);
		String name = child.map(this.wording::givenName).orElse("");
		String className = child.flatMap(c -> this.records.schoolClass(tenant, c.classId()))
			.map(SchoolClass::name)
			.orElse("");
		String booker = this.records.person(tenant, bookerId)
			.map(p -> p.relation() == null || p.relation().isBlank() ? p.name() : p.relation())
			.orElse("");
		return new Family(name, className, booker);
	}

	private record Family(String childName, String className, String booker) {
	}

}
