package org.qinqing.calls;

import org.qinqing.system.SchoolTime;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.qinqing.people.Child;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Bookings for tests, made through {@link Bookings#book} with a clock set the day before the call. */
public final class CallsTestData {

	private final StringRedisTemplate redis;

	private final CallSettingsStore settings;

	private final SchoolRecords records;

	public CallsTestData(StringRedisTemplate redis, CallSettingsStore settings, SchoolRecords records) {
		this.redis = redis;
		this.settings = settings;
		this.records = records;
	}

	public static Clock clock(LocalDateTime schoolTime) {
		return Clock.fixed(ZonedDateTime.of(schoolTime, SchoolTime.ZONE).toInstant(), SchoolTime.ZONE);
	}

	/** Books the call as the child's first parent (or any adult of the child), the day before at 10:00. */
	public Booking book(String tenant, Child child, LocalDateTime start) {
		String bookedBy = this.records.adultsOf(tenant, child.id())
			.stream()
			.filter(p -> p.role() == Role.PARENT || p.role() == Role.GUARDIAN)
			.sorted((a, b) -> Boolean.compare(b.role() == Role.PARENT, a.role() == Role.PARENT))
			.map(Person::id)
			.findFirst()
			.orElse("parent-" + child.familyId());
		Bookings bookings = new Bookings(this.redis, this.settings, clock(start.toLocalDate().minusDays(1).atTime(10, 0)));
		BookingResult result = bookings.book(tenant, child.familyId(), child.id(), bookedBy, start);
		if (!result.isBooked()) {
			throw new IllegalStateException("could not book " + start + " for " + child.id() + ": " + result.outcome());
		}
		return result.booking().get();
	}

	/**
	 * Books the child's call in the first slot of {@code day} with a seat left: for tests in the shared demo school,
	 * whose own calls and other tests' may have taken a slot.
	 */
	public Booking bookFirstFree(String tenant, Child child, LocalDate day) {
		Bookings bookings = new Bookings(this.redis, this.settings, clock(day.minusDays(1).atTime(10, 0)));
		Map<LocalDateTime, Integer> taken = bookings.takenSeats(tenant, day.atStartOfDay(), day.plusDays(1).atStartOfDay());
		for (Slot slot : SlotCalendar.slotsOn(this.settings.settings(tenant), day, taken)) {
			if (slot.free() > 0) {
				return book(tenant, child, slot.start());
			}
		}
		throw new IllegalStateException("no free slot on " + day);
	}

	public List<Child> children(String tenant) {
		List<Child> children = new ArrayList<>();
		this.records.ids(tenant, "child").forEach(id -> this.records.child(tenant, id).ifPresent(children::add));
		return children;
	}

	/** The last weekday (Monday to Friday: the default hours open them at 16:30) {@code days} or more before {@code from}. */
	public static LocalDate weekdayBefore(LocalDate from, int days) {
		LocalDate date = from.minusDays(days);
		while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
			date = date.minusDays(1);
		}
		return date;
	}

	/** The default call settings (two stations, weekday afternoons and Saturday morning). */
	public static CallSettings defaultSettings() {
		return SlotCalendarTests.defaults();
	}

	public static final String PHONE = SlotCalendarTests.PHONE;

	public static final String TABLET = SlotCalendarTests.TABLET;

	/** Bookings as seen at another time (no events): for calls booked "before" a test's now. */
	public static Bookings bookings(StringRedisTemplate redis, CallSettingsStore settings, Clock clock) {
		return new Bookings(redis, settings, clock);
	}

	/** The Redis key of a tenant's saved call settings: deleting it restores the defaults. */
	public static String settingsKey(String tenant) {
		return CallSettingsStore.key(tenant);
	}

}
