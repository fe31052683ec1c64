package org.qinqing.calls.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qinqing.calls.Booking;
import org.qinqing.calls.Bookings;
import org.qinqing.calls.CallOutcome;
import org.qinqing.calls.CallOutcomes;
import org.qinqing.calls.SlotCalendar;
import org.qinqing.console.StaffUser;
import org.qinqing.people.Child;
import org.qinqing.people.ChildAccess;
import org.qinqing.people.SchoolClass;
import org.springframework.stereotype.Service;

/**
 * The call figures the console shows, always within what the user may see ({@link ChildAccess}):
 * calls held this month and the month before (in all and per class), left-behind children whose parents never had a held
 * call, and families whose parents missed calls again and again.
 */
@Service
public class CallStats {

	/** Parent no-shows within {@link #NO_SHOW_PERIOD_DAYS} days that make a family worth a phone call. */
	static final int NO_SHOW_THRESHOLD = 2;

	static final int NO_SHOW_PERIOD_DAYS = 60;

	/** Bookings are looked at from here on: the product did not exist before. */
	private static final LocalDateTime EPOCH = LocalDateTime.of(2020, 1, 1, 0, 0);

	/**
	 * The month's figures as of {@code asOf} (school time).
	 *
	 * @param heldByClass held calls per visible class, in grade order (classes with none too)
	 * @param heldLastMonth held calls of the month before, beside this month's (which on the 1st is nearly none)
	 * @param heldByClassLastMonth the month before's, per class in the same order
	 * @param neverHeld visible left-behind children no booking of whom has a held mark
	 */
	public record Summary(LocalDateTime asOf, int heldThisMonth, Map<SchoolClass, Integer> heldByClass,
			int heldLastMonth, Map<SchoolClass, Integer> heldByClassLastMonth, List<Child> neverHeld) {
	}

	/** A family with repeated parent no-shows: the visible children their bookings were for. */
	public record NoShowFamily(String familyId, List<Child> children, int noShows, LocalDate lastNoShow) {
	}

	private final Bookings bookings;

	private final CallOutcomes outcomes;

	private final ChildAccess access;

	private final Clock clock;

	CallStats(Bookings bookings, CallOutcomes outcomes, ChildAccess access, Clock clock) {
		this.bookings = bookings;
		this.outcomes = outcomes;
		this.access = access;
		this.clock = clock;
	}

	public Summary summary(StaffUser user) {
		LocalDateTime now = SlotCalendar.now(this.clock);
		Map<String, Child> visible = visibleChildren(user);
		List<Booking> all = this.bookings.between(user.tenant(), EPOCH, now.plusDays(1));
		Map<String, CallOutcomes.Mark> marks = this.outcomes.marks(user.tenant(),
				all.stream().map(Booking::number).toList());
		LocalDateTime monthStart = now.toLocalDate().withDayOfMonth(1).atStartOfDay();
		LocalDateTime lastMonthStart = monthStart.minusMonths(1);
		LocalDateTime nextMonth = monthStart.plusMonths(1);
		Map<String, Integer> perClassId = new LinkedHashMap<>();
		Map<String, Integer> perClassIdLastMonth = new LinkedHashMap<>();
		Set<String> childrenWithHeldCall = new HashSet<>();
		int held = 0;
		int heldLastMonth = 0;
		for (Booking booking : all) {
			CallOutcomes.Mark mark = marks.get(booking.number());
			Child child = visible.get(booking.childId());
			if (mark == null || mark.outcome() != CallOutcome.HELD || child == null) {
				continue;
			}
			childrenWithHeldCall.add(child.id());
			if (!booking.start().isBefore(monthStart) && booking.start().isBefore(nextMonth)) {
				held++;
				perClassId.merge(child.classId(), 1, Integer::sum);
			}
			else if (!booking.start().isBefore(lastMonthStart) && booking.start().isBefore(monthStart)) {
				heldLastMonth++;
				perClassIdLastMonth.merge(child.classId(), 1, Integer::sum);
			}
		}
		Map<SchoolClass, Integer> heldByClass = new LinkedHashMap<>();
		Map<SchoolClass, Integer> heldByClassLastMonth = new LinkedHashMap<>();
		for (SchoolClass schoolClass : this.access.visibleClasses(user)) {
			heldByClass.put(schoolClass, perClassId.getOrDefault(schoolClass.id(), 0));
			heldByClassLastMonth.put(schoolClass, perClassIdLastMonth.getOrDefault(schoolClass.id(), 0));
		}
		List<Child> neverHeld = visible.values()
			.stream()
			.filter(child -> child.leftBehind().isLeftBehind() && !childrenWithHeldCall.contains(child.id()))
			.toList();
		return new Summary(now, held, heldByClass, heldLastMonth, heldByClassLastMonth, neverHeld);
	}

	/** Families with at least two parent no-shows in the last 60 days, the most no-shows first. */
	public List<NoShowFamily> repeatedNoShows(StaffUser user) {
		LocalDateTime now = SlotCalendar.now(this.clock);
		Map<String, Child> visible = visibleChildren(user);
		List<Booking> recent = this.bookings.between(user.tenant(), now.minusDays(NO_SHOW_PERIOD_DAYS), now);
		Map<String, CallOutcomes.Mark> marks = this.outcomes.marks(user.tenant(),
				recent.stream().map(Booking::number).toList());
		Map<String, List<Booking>> byFamily = new LinkedHashMap<>();
		for (Booking booking : recent) {
			CallOutcomes.Mark mark = marks.get(booking.number());
			if (mark != null && mark.outcome() == CallOutcome.PARENT_NO_SHOW && visible.containsKey(booking.childId())) {
				byFamily.computeIfAbsent(booking.familyId(), f -> new ArrayList<>()).add(booking);
			}
		}
		List<NoShowFamily> families = new ArrayList<>();
		byFamily.forEach((family, missed) -> {
			if (missed.size() >= NO_SHOW_THRESHOLD) {
				List<Child> children = missed.stream().map(b -> visible.get(b.childId())).distinct().toList();
				LocalDate last = missed.stream().map(b -> b.start().toLocalDate()).max(Comparator.naturalOrder()).get();
				families.add(new NoShowFamily(family, children, missed.size(), last));
			}
		});
		families.sort(Comparator.comparingInt(NoShowFamily::noShows).reversed()
			.thenComparing(NoShowFamily::lastNoShow, Comparator.reverseOrder()));
		return families;
	}

	private Map<String, Child> visibleChildren(StaffUser user) {
		Map<String, Child> visible = new LinkedHashMap<>();
		this.access.visibleChildren(user).forEach(child -> visible.put(child.id(), child));
		return visible;
	}

}
