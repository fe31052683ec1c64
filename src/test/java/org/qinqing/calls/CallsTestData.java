package org.qinqing.calls;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.qinqing.people.Child;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Bookings for tests, made through {@link Bookings#book} with a clock set the day before the call. */
final class CallsTestData {

	private final StringRedisTemplate redis;

	private final CallSettingsStore settings;

	private final SchoolRecords records;

	CallsTestData(StringRedisTemplate redis, CallSettingsStore settings, SchoolRecords records) {
		this.redis = redis;
		this.settings = settings;
		this.records = records;
	}

	static Clock clock(LocalDateTime schoolTime) {
		return Clock.fixed(ZonedDateTime.of(schoolTime, CallSettings.ZONE).toInstant(), CallSettings.ZONE);
	}

	/** Books the call as the child's first parent (or any adult of the child), the day before at 10:00. */
	Booking book(String tenant, Child child, LocalDateTime start) {
		String bookedBy = this.records.adultsOf(tenant, child.id())
			.stream()
			.filter(p -> p.role() == Role.PARENT)
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

	List<Child> children(String tenant) {
		List<Child> children = new ArrayList<>();
		this.records.ids(tenant, "child").forEach(id -> this.records.child(tenant, id).ifPresent(children::add));
		return children;
	}

	/** The last weekday (Monday to Friday: the default hours open them at 16:30) {@code days} or more before {@code from}. */
	static LocalDate weekdayBefore(LocalDate from, int days) {
		LocalDate date = from.minusDays(days);
		while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
			date = date.minusDays(1);
		}
		return date;
	}

}
