package org.qinqing.calls.chat;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.qinqing.calls.Bookings;
import org.qinqing.calls.CallFamily;
import org.qinqing.calls.CallSettingsStore;
import org.qinqing.people.Directory;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Call chat through the portal for fresh families of the demo school's first class; other tests share the school. */
abstract class CallChatTestSupport extends PortalTestSupport {

	@Autowired
	SchoolRecords records;

	@Autowired
	Directory directory;

	@Autowired
	Bookings bookings;

	@Autowired
	CallSettingsStore settings;

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

	/**
	 * The number of the first listed option that can be booked: not full (other tests book the same school),
	 * not in a week at the cap, not a time the family holds.
	 */
	static String firstFree(String list) {
		for (String line : list.lines().toList()) {
			if (line.matches("^\\d+\\. .*") && !line.contains("已约满") && !line.contains("已约了")) {
				return line.substring(0, line.indexOf('.'));
			}
		}
		throw new AssertionError("nothing free in " + list);
	}

	/** The time the parent is confirming, read back from the session. */
	LocalDateTime chosenTime(CallFamily parent) {
		String json = sessionJson(parent.openid());
		int at = json.indexOf("\"time\":\"");
		return LocalDateTime.parse(json.substring(at + 8, json.indexOf('"', at + 8)));
	}

	/** The start of the {@code number}th time listed to the parent, from the options kept in the session. */
	LocalDateTime timeOf(CallFamily parent, int number) {
		return LocalDateTime.parse(shown(parent, "time").get(number - 1));
	}

	/** The values of the options a pick step showed the parent, in order, from the session. */
	List<String> shown(CallFamily parent, String step) {
		String json = sessionJson(parent.openid());
		int at = json.indexOf("\"~" + step + "\":\"") + step.length() + 5;
		String shown = json.substring(at, json.indexOf('"', at));
		return java.util.Arrays.stream(shown.split("\\\\n")).map(line -> line.substring(0, line.indexOf("\\t"))).toList();
	}

	/** Books every free seat of a slot for other families; returns them. */
	List<CallFamily> fill(LocalDateTime slot) {
		List<CallFamily> others = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			CallFamily other = CallFamily.create(this.records, this.directory, TENANT, Role.PARENT, this.classId);
			this.bookings.book(TENANT, other.familyId(), other.childId(), other.personId(), slot);
			others.add(other);
		}
		assertThat(this.bookings.takenSeats(TENANT, slot, slot.plusMinutes(1)).get(slot)).isGreaterThanOrEqualTo(1);
		return others;
	}

}
