package org.qinqing.calls;

import org.qinqing.system.SchoolTime;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.qinqing.people.Child;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * A demo school's calls, so its console and chat are not empty: the last four weeks' calls with how
 * they went (mostly held, some absent children, a family that twice did not call) and a few calls in
 * the coming days, today's included, one seat per slot so parents can still book every time. Each is
 * booked as its parent would have, a day or two before; calls that had begun send no notices.
 */
@Service
public class DemoCalls {

	private static final int PAST_DAYS = 28;

	/** Today and the next days that get a few calls. */
	private static final int COMING_DAYS = 5;

	private final StringRedisTemplate redis;

	private final CallSettingsStore settings;

	private final CallOutcomes outcomes;

	private final SchoolRecords records;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DemoCalls(StringRedisTemplate redis, CallSettingsStore settings, CallOutcomes outcomes, SchoolRecords records,
			ApplicationEventPublisher events, Clock clock) {
		this.redis = redis;
		this.settings = settings;
		this.outcomes = outcomes;
		this.records = records;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Seeds calls for the left-behind children of {@code children}, leaving out the families in
	 * {@code keepFree} (the simulator's personas start with nothing booked): the last four weeks and the
	 * coming days, counted from today, for the days after {@code seededThrough} (null: none seeded yet). A
	 * demo started again weeks later so gets the days it missed, and always looks alive.
	 *
	 * @return the number of calls booked
	 */
	public int seed(String tenant, List<Child> children, Set<String> keepFree, LocalDate seededThrough) {
		List<Child> eligible = children.stream()
			.filter(c -> c.leftBehind().isLeftBehind() && !keepFree.contains(c.familyId()))
			.toList();
		if (eligible.isEmpty()) {
			return 0;
		}
		CallSettings s = this.settings.settings(tenant);
		LocalDate today = SlotCalendar.now(this.clock).toLocalDate();
		LocalDate first = today.minusDays(PAST_DAYS);
		if (seededThrough != null && seededThrough.isAfter(first.minusDays(1))) {
			first = seededThrough.plusDays(1);
		}
		int booked = 0;
		// vary who comes first from one top-up to the next
		int next = (int) Math.floorMod(first.toEpochDay(), eligible.size());
		// the past four weeks: one call a school day, rotating through the children and the day's slots
		for (LocalDate date = first; date.isBefore(today); date = date.plusDays(1)) {
			List<Slot> slots = SlotCalendar.slotsOn(s, date, java.util.Map.of());
			if (slots.isEmpty()) {
				continue;
			}
			Child child = eligible.get(next % eligible.size());
			Slot slot = slots.get(next % slots.size());
			String number = book(tenant, child, slot.start());
			if (number != null) {
				booked++;
				this.outcomes.markRegardlessOfTime(tenant, number, outcomeFor(next), headTeacher(tenant, child));
			}
			next++;
		}
		// the family that twice did not call: the console lists it under repeated no-shows
		Child missing = eligible.get(0);
		for (int week = 1; week <= 2; week++) {
			LocalDate day = today.minusWeeks(week).with(DayOfWeek.WEDNESDAY);
			List<Slot> slots = SlotCalendar.slotsOn(s, day, java.util.Map.of());
			if (!slots.isEmpty() && day.isBefore(today) && !day.isBefore(first)) {
				String number = book(tenant, missing, slots.get(slots.size() - 1).start());
				if (number != null) {
					booked++;
					this.outcomes.markRegardlessOfTime(tenant, number, CallOutcome.PARENT_NO_SHOW, headTeacher(tenant, missing));
				}
			}
		}
		// today and the next days: a few calls, never both seats of a slot
		for (LocalDate date = first.isAfter(today) ? first : today; date.isBefore(comingThrough(today).plusDays(1));
				date = date.plusDays(1)) {
			List<Slot> slots = SlotCalendar.slotsOn(s, date, java.util.Map.of());
			for (int i = 0; i < slots.size(); i += 2) {
				if (book(tenant, eligible.get(next % eligible.size()), slots.get(i).start()) != null) {
					booked++;
				}
				next++;
			}
		}
		return booked;
	}

	/** The last day {@link #seed} fills when run {@code today}: what the caller records as seeded. */
	public static LocalDate comingThrough(LocalDate today) {
		return today.plusDays(COMING_DAYS - 1);
	}

	/** 8 in 10 held, then a child absent, then a parent who did not call. */
	private static CallOutcome outcomeFor(int n) {
		return switch (n % 10) {
			case 7 -> CallOutcome.CHILD_ABSENT;
			case 9 -> CallOutcome.PARENT_NO_SHOW;
			default -> CallOutcome.HELD;
		};
	}

	/** The child's head teacher, who brought the child and marked the call in chat, as teachers do. */
	private CallOutcomes.Marker headTeacher(String tenant, Child child) {
		return this.records.schoolClass(tenant, child.classId())
			.flatMap(c -> this.records.person(tenant, c.headTeacherId()))
			.map(teacher -> CallOutcomes.Marker.wechat(teacher.id(), teacher.name()))
			.orElse(CallOutcomes.Marker.console("demo", ""));
	}

	/** Books as the child's parent (else any adult) would have, two days before the call. */
	private String book(String tenant, Child child, LocalDateTime start) {
		String by = this.records.adultsOf(tenant, child.id())
			.stream()
			.filter(p -> p.role() == Role.PARENT || p.role() == Role.GUARDIAN)
			.sorted((a, b) -> Boolean.compare(b.role() == Role.PARENT, a.role() == Role.PARENT))
			.map(Person::id)
			.findFirst()
			.orElse(null);
		if (by == null) {
			return null;
		}
		LocalDateTime bookedAt = start.minusDays(2).withHour(20).withMinute(0);
		Clock then = Clock.fixed(ZonedDateTime.of(bookedAt, SchoolTime.ZONE).toInstant(), SchoolTime.ZONE);
		BookingResult result = new Bookings(this.redis, this.settings, then, this.events).book(tenant,
				child.familyId(), child.id(), by, start);
		return result.booking().map(Booking::number).orElse(null);
	}

}
