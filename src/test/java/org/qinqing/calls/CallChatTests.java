package org.qinqing.calls;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinqing.people.Directory;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking, moving, cancelling and marking calls in chat, through the real portal (signed XML in, reply
 * out), with fresh families in the demo school so each test starts from nothing booked.
 */
class CallChatTests extends PortalTestSupport {

	@Autowired
	SchoolRecords records;

	@Autowired
	Directory directory;

	@Autowired
	Bookings bookings;

	@Autowired
	CallSettingsStore settings;

	@Autowired
	CallOutcomes outcomes;

	String classId;

	@BeforeEach
	void demoClass() {
		this.classId = this.records.ids(TENANT, "class").get(0);
	}

	CallFamily family(Role role) {
		CallFamily family = CallFamily.create(this.records, this.directory, TENANT, role, this.classId);
		resetSession(family.openid());
		return family;
	}

	String say(CallFamily family, String text) {
		return wechat().text(family.openid(), text).reply();
	}

	/** 预约视频 → first day with a free seat → its first free time → the confirmation question. */
	String toConfirm(CallFamily family) {
		String days = say(family, "预约视频");
		assertThat(days).contains("哪一天方便", "1. ");
		String times = say(family, firstFree(days));
		assertThat(times).contains("几点方便", "1. ");
		return say(family, firstFree(times));
	}

	/** The number of the first listed option that is not full (other tests book the same school). */
	static String firstFree(String list) {
		for (String line : list.lines().toList()) {
			if (line.matches("^\\d+\\. .*") && !line.contains("已约满")) {
				return line.substring(0, line.indexOf('.'));
			}
		}
		throw new AssertionError("nothing free in " + list);
	}

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
		assertThat(booked).contains("约好了！预约号 V", "会带晓雨", "到学校亲情室", "回复「我的预约」");
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
		String days = say(parent, "预约视频");
		String times = say(parent, firstFree(days));
		int free = Integer.parseInt(firstFree(times));
		LocalDateTime slot = timeOf(parent, free);
		fill(slot);
		assertThat(say(parent, "返回")).contains("哪一天方便");
		String again = say(parent, firstFree(days));
		assertThat(again.lines().filter(line -> line.startsWith(free + ". ")).findFirst().orElseThrow())
			.contains("（已约满，可以排队）");
		String confirm = say(parent, String.valueOf(free));
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
	void keepingTheBookingChangesNothing() {
		CallFamily parent = family(Role.PARENT);
		toConfirm(parent);
		say(parent, "1");
		say(parent, "我的预约");
		say(parent, "1");
		assertThat(say(parent, "3")).contains("预约保持不变");
		assertThat(this.bookings.upcoming(TENANT, parent.familyId())).hasSize(1);
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
		assertThat(wechat().text(openid, "预约视频").reply()).doesNotContain("哪一天方便");
	}

	@Test
	void aTeacherMarksTodaysCallOfTheirClassInTwoTaps() {
		LocalDate today = SlotCalendar.now(java.time.Clock.systemUTC()).toLocalDate();
		CallSettings saved = this.settings.settings(TENANT);
		String station = saved.stations().get(0);
		this.settings.save(TENANT, saved.withExtraOpening(new ExtraOpening(today, LocalTime.MIDNIGHT,
				LocalTime.of(0, 30), station)));
		CallFamily parent = family(Role.PARENT);
		Bookings yesterday = new Bookings(this.redis, this.settings,
				BookingsTests.clock(today.minusDays(1).atTime(12, 0)));
		Booking booking = yesterday.book(TENANT, parent.familyId(), parent.childId(), parent.personId(),
				today.atTime(0, 15)).booking().orElseThrow();
		String teacher = CallFamily.teacher(this.records, this.directory, TENANT, this.classId);
		String otherClass = this.records.ids(TENANT, "class").get(1);
		String stranger = CallFamily.teacher(this.records, this.directory, TENANT, otherClass);
		resetSession(teacher);
		resetSession(stranger);

		String list = wechat().text(teacher, "今天的视频").reply();
		assertThat(list).contains("0:15 晓雨", station, "未记录");
		assertThat(wechat().text(stranger, "今天的视频").reply()).doesNotContain("晓雨");
		int item = itemNumber(list, "0:15 晓雨");
		assertThat(wechat().text(teacher, String.valueOf(item)).reply()).contains("通话情况怎么样", "3. 家长没上线");
		assertThat(wechat().text(teacher, "3").reply()).contains("已记下", "家长没上线");
		assertThat(this.outcomes.mark(TENANT, booking.number())).get()
			.extracting(CallOutcomes.Mark::outcome)
			.isEqualTo(CallOutcome.PARENT_NO_SHOW);
		assertThat(wechat().text(teacher, "今天的视频").reply()).contains("家长没上线");
	}

	private static int itemNumber(String list, String text) {
		for (String line : list.lines().toList()) {
			if (line.contains(text) && line.matches("^\\d+\\. .*")) {
				return Integer.parseInt(line.substring(0, line.indexOf('.')));
			}
		}
		throw new AssertionError("no item with " + text + " in " + list);
	}

	/** The time the parent is confirming, read back from the bookable slots listed on that day. */
	private LocalDateTime chosenTime(CallFamily parent) {
		String json = sessionJson(parent.openid());
		int at = json.indexOf("\"time\":\"");
		return LocalDateTime.parse(json.substring(at + 8, json.indexOf('"', at + 8)));
	}

	/** The start of the {@code number}th time listed to the parent, from the options kept in the session. */
	private LocalDateTime timeOf(CallFamily parent, int number) {
		String json = sessionJson(parent.openid());
		int at = json.indexOf("\"~time\":\"") + 9;
		String shown = json.substring(at, json.indexOf('"', at));
		String line = shown.split("\\\\n")[number - 1];
		return LocalDateTime.parse(line.substring(0, line.indexOf("\\t")));
	}

	/** Books every free seat of a slot for other families. */
	private void fill(LocalDateTime slot) {
		for (int i = 0; i < 5; i++) {
			CallFamily other = CallFamily.create(this.records, this.directory, TENANT, Role.PARENT, this.classId);
			this.bookings.book(TENANT, other.familyId(), other.childId(), other.personId(), slot);
		}
		assertThat(this.bookings.takenSeats(TENANT, slot, slot.plusMinutes(1)).get(slot)).isGreaterThanOrEqualTo(1);
	}

}
