package org.qinqing.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinqing.jobs.DueJobs;
import org.qinqing.people.CareScope;
import org.qinqing.system.LuaScripts;
import org.qinqing.system.Pipelines;
import org.qinqing.system.RedisKeys;
import org.qinqing.system.SchoolDays;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * The school's threads in Redis: a header hash and a list of entries each, the waiting ones in sorted sets by age
 * (the school's, each class's, each teacher's), every one by filing time in the school's set and in those of its
 * class, teacher and child (the console's pages of a teacher's threads). Filing, answering, adding and
 * solving are one script each, which also schedule or cancel the thread's reminders ({@link InboxReminders}).
 * Reading a page of threads costs one pipeline, whatever their number.
 */
@Service
public class Inbox {

	static final String REMIND = "inbox-remind";

	static final String ESCALATE = "inbox-escalate";

	private static final RedisScript<Long> FILE = LuaScripts.load(Long.class, DueJobs.LIBRARY, "inbox/file.lua");

	private static final RedisScript<Long> ANSWER = LuaScripts.load(Long.class, DueJobs.LIBRARY, "inbox/answer.lua");

	private static final RedisScript<Long> ADD = LuaScripts.load(Long.class, DueJobs.LIBRARY, "inbox/add.lua");

	/** A child has few threads; a paired teacher's list reads at most this many of each paired child's newest. */
	private static final int CHILD_THREADS = 50;

	private static final RedisScript<Long> SOLVE = LuaScripts.load(Long.class, DueJobs.LIBRARY, "inbox/solve.lua");

	/** A new thread: who asks about which child (empty for a message for the school), and to whom it goes. */
	public record Filing(InboxThread.Kind kind, String childId, String classId, String askerId, String askerRole,
			String askerOpenid, String teacherId, String topic, boolean urgent, String text) {
	}

	private final StringRedisTemplate redis;

	private final Clock clock;

	private final InboxProperties properties;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Set<String> legacyDone = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private final Set<String> ownersIndexed = java.util.concurrent.ConcurrentHashMap.newKeySet();

	Inbox(StringRedisTemplate redis, Clock clock, InboxProperties properties) {
		this.redis = redis;
		this.clock = clock;
		this.properties = properties;
	}

	/** Files a thread and schedules its reminders in the same step; returns its number (Q12). */
	public String file(String tenant, Filing f) {
		String number = "Q" + this.redis.opsForValue().increment(InboxKeys.sequence(tenant));
		Instant now = this.clock.instant();
		write(tenant, number, f, now, remindAt(now), escalateAt(now, f));
		return number;
	}

	private void write(String tenant, String number, Filing f, Instant filed, String remindAt, String escalateAt) {
		List<String> args = new ArrayList<>(List.of(number, String.valueOf(filed.toEpochMilli()),
				entry(Entry.Type.ASK, f.askerId(), f.askerRole(), filed, f.text()), remindAt, escalateAt, f.classId(),
				f.teacherId(), f.childId()));
		Map<String, String> header = new LinkedHashMap<>();
		header.put("kind", f.kind().name());
		header.put("child", f.childId());
		header.put("class", f.classId());
		header.put("asker", f.askerId());
		header.put("askerRole", f.askerRole());
		header.put("askerOpenid", f.askerOpenid());
		header.put("teacher", f.teacherId());
		header.put("topic", f.topic());
		header.put("state", InboxThread.State.OPEN.name());
		header.put("urgent", f.urgent() ? "1" : "");
		header.put("filed", filed.toString());
		header.forEach((field, value) -> {
			args.add(field);
			args.add(value);
		});
		this.redis.execute(FILE, InboxKeys.forFiling(tenant, number, f.classId(), f.teacherId(), f.childId()),
				args.toArray());
	}

	/**
	 * Messages left through 给学校留言 before the inbox (hashes {@code feedback:<n>}) become threads F1, F2... once per
	 * tenant, waiting for an answer as they were, without reminders (they are old news to nobody).
	 */
	private void takeOverLegacyMessages(String tenant) {
		if (this.legacyDone.contains(tenant)) {
			return;
		}
		String marker = RedisKeys.of(tenant, "inbox:legacy-feedback");
		// filing a number twice changes nothing (file.lua), so instances racing here, or a run cut short, do no harm
		if (!Boolean.TRUE.equals(this.redis.hasKey(marker))) {
			String last = this.redis.opsForValue().get(RedisKeys.of(tenant, "feedback:seq"));
			int count = last == null ? 0 : Integer.parseInt(last);
			List<Object> hashes = Pipelines.run(this.redis, ops -> {
				for (int n = 1; n <= count; n++) {
					ops.opsForHash().entries(RedisKeys.of(tenant, "feedback", String.valueOf(n)));
				}
			});
			for (int n = 1; n <= count; n++) {
				@SuppressWarnings("unchecked")
				Map<Object, Object> h = (Map<Object, Object>) hashes.get(n - 1);
				if (h == null || h.isEmpty()) {
					continue;
				}
				String person = field(h, "person");
				Filing f = new Filing(InboxThread.Kind.MESSAGE, "", "", person, person.isEmpty() ? "visitor" : "",
						person.isEmpty() ? field(h, "openid") : "", "", field(h, "topic"), false, field(h, "words"));
				String at = field(h, "at");
				write(tenant, "F" + n, f, at.isEmpty() ? this.clock.instant() : Instant.parse(at), "", "");
			}
			this.redis.opsForValue().set(marker, "1");
		}
		this.legacyDone.add(tenant);
	}

	/** A message for the school has no teacher: only the leaders are reminded, after the longer wait. */
	private String escalateAt(Instant now, Filing f) {
		return f.kind() == InboxThread.Kind.MESSAGE ? "" : at(now, this.properties.escalateAfter());
	}

	private String remindAt(Instant now) {
		return at(now, this.properties.remindAfter());
	}

	private static String at(Instant from, java.time.Duration wait) {
		return String.valueOf(SchoolDays.after(from, wait).toEpochMilli());
	}

	/**
	 * A teacher's answer; returns its place in the thread (from 1: what its notice is keyed by, so two answers at
	 * once are two notices), 0 when the thread is unknown or already solved.
	 */
	public int answer(String tenant, InboxThread thread, String teacherId, String role, String text) {
		Instant now = this.clock.instant();
		Long changed = this.redis.execute(ANSWER, keys(tenant, thread), thread.number(),
				entry(Entry.Type.ANSWER, teacherId, role, now, text), now.toString(), teacherId);
		return changed == null ? 0 : changed.intValue();
	}

	/** The asker adds to their thread: an answered one waits again. Its place in the thread, 0 when unknown or solved. */
	public int add(String tenant, InboxThread thread, String personId, String role, String text) {
		Instant now = this.clock.instant();
		Long changed = this.redis.execute(ADD, keys(tenant, thread), thread.number(),
				entry(Entry.Type.ADD, personId, role, now, text), String.valueOf(now.toEpochMilli()), now.toString(),
				remindAt(now), thread.kind() == InboxThread.Kind.MESSAGE ? "" : at(now, this.properties.escalateAfter()),
				thread.classId(), thread.teacherId());
		return changed == null ? 0 : changed.intValue();
	}

	public boolean solve(String tenant, InboxThread thread) {
		Long changed = this.redis.execute(SOLVE, keys(tenant, thread), thread.number(), this.clock.instant().toString());
		return changed != null && changed == 1;
	}

	private static List<String> keys(String tenant, InboxThread thread) {
		return InboxKeys.forThread(tenant, thread.number(), thread.classId(), thread.teacherId());
	}

	public Optional<InboxThread> thread(String tenant, String number) {
		return threads(tenant, List.of(number)).stream().findFirst();
	}

	/** Threads by number, in that order, in one round trip; unknown numbers are left out. */
	public List<InboxThread> threads(String tenant, Collection<String> numbers) {
		List<String> list = List.copyOf(new LinkedHashSet<>(numbers));
		List<Object> replies = Pipelines.run(this.redis, ops -> {
			for (String number : list) {
				ops.opsForHash().entries(InboxKeys.thread(tenant, number));
				ops.opsForList().range(InboxKeys.entries(tenant, number), 0, -1);
			}
		});
		List<InboxThread> threads = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			@SuppressWarnings("unchecked")
			Map<Object, Object> header = (Map<Object, Object>) replies.get(2 * i);
			@SuppressWarnings("unchecked")
			List<Object> entries = (List<Object>) replies.get(2 * i + 1);
			if (header != null && !header.isEmpty()) {
				threads.add(read(list.get(i), header, entries == null ? List.of() : entries));
			}
		}
		return threads;
	}

	/** The threads waiting for a teacher's answer: their classes' and those given to them, oldest first. */
	public List<InboxThread> waitingFor(String tenant, CareScope scope, int limit) {
		takeOverLegacyMessages(tenant);
		if (scope.everyone()) {
			return threads(tenant, range(InboxKeys.open(tenant), limit));
		}
		indexOwners(tenant);
		Set<String> keys = new LinkedHashSet<>();
		scope.classIds().forEach(classId -> keys.add(InboxKeys.openOfClass(tenant, classId)));
		if (!scope.teacherId().isEmpty()) {
			keys.add(InboxKeys.openOfTeacher(tenant, scope.teacherId()));
		}
		List<String> childKeys = scope.childIds().stream().map(childId -> InboxKeys.ofChild(tenant, childId)).toList();
		if (keys.isEmpty() && childKeys.isEmpty()) {
			return List.of(); // nobody's teacher (an account not linked to a teacher's record)
		}
		List<Object> replies = Pipelines.run(this.redis, ops -> {
			keys.forEach(key -> ops.opsForZSet().rangeWithScores(key, 0, limit - 1));
			// a paired child's questions may have gone to the head teacher of another class: the child's newest
			// threads, whatever their state, of which the waiting ones are kept below
			childKeys.forEach(key -> ops.opsForZSet().reverseRangeWithScores(key, 0, CHILD_THREADS - 1));
		});
		Set<String> numbers = new LinkedHashSet<>();
		for (Object reply : replies) {
			tuples(reply).forEach(t -> numbers.add(t.number()));
		}
		return threads(tenant, numbers).stream()
			.filter(InboxThread::waiting)
			.sorted(Comparator.comparing(InboxThread::waitingSince))
			.limit(limit)
			.toList();
	}

	/**
	 * Where a page of threads ends, in newest-first order (by filing time, then by number as Redis orders members of
	 * equal score): the next page holds what comes after it, so threads filed in the same millisecond are never
	 * skipped or shown twice. Written {@code <epoch ms>:<number>} in a page's link.
	 */
	public record Cursor(long filed, String number) {

		public static Optional<Cursor> parse(String text) {
			if (text == null) {
				return Optional.empty();
			}
			int colon = text.indexOf(':');
			if (colon < 1 || colon == text.length() - 1) {
				return Optional.empty();
			}
			try {
				return Optional.of(new Cursor(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1)));
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		}

		/** Whether a thread filed at {@code score} comes after this cursor, newest first. */
		boolean before(double score, String member) {
			return score < this.filed || (score == this.filed && member.compareTo(this.number) < 0);
		}

		@Override
		public String toString() {
			return this.filed + ":" + this.number;
		}

	}

	/** A page of threads, newest filed first, and where the next (older) page starts: empty when there is none. */
	public record Page(List<InboxThread> threads, Optional<Cursor> next) {
	}

	/**
	 * Threads of every state, newest filed first, after {@code after} (from the newest when empty), at most
	 * {@code size}: a leader's from the whole school, a teacher's from the classes they head, those given to them and
	 * their paired children's. One pipeline reads {@code size + 1} of each set (past the threads of the cursor's own
	 * millisecond, counted in a pipeline before), which holds the page whatever the number of sets; one more reads
	 * the threads. The caller still checks each thread against the access rule.
	 */
	public Page filed(String tenant, CareScope scope, Optional<Cursor> after, int size) {
		takeOverLegacyMessages(tenant);
		indexOwners(tenant);
		List<String> keys = new ArrayList<>(new LinkedHashSet<>(ownersKeys(tenant, scope)));
		if (keys.isEmpty()) {
			return new Page(List.of(), Optional.empty());
		}
		List<Object> ties = after.isEmpty() ? List.of() : Pipelines.run(this.redis, ops -> keys.forEach(
				key -> ops.opsForZSet().count(key, after.get().filed(), after.get().filed())));
		double max = after.map(c -> (double) c.filed()).orElse(Double.POSITIVE_INFINITY);
		List<Object> replies = Pipelines.run(this.redis, ops -> {
			for (int i = 0; i < keys.size(); i++) {
				long tied = ties.isEmpty() || ties.get(i) == null ? 0 : ((Number) ties.get(i)).longValue();
				ops.opsForZSet().reverseRangeByScoreWithScores(keys.get(i), Double.NEGATIVE_INFINITY, max, 0, size + 1 + tied);
			}
		});
		Map<String, Double> filed = new LinkedHashMap<>();
		for (Object reply : replies) {
			tuples(reply).stream()
				.filter(t -> after.isEmpty() || after.get().before(t.score(), t.number()))
				.forEach(t -> filed.putIfAbsent(t.number(), t.score()));
		}
		List<Scored> newest = filed.entrySet().stream()
			.map(e -> new Scored(e.getKey(), e.getValue()))
			.sorted(Comparator.comparingDouble(Scored::score).thenComparing(Scored::number).reversed())
			.toList();
		List<Scored> page = newest.subList(0, Math.min(size, newest.size()));
		Optional<Cursor> next = newest.size() > size
				? Optional.of(new Cursor((long) page.get(page.size() - 1).score(), page.get(page.size() - 1).number()))
				: Optional.empty();
		return new Page(threads(tenant, page.stream().map(Scored::number).toList()), next);
	}

	/** The sets of every thread a scope looks after: the school's for a leader, else the class's, teacher's, child's. */
	private static List<String> ownersKeys(String tenant, CareScope scope) {
		if (scope.everyone()) {
			return List.of(InboxKeys.all(tenant));
		}
		List<String> keys = new ArrayList<>();
		scope.classIds().forEach(classId -> keys.add(InboxKeys.ofClass(tenant, classId)));
		if (!scope.teacherId().isEmpty()) {
			keys.add(InboxKeys.ofTeacher(tenant, scope.teacherId()));
		}
		scope.childIds().forEach(childId -> keys.add(InboxKeys.ofChild(tenant, childId)));
		return keys;
	}

	private record Scored(String number, double score) {
	}

	private static List<Scored> tuples(Object reply) {
		List<Scored> scored = new ArrayList<>();
		if (reply instanceof Collection<?> tuples) {
			for (Object tuple : tuples) {
				var t = (TypedTuple<?>) tuple;
				scored.add(new Scored(String.valueOf(t.getValue()), t.getScore() == null ? 0 : t.getScore()));
			}
		}
		return scored;
	}

	/**
	 * Threads filed before the class's, teacher's and child's sets existed join them, once per tenant (adding a
	 * number twice changes nothing, so instances racing here do no harm): three round trips for all of them.
	 */
	private void indexOwners(String tenant) {
		if (this.ownersIndexed.contains(tenant)) {
			return;
		}
		String marker = InboxKeys.ownersIndexed(tenant);
		if (!Boolean.TRUE.equals(this.redis.hasKey(marker))) {
			Set<TypedTuple<String>> all = this.redis.opsForZSet()
				.rangeWithScores(InboxKeys.all(tenant), 0, -1);
			List<TypedTuple<String>> list = all == null ? List.of()
					: List.copyOf(all);
			List<Object> owners = Pipelines.run(this.redis, ops -> list.forEach(t -> ops.opsForHash()
				.multiGet(InboxKeys.thread(tenant, t.getValue()), List.of("class", "teacher", "child"))));
			Pipelines.run(this.redis, ops -> {
				for (int i = 0; i < list.size(); i++) {
					String number = list.get(i).getValue();
					double score = list.get(i).getScore() == null ? 0 : list.get(i).getScore();
					List<?> o = (List<?>) owners.get(i);
					String classId = o.get(0) == null ? "" : String.valueOf(o.get(0));
					String teacherId = o.get(1) == null ? "" : String.valueOf(o.get(1));
					String childId = o.get(2) == null ? "" : String.valueOf(o.get(2));
					if (!classId.isEmpty()) {
						ops.opsForZSet().add(InboxKeys.ofClass(tenant, classId), number, score);
					}
					if (!teacherId.isEmpty()) {
						ops.opsForZSet().add(InboxKeys.ofTeacher(tenant, teacherId), number, score);
					}
					if (!childId.isEmpty()) {
						ops.opsForZSet().add(InboxKeys.ofChild(tenant, childId), number, score);
					}
				}
				ops.opsForValue().set(marker, "1");
			});
		}
		this.ownersIndexed.add(tenant);
	}

	/** How many threads wait for an answer in the whole school. */
	public long waitingCount(String tenant) {
		takeOverLegacyMessages(tenant);
		Long size = this.redis.opsForZSet().size(InboxKeys.open(tenant));
		return size == null ? 0 : size;
	}

	/** Threads filed from {@code from} to {@code to}, newest first, at most {@code limit}. */
	public List<InboxThread> filedBetween(String tenant, Instant from, Instant to, int limit) {
		takeOverLegacyMessages(tenant);
		Set<String> numbers = this.redis.opsForZSet().reverseRangeByScore(InboxKeys.all(tenant), from.toEpochMilli(),
				to.toEpochMilli() - 1, 0, limit);
		return numbers == null ? List.of() : threads(tenant, numbers);
	}

	/** How many threads the school has had. */
	public long filedCount(String tenant) {
		takeOverLegacyMessages(tenant);
		Long size = this.redis.opsForZSet().size(InboxKeys.all(tenant));
		return size == null ? 0 : size;
	}

	private List<String> range(String key, int limit) {
		Set<String> numbers = this.redis.opsForZSet().range(key, 0, limit - 1);
		return numbers == null ? List.of() : List.copyOf(numbers);
	}

	private String entry(Entry.Type type, String by, String role, Instant at, String text) {
		Map<String, String> e = new LinkedHashMap<>();
		e.put("type", type.name());
		e.put("by", by == null ? "" : by);
		e.put("role", role == null ? "" : role);
		e.put("at", at.toString());
		e.put("text", text);
		return this.json.writeValueAsString(e);
	}

	private InboxThread read(String number, Map<Object, Object> h, List<Object> rawEntries) {
		List<Entry> entries = new ArrayList<>();
		for (Object raw : rawEntries) {
			@SuppressWarnings("unchecked")
			Map<String, String> e = this.json.readValue(String.valueOf(raw), Map.class);
			entries.add(new Entry(Entry.Type.valueOf(e.get("type")), e.getOrDefault("by", ""), e.getOrDefault("role", ""),
					Instant.parse(e.get("at")), e.getOrDefault("text", "")));
		}
		String firstAnswer = field(h, "firstAnswer");
		Instant filed = Instant.parse(field(h, "filed"));
		String waitingSince = field(h, "waitingSince");
		return new InboxThread(number, InboxThread.Kind.valueOf(field(h, "kind")), field(h, "child"), field(h, "class"),
				field(h, "asker"), field(h, "askerRole"), field(h, "teacher"), field(h, "topic"),
				InboxThread.State.valueOf(field(h, "state")), "1".equals(field(h, "urgent")), filed,
				firstAnswer.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(firstAnswer)),
				waitingSince.isEmpty() ? filed : Instant.parse(waitingSince), entries);
	}

	/** The openid a visitor's message came from: only to answer them; never shown. */
	Optional<String> askerOpenid(String tenant, String number) {
		Object raw = this.redis.opsForHash().get(InboxKeys.thread(tenant, number), "askerOpenid");
		return raw == null || String.valueOf(raw).isEmpty() ? Optional.empty() : Optional.of(String.valueOf(raw));
	}

	private static String field(Map<Object, Object> h, String name) {
		Object value = h.get(name);
		return value == null ? "" : String.valueOf(value);
	}

}
