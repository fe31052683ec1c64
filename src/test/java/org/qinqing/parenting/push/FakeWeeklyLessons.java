package org.qinqing.parenting.push;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.qinqing.notify.Message;

/**
 * The lessons side as the push sees it, for tests and benchmarks: an audience set per tenant, the same lesson for a
 * person and week however often it is composed (as the real selection is: the next that fits them), its id in the
 * message's link, and points where a test makes the process "die".
 */
public final class FakeWeeklyLessons implements WeeklyLessons {

	/** A point where the push is made to fail, as if the process died there. */
	public enum Crash {

		/** After the outbox queued the batch, before the lessons were recorded. */
		BEFORE_RECORD,
		/** After the lessons were recorded, before the cursor moved. */
		AFTER_RECORD

	}

	private final Map<String, List<String>> audiences = new ConcurrentHashMap<>();

	private final Map<String, String> recorded = new ConcurrentHashMap<>();

	private final AtomicInteger composed = new AtomicInteger();

	private final AtomicInteger records = new AtomicInteger();

	private volatile Crash crash;

	private volatile int crashAtRecord;

	public void audience(String tenant, List<String> personIds) {
		this.audiences.put(tenant, List.copyOf(personIds));
	}

	/** Fails the {@code n}th call of {@link #recordSent} from now (1: the next) at that point. */
	public void crashAt(int n, Crash where) {
		this.crashAtRecord = this.records.get() + n;
		this.crash = where;
	}

	public String recorded(String tenant, LocalDate week, String personId) {
		return this.recorded.get(key(tenant, week, personId));
	}

	@Override
	public List<String> audience(String tenant) {
		return this.audiences.getOrDefault(tenant, List.of());
	}

	@Override
	public Map<String, Planned> compose(String tenant, List<String> personIds, LocalDate week) {
		this.composed.incrementAndGet();
		Map<String, Planned> planned = new LinkedHashMap<>();
		for (String id : personIds) {
			String lesson = this.recorded.getOrDefault(key(tenant, week, id), "lesson-" + week.getDayOfYear() % 24);
			Message message = new Message("lesson", "lesson:" + tenant + ":" + week + ":" + id, false,
					"本周家长课堂：防溺水，记住六不。回复 1 看课。", "家长课堂",
					Map.of("title", Message.field("防溺水，记住六不"), "week", week.toString()),
					"https://school.example/p/" + id + "/" + lesson);
			planned.put(id, new Planned(lesson, message));
		}
		return planned;
	}

	@Override
	public void recordSent(String tenant, LocalDate week, Map<String, String> lessonByPerson, Instant at) {
		int call = this.records.incrementAndGet();
		Crash where = this.crash;
		if (where == Crash.BEFORE_RECORD && call == this.crashAtRecord) {
			this.crash = null;
			throw new IllegalStateException("killed before recording");
		}
		lessonByPerson.forEach((person, lesson) -> this.recorded.putIfAbsent(key(tenant, week, person), lesson));
		if (where == Crash.AFTER_RECORD && call == this.crashAtRecord) {
			this.crash = null;
			throw new IllegalStateException("killed after recording");
		}
	}

	private static String key(String tenant, LocalDate week, String personId) {
		return tenant + "|" + week + "|" + personId;
	}

}
