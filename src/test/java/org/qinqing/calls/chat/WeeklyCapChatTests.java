package org.qinqing.calls.chat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qinqing.calls.CallDay;
import org.qinqing.calls.CallFamily;
import org.qinqing.calls.CallSettings;
import org.qinqing.calls.CallsTestData;
import org.qinqing.calls.Slot;
import org.qinqing.calls.SlotCalendar;
import org.qinqing.people.Role;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A family at its weekly cap (2 calls per ISO week by default) is told so before it picks a day, with the
 * week it can still book, and the full week's days are marked and cannot be picked.
 */
class WeeklyCapChatTests extends CallChatTestSupport {

	@Autowired
	SlotCalendar calendar;

	/** The free slots of the window by the Monday of their week, in time order. */
	private Map<LocalDate, List<LocalDateTime>> freeByWeek() {
		Map<LocalDate, List<LocalDateTime>> weeks = new LinkedHashMap<>();
		for (CallDay day : this.calendar.freeDays(TENANT)) {
			for (Slot slot : day.freeSlots()) {
				weeks.computeIfAbsent(day.date().with(DayOfWeek.MONDAY), w -> new ArrayList<>()).add(slot.start());
			}
		}
		return weeks;
	}

	/** Books {@code calls} calls for the family in the first week of the window that has room for them; its Monday. */
	private LocalDate bookWeek(CallFamily family, Map<LocalDate, List<LocalDateTime>> weeks, int calls) {
		for (Map.Entry<LocalDate, List<LocalDateTime>> week : weeks.entrySet()) {
			int booked = 0;
			for (LocalDateTime start : week.getValue()) {
				if (booked < calls && this.bookings.book(TENANT, family.familyId(), family.childId(), family.personId(),
						start).isBooked()) {
					booked++;
				}
			}
			if (booked == calls) {
				return week.getKey();
			}
			this.bookings.upcoming(TENANT, family.familyId())
				.forEach(b -> this.bookings.cancel(TENANT, family.familyId(), b.number()));
		}
		throw new AssertionError("no week of the window with " + calls + " free slots");
	}

	private static boolean inWeek(String date, LocalDate monday) {
		LocalDate day = LocalDate.parse(date);
		return !day.isBefore(monday) && day.isBefore(monday.plusWeeks(1));
	}

	@Test
	void aFamilyAtTheCapIsToldFirstAndTheFullWeeksDaysCannotBePicked() {
		CallFamily parent = family(Role.PARENT);
		Map<LocalDate, List<LocalDateTime>> weeks = freeByWeek();
		LocalDate full = bookWeek(parent, weeks, 2);

		String days = say(parent, "预约视频");
		assertThat(days).contains("您家", "已经约满 2 次视频了", "每个家庭每周最多 2 次", "还可以约", "哪一天方便")
			.contains(full.getMonthValue() + "月" + full.getDayOfMonth() + "日到");
		List<String> shown = shown(parent, "day");
		List<String> lines = days.lines().filter(line -> line.matches("^\\d+\\. .*")).toList();
		assertThat(lines).hasSameSizeAs(shown);
		String fullDay = null;
		for (int i = 0; i < shown.size(); i++) {
			if (inWeek(shown.get(i), full)) {
				assertThat(lines.get(i)).contains("这一周已约满2次").doesNotContain("有空位");
				fullDay = fullDay == null ? String.valueOf(i + 1) : fullDay;
			}
			else {
				assertThat(lines.get(i)).doesNotContain("这一周已约满");
			}
		}
		assertThat(fullDay).as("a day of the full week is listed").isNotNull();

		assertThat(say(parent, fullDay)).contains("这一周您家的视频已经约满了", "哪一天方便").doesNotContain("几点方便");
		assertThat(say(parent, firstFree(days))).contains("几点方便");
	}

	@Test
	void aFamilyAtTheCapInEveryWeekOfTheWindowIsToldAtOnceAndNoDaysAreListed() {
		CallSettings saved = this.settings.settings(TENANT);
		this.settings.save(TENANT, saved.withFamilyCapPerWeek(1));
		try {
			CallFamily parent = family(Role.PARENT);
			Map<LocalDate, List<LocalDateTime>> weeks = freeByWeek();
			for (List<LocalDateTime> week : weeks.values()) {
				assertThat(week.stream()
					.anyMatch(start -> this.bookings
						.book(TENANT, parent.familyId(), parent.childId(), parent.personId(), start)
						.isBooked())).isTrue();
			}
			String reply = say(parent, "预约视频");
			assertThat(reply).contains("都已经约满 1 次视频了", "现在约不了新的", "回复「我的预约」")
				.doesNotContain("哪一天方便");
		}
		finally {
			this.redis.delete(CallsTestData.settingsKey(TENANT));
		}
	}

}
