package org.qinqing.calls.chat;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qinqing.calls.CallDay;
import org.qinqing.calls.CallFamily;
import org.qinqing.calls.Slot;
import org.qinqing.calls.SlotCalendar;
import org.qinqing.people.Role;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A time the family holds already is never offered to it again: not as a nearest free time, not in the list. */
class NearestFreeTimesTests extends CallChatTestSupport {

	@Autowired
	SlotCalendar calendar;

	/** Two slots one after the other, the first with both seats free, the second with a seat free. */
	private record Pair(LocalDateTime held, LocalDateTime wanted) {
	}

	private Pair twoSlotsInARow() {
		for (CallDay day : this.calendar.freeDays(TENANT)) {
			List<Slot> free = day.freeSlots();
			for (int i = 0; i + 1 < free.size(); i++) {
				Slot first = free.get(i);
				if (first.free() >= 2 && free.get(i + 1).start().equals(first.end())) {
					return new Pair(first.start(), free.get(i + 1).start());
				}
			}
		}
		throw new AssertionError("no two free slots in a row in the window");
	}

	private static String number(List<String> shown, Object value) {
		int index = shown.indexOf(value.toString());
		assertThat(index).as(value + " in " + shown).isNotNegative();
		return String.valueOf(index + 1);
	}

	@Test
	void whenTheWantedTimeIsTakenTheNearestFreeTimesLeaveOutTheFamilysOwnCall() {
		CallFamily parent = family(Role.PARENT);
		Pair pair = twoSlotsInARow();
		assertThat(this.bookings.book(TENANT, parent.familyId(), parent.childId(), parent.personId(), pair.held())
			.isBooked()).isTrue();

		say(parent, "预约视频");
		String times = say(parent, number(shown(parent, "day"), pair.wanted().toLocalDate()));
		String heldNumber = number(shown(parent, "time"), pair.held());
		assertThat(times.lines().filter(line -> line.startsWith(heldNumber + ". ")).findFirst().orElseThrow())
			.contains("您家已约了这个时间");
		assertThat(say(parent, heldNumber)).contains("这个时间您家已经约好了", "几点方便").doesNotContain("请确认");
		assertThat(say(parent, number(shown(parent, "time"), pair.wanted()))).contains("请确认", "1. 确认预约");

		fill(pair.wanted());
		String nearest = say(parent, "1");
		assertThat(nearest).contains("刚才这个时间被别的家长约走了", "最近的空闲时间", "1. ");
		assertThat(shown(parent, "time")).isNotEmpty().doesNotContain(pair.held().toString());
	}

}
