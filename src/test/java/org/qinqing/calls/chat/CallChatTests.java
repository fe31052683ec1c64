package org.qinqing.calls.chat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qinqing.calls.Booking;
import org.qinqing.calls.Bookings;
import org.qinqing.calls.CallFamily;
import org.qinqing.calls.CallOutcome;
import org.qinqing.calls.CallOutcomes;
import org.qinqing.calls.CallSettings;
import org.qinqing.calls.CallWaitlist;
import org.qinqing.calls.CallsTestData;
import org.qinqing.calls.CancelOutcome;
import org.qinqing.calls.ExtraOpening;
import org.qinqing.calls.Offer;
import org.qinqing.calls.Slot;
import org.qinqing.calls.SlotCalendar;
import org.qinqing.people.Role;
import org.qinqing.system.SchoolTime;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking, moving, cancelling and marking calls in chat, through the real portal (signed XML in, reply
 * out), with fresh families in the demo school so each test starts from nothing booked.
 */
class CallChatTests extends CallChatTestSupport {

	@Autowired
	CallOutcomes outcomes;

	@Autowired
	CallWaitlist waitlist;

	@Test
	void aParentWithOneChildBooksInFourMessagesAndIsToldWhatHappensNext() {
		CallFamily parent = family(Role.PARENT);
		String day = say(parent, "预约视频");
		assertThat(day).contains("晓雨", "每次 15 分钟", "哪一天方便", "1. ").doesNotContain("哪个孩子");
		String times = say(parent, firstFree(day));
		assertThat(times).contains("几点方便", "1. ");
		String confirm = say(parent, firstFree(times));
		assertThat(confirm).contains("请确认", "孩子：晓雨", "时间：", "1. 确认预约", "2. 不约了");
		String booked = say(parent, "1");
		assertThat(booked).contains("约好了！预约号 V", "会带晓雨", "到学校亲情室", "和您通话", "回复「我的预约」");
		List<Booking> upcoming = this.bookings.upcoming(TENANT, parent.familyId());
		assertThat(upcoming).hasSize(1);
		assertThat(booked).contains(upcoming.get(0).number());
		assertThat(upcoming.get(0).bookedBy()).isEqualTo(parent.personId());
	}

	@Test
	void wrongNumbersAreAskedAgainAndBackAndCancelWorkMidBooking() {
		CallFamily parent = family(Role.PARENT);
		String days = say(parent, "预约视频");
		String times = say(parent, firstFree(days));
		assertThat(say(parent, "99")).contains("请回复时间前面的数字", "几点方便", "1. ");
		assertThat(say(parent, "下午")).contains("请回复时间前面的数字");
		assertThat(say(parent, "返回")).contains("哪一天方便").doesNotContain("几点方便");
		assertThat(say(parent, firstFree(days))).isEqualTo(times);
		assertThat(say(parent, firstFree(times))).contains("请确认");
		assertThat(say(parent, "取消")).contains("已取消");
		assertThat(this.bookings.upcoming(TENANT, parent.familyId())).isEmpty();
		assertThat(say(parent, "上一步")).contains("1. 预约亲情视频").doesNotContain("几点方便");
		// the only child was never asked, so going back from the days leaves the booking
		assertThat(say(parent, "预约视频")).contains("哪一天方便");
		assertThat(say(parent, "返回")).contains("1. 预约亲情视频").doesNotContain("哪一天方便", "哪个孩子");
	}

	@Test
	void aParentWhoseSeatWentWhileConfirmingIsOfferedTheNearestFreeTimesAndBooksOneWithOneNumber() {
		CallFamily parent = family(Role.PARENT);
		assertThat(toConfirm(parent)).contains("1. 确认预约");
		LocalDateTime wanted = chosenTime(parent);
		fill(wanted);
		String reply = say(parent, "1");
		assertThat(reply).contains("刚才这个时间被别的家长约走了", "最近的空闲时间", "1. ", "3. ");
		String nearest = reply.substring(reply.indexOf("1. ") + 3).lines().findFirst().orElseThrow();
		assertThat(say(parent, "1")).contains("约好了！预约号 V");
		Booking booked = this.bookings.upcoming(TENANT, parent.familyId()).get(0);
		assertThat(booked.start()).isNotEqualTo(wanted);
		assertThat(nearest).contains(String.valueOf(booked.start().getDayOfMonth()) + "日",
				booked.start().getHour() + ":" + String.format("%02d", booked.start().getMinute()));
	}

	@Test
	void aFullTimeIsMarkedInTheListAndLeadsToTheNearestFreeTimes() {
		CallFamily parent = family(Role.PARENT);
		FullTime full = atAFullTime(parent);
		assertThat(full.times().lines().filter(line -> line.startsWith(full.number() + ". ")).findFirst().orElseThrow())
			.contains("（已约满，可以排队）");
		String confirm = full.confirm();
		assertThat(confirm).contains("看看离它最近的空位").doesNotContain("确认预约");
		String nearest = say(parent, "看看离它最近的空位");
		assertThat(nearest).contains("最近的空闲时间", "1. ");
	}

	@Test
	void myBookingsListsTheCallAndCancelsItAfterAConfirmation() {
		CallFamily parent = family(Role.PARENT);
		toConfirm(parent);
		String booked = say(parent, "1");
		String number = this.bookings.upcoming(TENANT, parent.familyId()).get(0).number();
		assertThat(booked).contains(number);
		String mine = say(parent, "我的预约");
		assertThat(mine).contains("您家的视频预约", "1. ", number);
		assertThat(say(parent, "1")).contains(number, "1. 改时间", "2. 取消这次视频", "3. 不用改，保留");
		assertThat(say(parent, "2")).contains("确定要取消", number, "1. 确定取消");
		assertThat(say(parent, "1")).contains("已取消");
		assertThat(this.bookings.upcoming(TENANT, parent.familyId())).isEmpty();
		assertThat(say(parent, "我的预约")).contains("现在没有约好的视频");
	}

	@Test
	void keepingTheBookingChangesNothingAndSaysWhichCallStays() {
		CallFamily parent = family(Role.PARENT);
		toConfirm(parent);
		say(parent, "1");
		String number = this.bookings.upcoming(TENANT, parent.familyId()).get(0).number();
		say(parent, "我的预约");
		say(parent, "1");
		assertThat(say(parent, "3")).contains("这次视频保留着", number);
		assertThat(this.bookings.upcoming(TENANT, parent.familyId())).hasSize(1);
	}

	@Test
	void notCancellingAfterAllSaysTheCallStays() {
		CallFamily parent = family(Role.PARENT);
		toConfirm(parent);
		say(parent, "1");
		String number = this.bookings.upcoming(TENANT, parent.familyId()).get(0).number();
		say(parent, "我的预约");
		say(parent, "1");
		assertThat(say(parent, "取消这次视频")).contains("2. 不取消，保留");
		assertThat(say(parent, "不取消，保留")).contains("这次视频保留着", "照常进行", number).doesNotContain("已取消");
		assertThat(this.bookings.upcoming(TENANT, parent.familyId())).extracting(Booking::number).containsExactly(number);
	}

	@Test
	void notMovingACallAfterAllSaysTheOldBookingStays() {
		CallFamily parent = family(Role.PARENT);
		toConfirm(parent);
		say(parent, "1");
		String number = this.bookings.upcoming(TENANT, parent.familyId()).get(0).number();
		say(parent, "我的预约");
		say(parent, "1");
		String days = say(parent, "改时间");
		String times = say(parent, firstFree(days));
		String confirm = say(parent, firstFree(times));
		assertThat(confirm).contains("不约了");
		assertThat(say(parent, "不约了")).contains("原来的预约 " + number + " 还保留着");
		assertThat(this.bookings.upcoming(TENANT, parent.familyId())).extracting(Booking::number).containsExactly(number);
	}

	@Test
	void aGuardianBooksFromTheMenuAndIsToldTheChildTalksWithTheParents() {
		CallFamily guardian = family(Role.GUARDIAN);
		String menu = say(guardian, "菜单");
		String days = say(guardian, String.valueOf(itemNumber(menu, "约孩子和爸爸妈妈视频")));
		assertThat(days).contains("哪一天方便");
		String times = say(guardian, firstFree(days));
		assertThat(say(guardian, firstFree(times))).contains("请确认", "1. 确认预约");
		String booked = say(guardian, "1");
		assertThat(booked).contains("约好了！预约号 V", "会带晓雨到学校亲情室", "和孩子的爸爸妈妈视频",
				"孩子的爸爸妈妈也会收到通知", "也可以到学校亲情室来", "回复「孩子的视频预约」")
			.doesNotContain("和您通话");
		assertThat(this.bookings.upcoming(TENANT, guardian.familyId())).extracting(Booking::bookedBy)
			.containsExactly(guardian.personId());
	}

	@Test
	void aGuardianMayBookWhenTheSchoolAllowsIt() {
		CallFamily guardian = family(Role.GUARDIAN);
		assertThat(toConfirm(guardian)).contains("1. 确认预约");
		assertThat(say(guardian, "1")).contains("约好了！预约号 V");
		assertThat(this.bookings.upcoming(TENANT, guardian.familyId())).extracting(Booking::bookedBy)
			.containsExactly(guardian.personId());
	}

	@Test
	void aVisitorIsAskedToBindFirst() {
		String openid = "call-visitor-" + System.nanoTime();
		resetSession(openid);
		assertThat(wechat().text(openid, "预约视频").reply()).contains("请先回复「绑定」").doesNotContain("哪一天方便");
	}

	@Test
	void aGuardianIsToldWhenTheSchoolLeavesBookingToParents() {
		CallSettings saved = this.settings.settings(TENANT);
		this.settings.save(TENANT, saved.withGuardiansMayBook(false));
		try {
			CallFamily guardian = family(Role.GUARDIAN);
			assertThat(say(guardian, "预约视频")).contains("学校目前请孩子的爸爸妈妈自己预约视频", "回复「我的预约」")
				.doesNotContain("哪一天方便");
			CallFamily parent = family(Role.PARENT);
			assertThat(say(parent, "预约视频")).contains("哪一天方便");
		}
		finally {
			this.redis.delete(CallsTestData.settingsKey(TENANT));
		}
	}

	@Test
	void aTeacherMarksTodaysCallOfTheirClassInTwoTaps() {
		LocalDate today = SlotCalendar.now(java.time.Clock.systemUTC()).toLocalDate();
		CallSettings saved = this.settings.settings(TENANT);
		String station = saved.stations().get(0);
		this.settings.save(TENANT, saved.withExtraOpening(new ExtraOpening(today, LocalTime.MIDNIGHT,
				LocalTime.of(0, 30), station)));
		try {
			teacherMarks(today, station);
		}
		finally {
			// the tenant is shared by the run's tests: leave the default call settings behind
			this.redis.delete(CallsTestData.settingsKey(TENANT));
		}
	}

	private void teacherMarks(LocalDate today, String station) {
		CallFamily parent = family(Role.PARENT);
		Bookings yesterday = CallsTestData.bookings(this.redis, this.settings,
				CallsTestData.clock(today.minusDays(1).atTime(12, 0)));
		Booking booking = yesterday.book(TENANT, parent.familyId(), parent.childId(), parent.personId(),
				today.atTime(0, 0)).booking().orElseThrow();
		String teacher = CallFamily.teacher(this.records, this.directory, TENANT, this.classId);
		String otherClass = this.records.ids(TENANT, "class").get(1);
		String stranger = CallFamily.teacher(this.records, this.directory, TENANT, otherClass);
		resetSession(teacher);
		resetSession(stranger);

		String list = wechat().text(teacher, "今天的视频").reply();
		assertThat(list).contains("0:00 晓雨", station, "未记录");
		assertThat(wechat().text(stranger, "今天的视频").reply()).doesNotContain("晓雨");
		int item = itemNumber(list, "0:00 晓雨");
		assertThat(wechat().text(teacher, String.valueOf(item)).reply()).contains("通话情况怎么样", "3. 家长没上线");
		assertThat(wechat().text(teacher, "3").reply()).contains("已记下", "家长没上线");
		assertThat(this.outcomes.mark(TENANT, booking.number())).get()
			.extracting(CallOutcomes.Mark::outcome)
			.isEqualTo(CallOutcome.PARENT_NO_SHOW);
		assertThat(wechat().text(teacher, "今天的视频").reply()).contains("家长没上线");
	}

	@Test
	void aParentWaitsForAFullTimeIsOfferedTheFreedSeatAndTakesItWithConfirm() {
		CallFamily parent = family(Role.PARENT);
		FullTime full = atAFullTime(parent);
		LocalDateTime slot = full.slot();
		List<CallFamily> others = full.others();
		assertThat(full.confirm()).contains("1. 这个时间已约满：排队等空位");
		assertThat(say(parent, "1")).contains("已帮您排队等", "回复「确认」就能约上");
		assertThat(say(parent, "我的预约")).contains("排队中：");
		// typed inside the 我的预约 list: a command, not a wrong answer
		assertThat(say(parent, "确认")).as("nothing offered yet").contains("现在没有为您留着的空位");

		Booking taken = this.bookings.between(TENANT, slot, slot.plusMinutes(1))
			.stream()
			.filter(b -> others.stream().anyMatch(o -> o.familyId().equals(b.familyId())))
			.findFirst()
			.orElseThrow();
		assertThat(this.bookings.cancel(TENANT, taken.familyId(), taken.number())).isEqualTo(CancelOutcome.CANCELLED);
		assertThat(this.waitlist.pendingOffer(TENANT, parent.familyId())).get()
			.extracting(Offer::slotStart)
			.isEqualTo(slot);
		assertThat(say(parent, "我的预约")).contains("有一个空位为您留着", "回复「确认」");
		say(parent, "菜单");
		assertThat(say(parent, "确认")).contains("约好了！预约号 V");
		assertThat(this.bookings.upcoming(TENANT, parent.familyId())).extracting(Booking::start).containsExactly(slot);
	}

	@Test
	void aParentLeavesTheWaitlistFromMyBookings() {
		CallFamily parent = family(Role.PARENT);
		LocalDateTime slot = atAFullTime(parent).slot();
		say(parent, "1");
		assertThat(this.waitlist.waiting(TENANT, parent.familyId())).containsExactly(slot);
		assertThat(say(parent, "我的预约")).contains("1. 排队中：");
		assertThat(say(parent, "1")).contains("1. 不排队了");
		assertThat(say(parent, "1")).contains("已不再排队");
		assertThat(this.waitlist.waiting(TENANT, parent.familyId())).isEmpty();
	}

	@Test
	void aParentMovesACallToAnotherTimeEvenWhenTheWeekIsAtTheCap() {
		CallFamily parent = family(Role.PARENT);
		toConfirm(parent);
		say(parent, "1");
		Booking first = this.bookings.upcoming(TENANT, parent.familyId()).get(0);
		// a second call the same week reaches the cap of 2
		LocalDate monday = first.start().toLocalDate().with(java.time.DayOfWeek.MONDAY);
		LocalDateTime sameWeek = java.util.stream.IntStream.range(0, 7)
			.mapToObj(monday::plusDays)
			.flatMap(date -> this.calendarSlots(date).stream())
			.filter(start -> !start.equals(first.start()))
			.filter(start -> this.bookings.book(TENANT, parent.familyId(), parent.childId(), parent.personId(), start)
				.isBooked())
			.findFirst()
			.orElseThrow();
		assertThat(this.bookings.upcoming(TENANT, parent.familyId())).hasSize(2);

		say(parent, "我的预约");
		assertThat(say(parent, "1")).contains("1. 改时间");
		String days = say(parent, "1");
		assertThat(days).contains("改时间：请选新的时间", "哪一天方便").doesNotContain("哪个孩子");
		int pick = 0;
		LocalDateTime moved = null;
		for (String day : days.lines().filter(l -> l.matches("^\\d+\\. .*") && !l.contains("已约满")).toList()) {
			String times = say(parent, day.substring(0, day.indexOf('.')));
			for (String line : times.lines().filter(l -> l.matches("^\\d+\\. .*")).toList()) {
				int number = Integer.parseInt(line.substring(0, line.indexOf('.')));
				LocalDateTime start = timeOf(parent, number);
				if (!line.contains("已约满") && !start.equals(first.start()) && !start.equals(sameWeek)) {
					pick = number;
					moved = start;
					break;
				}
			}
			if (pick > 0) {
				break;
			}
			assertThat(say(parent, "返回")).contains("哪一天方便");
		}
		assertThat(pick).as("a free time other than the family's own calls").isPositive();
		assertThat(say(parent, String.valueOf(pick))).contains("1. 确认预约");
		assertThat(say(parent, "1")).contains("改好了！新的预约号 V", "原来的 " + first.number() + " 已取消");
		assertThat(this.bookings.upcoming(TENANT, parent.familyId())).extracting(Booking::start)
			.containsExactlyInAnyOrder(moved, sameWeek);
	}

	private List<LocalDateTime> calendarSlots(LocalDate date) {
		return this.settings.settings(TENANT) == null ? List.of()
				: SlotCalendar.slotsOn(this.settings.settings(TENANT), date, java.util.Map.of())
					.stream()
					.filter(s -> s.start().isAfter(LocalDateTime.now(SchoolTime.ZONE).plusHours(3)))
					.filter(s -> s.free() > 0)
					.map(Slot::start)
					.toList();
	}

	private String json(CallFamily parent, String answer) {
		String session = sessionJson(parent.openid());
		int at = session.indexOf("\"" + answer + "\":\"") + answer.length() + 4;
		return session.substring(at, session.indexOf('"', at));
	}

	private static int itemNumber(String list, String text) {
		for (String line : list.lines().toList()) {
			if (line.contains(text) && line.matches("^\\d+\\. .*")) {
				return Integer.parseInt(line.substring(0, line.indexOf('.')));
			}
		}
		throw new AssertionError("no item with " + text + " in " + list);
	}

	/** The parent at the confirmation of a time that filled up while they were choosing it. */
	private record FullTime(LocalDateTime slot, List<CallFamily> others, int number, String times, String confirm) {
	}

	/** 预约视频 → a day → (the first free time fills up) → 返回 → the same day → that time. */
	private FullTime atAFullTime(CallFamily parent) {
		String days = say(parent, "预约视频");
		int free = Integer.parseInt(firstFree(say(parent, firstFree(days))));
		LocalDateTime slot = timeOf(parent, free);
		List<CallFamily> others = fill(slot);
		assertThat(say(parent, "返回")).contains("哪一天方便");
		String times = say(parent, firstFree(days));
		return new FullTime(slot, others, free, times, say(parent, String.valueOf(free)));
	}

}
