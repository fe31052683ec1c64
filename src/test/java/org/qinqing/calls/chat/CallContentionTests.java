package org.qinqing.calls.chat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.qinqing.calls.Booking;
import org.qinqing.calls.Bookings;
import org.qinqing.calls.CallFamily;
import org.qinqing.calls.Slot;
import org.qinqing.calls.SlotCalendar;
import org.qinqing.conversation.Option;
import org.qinqing.people.Directory;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.WechatClient;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 parents press confirm for the same 2-seat slot at the same moment, through the real portal:
 * exactly 2 get it, and every other parent is told and offered the nearest free times.
 */
class CallContentionTests extends PortalTestSupport {

	private static final int PARENTS = 200;

	@Autowired
	SchoolRecords records;

	@Autowired
	Directory directory;

	@Autowired
	Bookings bookings;

	@Autowired
	CallChoices choices;

	@Autowired
	SlotCalendar calendar;

	@Test
	void twoHundredConcurrentConfirmsOnATwoSeatSlotGiveExactlyTwoBookings() throws Exception {
		String classId = this.records.ids(TENANT, "class").get(0);
		Target target = emptySlot();
		List<CallFamily> parents = new ArrayList<>();
		for (int i = 0; i < PARENTS; i++) {
			CallFamily parent = CallFamily.create(this.records, this.directory, TENANT, Role.PARENT, classId);
			resetSession(parent.openid());
			wechat().text(parent.openid(), "预约视频");
			wechat().text(parent.openid(), String.valueOf(target.day()));
			String confirm = wechat().text(parent.openid(), String.valueOf(target.time())).reply();
			assertThat(confirm).as("parent %d reaches the confirmation", i).contains("1. 确认预约");
			parents.add(parent);
		}

		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(PARENTS);
		List<String> replies = new ArrayList<>();
		try {
			List<Future<WechatClient.Response>> pressed = new ArrayList<>();
			for (CallFamily parent : parents) {
				pressed.add(pool.submit(() -> {
					go.await();
					return wechat().text(parent.openid(), "1");
				}));
			}
			go.countDown();
			for (Future<WechatClient.Response> press : pressed) {
				replies.add(press.get(30, TimeUnit.SECONDS).reply());
			}
		}
		finally {
			pool.shutdownNow();
		}

		List<String> booked = replies.stream().filter(r -> r.contains("约好了！预约号")).toList();
		List<String> told = replies.stream()
			.filter(r -> r.contains("刚才这个时间被别的家长约走了") && r.contains("最近的空闲时间") && r.contains("1. "))
			.toList();
		assertThat(booked).hasSize(2);
		assertThat(told).hasSize(PARENTS - 2);
		List<Booking> atSlot = this.bookings.between(TENANT, target.start(), target.start().plusMinutes(1));
		assertThat(atSlot).hasSize(2);
		assertThat(atSlot).extracting(Booking::station).doesNotHaveDuplicates();
		assertThat(atSlot).extracting(Booking::familyId)
			.isSubsetOf(parents.stream().map(CallFamily::familyId).toList())
			.doesNotHaveDuplicates();

		// an alternative offered is a real free time: picking it books it
		CallFamily late = parents.stream()
			.filter(p -> atSlot.stream().noneMatch(b -> b.familyId().equals(p.familyId())))
			.findFirst()
			.orElseThrow();
		assertThat(wechat().text(late.openid(), "1").reply()).contains("约好了！预约号");
	}

	/** A slot with both seats free, as the numbers a parent would type to reach it. */
	private Target emptySlot() {
		List<Option> days = this.choices.days(TENANT, FamilyCalls.NONE);
		for (int d = 0; d < days.size(); d++) {
			LocalDate date = LocalDate.parse(days.get(d).value());
			List<Option> times = this.choices.times(TENANT, date, FamilyCalls.NONE);
			List<Slot> slots = this.calendar.slotsOn(TENANT, date);
			for (int t = 0; t < times.size(); t++) {
				LocalDateTime start = LocalDateTime.parse(times.get(t).value());
				boolean empty = slots.stream()
					.anyMatch(slot -> slot.start().equals(start) && slot.seats() == 2 && slot.free() == 2);
				if (empty) {
					return new Target(d + 1, t + 1, start);
				}
			}
		}
		throw new AssertionError("no empty 2-seat slot in the booking window");
	}

	private record Target(int day, int time, LocalDateTime start) {
	}

}
