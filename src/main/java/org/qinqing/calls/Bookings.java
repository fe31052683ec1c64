package org.qinqing.calls;

import org.qinqing.system.SchoolTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinqing.jobs.DueJobs;
import org.qinqing.system.LuaScripts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Call bookings in Redis. A slot's seats are its open stations; one Lua script checks and takes a seat
 * and the family's weekly cap together, so two callers (threads or instances) never get one seat.
 * The slot's time rules (notice, window, opening hours) are checked in Java first, from the calendar.
 * Keys are {@link CallsKeys}; scripts are {@code scripts/calls/*.lua}. The same scripts schedule the booking's
 * due jobs (its notices and reminders, {@link CallJobs}) and settle the family's waiting entry and offer, so a
 * crash leaves a booking either with its jobs or not made at all.
 *
 * <p>After a change it publishes {@link CallBooked} / {@link CallCancelled}, so the notices go at once.
 */
@Service
public class Bookings {

	static final String ACTIVE = "ACTIVE";

	private static final String CANCELLED = "CANCELLED";

	private static final DateTimeFormatter SLOT_ID = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

	private static final RedisScript<List> BOOK = LuaScripts.load(List.class, DueJobs.LIBRARY, "calls/seats.lua",
			"calls/booking.lua", "calls/book.lua");

	private static final RedisScript<Long> CANCEL = LuaScripts.load(Long.class, DueJobs.LIBRARY, "calls/seats.lua",
			"calls/booking.lua", "calls/cancel.lua");

	private static final RedisScript<List> RESCHEDULE = LuaScripts.load(List.class, DueJobs.LIBRARY,
			"calls/seats.lua", "calls/booking.lua", "calls/reschedule.lua");

	private static final RedisScript<Long> MOVE = LuaScripts.load(Long.class, "calls/seats.lua", "calls/move.lua");

	/** Why a booking was cancelled, as {@link CallCancelled#reason()} says. */
	public static final String BY_FAMILY = "family";

	public static final String RESCHEDULED = "rescheduled";

	public static final String CLOSED = "closed";

	private final StringRedisTemplate redis;

	private final CallSettingsStore settings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	/** Without events: for tests of the bookings alone. */
	Bookings(StringRedisTemplate redis, CallSettingsStore settings, Clock clock) {
		this(redis, settings, clock, event -> {
		});
	}

	@Autowired
	Bookings(StringRedisTemplate redis, CallSettingsStore settings, Clock clock, ApplicationEventPublisher events) {
		this.redis = redis;
		this.settings = settings;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Books a seat at {@code slotStart} (school time) for a family's child, if the slot is bookable now,
	 * has a free seat, the family has not booked it and is under its weekly cap. A seat held for another
	 * waiting family ({@link CallWaitlist}) is taken; one held for this family is free to it.
	 */
	public BookingResult book(String tenant, String familyId, String childId, String bookedByPersonId,
			LocalDateTime slotStart) {
		requireId(familyId);
		requireId(childId);
		requireId(bookedByPersonId);
		CallSettings s = this.settings.settings(tenant);
		LocalDateTime now = SlotCalendar.now(this.clock);
		Optional<BookingOutcome> refused = SlotCalendar.check(s, now, slotStart);
		if (refused.isPresent()) {
			return BookingResult.failed(refused.get());
		}
		Instant bookedAt = this.clock.instant();
		List<String> args = bookArgs(s, familyId, childId, bookedByPersonId, slotStart, bookedAt);
		args.addAll(SlotCalendar.openStations(s, slotStart));
		List<?> reply = this.redis.execute(BOOK, bookKeys(tenant, familyId, slotStart), args.toArray());
		BookingOutcome outcome = BookingOutcome.valueOf(String.valueOf(reply.get(0)));
		if (outcome != BookingOutcome.BOOKED) {
			return BookingResult.failed(outcome);
		}
		Booking booking = new Booking(String.valueOf(reply.get(1)), slotStart, String.valueOf(reply.get(2)), familyId,
				childId, bookedByPersonId, bookedAt);
		this.events.publishEvent(new CallBooked(tenant, booking));
		return BookingResult.booked(booking);
	}

	/**
	 * Moves a family's booking to {@code newStart} in one step: the old booking must be the family's and
	 * active ({@link BookingOutcome#NOT_FOUND} otherwise) and outside the cancel notice
	 * ({@link BookingOutcome#TOO_LATE}); the new slot is checked as {@link #book} does, except that the
	 * old booking does not count against the weekly cap. On success the old booking is cancelled (reason
	 * {@value #RESCHEDULED}, its seat freed) and the new one has a new number; otherwise nothing changes.
	 */
	public BookingResult reschedule(String tenant, String familyId, String oldNumber, String bookedByPersonId,
			LocalDateTime newStart) {
		requireId(familyId);
		requireId(bookedByPersonId);
		Optional<Stored> found = stored(tenant, oldNumber);
		if (found.isEmpty() || !found.get().booking().familyId().equals(familyId)
				|| !ACTIVE.equals(found.get().status())) {
			return BookingResult.failed(BookingOutcome.NOT_FOUND);
		}
		Stored old = found.get();
		CallSettings s = this.settings.settings(tenant);
		LocalDateTime now = SlotCalendar.now(this.clock);
		if (old.booking().start().isBefore(now.plus(s.cancelNotice()))) {
			return BookingResult.failed(BookingOutcome.TOO_LATE);
		}
		Optional<BookingOutcome> refused = SlotCalendar.check(s, now, newStart);
		if (refused.isPresent()) {
			return BookingResult.failed(refused.get());
		}
		if (newStart.equals(old.booking().start())) {
			return BookingResult.failed(BookingOutcome.ALREADY_BOOKED);
		}
		Instant bookedAt = this.clock.instant();
		String childId = old.booking().childId();
		List<String> args = bookArgs(s, familyId, childId, bookedByPersonId, newStart, bookedAt);
		args.addAll(List.of(oldNumber, old.raw(), old.cancelledRaw(), old.booking().station()));
		args.addAll(SlotCalendar.openStations(s, newStart));
		List<String> keys = new ArrayList<>(bookKeys(tenant, familyId, newStart));
		LocalDateTime oldStart = old.booking().start();
		keys.add(CallsKeys.slot(tenant, slotId(oldStart)));
		keys.add(CallsKeys.week(tenant, familyId, oldStart));
		List<?> reply = this.redis.execute(RESCHEDULE, keys, args.toArray());
		BookingOutcome outcome = BookingOutcome.valueOf(String.valueOf(reply.get(0)));
		if (outcome != BookingOutcome.BOOKED) {
			return BookingResult.failed(outcome);
		}
		Booking booking = new Booking(String.valueOf(reply.get(1)), newStart, String.valueOf(reply.get(2)), familyId,
				childId, bookedByPersonId, bookedAt);
		this.events.publishEvent(new CallCancelled(tenant, old.booking(), RESCHEDULED));
		this.events.publishEvent(new CallBooked(tenant, booking));
		return BookingResult.booked(booking);
	}

	/** Cancels a family's booking, unless its call starts within the cancel notice; frees its seat. */
	public CancelOutcome cancel(String tenant, String familyId, String bookingNumber) {
		Optional<Stored> found = stored(tenant, bookingNumber);
		if (found.isEmpty()) {
			return CancelOutcome.NOT_FOUND;
		}
		Stored stored = found.get();
		if (!stored.booking().familyId().equals(familyId) || !ACTIVE.equals(stored.status())) {
			return CancelOutcome.NOT_FOUND;
		}
		CallSettings s = this.settings.settings(tenant);
		if (stored.booking().start().isBefore(SlotCalendar.now(this.clock).plus(s.cancelNotice()))) {
			return CancelOutcome.TOO_LATE;
		}
		return cancel(tenant, stored, BY_FAMILY) ? CancelOutcome.CANCELLED : CancelOutcome.NOT_FOUND;
	}

	/**
	 * Cancels an active booking because the school closed its station that day, whatever the notice; the
	 * family's week is freed of it. False when it is not active (any more).
	 */
	boolean cancelClosed(String tenant, String bookingNumber) {
		Optional<Stored> found = stored(tenant, bookingNumber);
		return found.isPresent() && ACTIVE.equals(found.get().status()) && cancel(tenant, found.get(), CLOSED);
	}

	private boolean cancel(String tenant, Stored stored, String reason) {
		Booking b = stored.booking();
		LocalDateTime start = b.start();
		List<String> keys = new ArrayList<>(List.of(CallsKeys.bookings(tenant), CallsKeys.slot(tenant, slotId(start)),
				CallsKeys.week(tenant, b.familyId(), start), CallsKeys.all(tenant), CallsKeys.family(tenant, b.familyId())));
		keys.addAll(CallsKeys.jobs(tenant));
		Long done = this.redis.execute(CANCEL, keys,
				b.number(), stored.raw(), stored.cancelledRaw(), b.station(), b.familyId(), reason,
				String.valueOf(this.clock.instant().getEpochSecond()));
		if (done == null || done != 1) {
			return false;
		}
		this.events.publishEvent(new CallCancelled(tenant, b, reason));
		return true;
	}

	/**
	 * Moves an active booking to another station of the same slot whose seat is free (same number, time
	 * and family). False when the booking changed meanwhile or the seat is taken.
	 */
	boolean moveStation(String tenant, String bookingNumber, String station) {
		Optional<Stored> found = stored(tenant, bookingNumber);
		if (found.isEmpty() || !ACTIVE.equals(found.get().status()) || station.contains("|")) {
			return false;
		}
		Stored stored = found.get();
		Booking b = stored.booking();
		String moved = stored.with(b.familyId(), station, stored.status());
		Long done = this.redis.execute(MOVE, List.of(CallsKeys.bookings(tenant), CallsKeys.slot(tenant, slotId(b.start()))),
				bookingNumber, stored.raw(), moved, b.station(), station,
				String.valueOf(this.clock.instant().getEpochSecond()));
		return done != null && done == 1;
	}

	/** Whether the booking exists and is neither cancelled nor replaced. */
	boolean isActive(String tenant, String bookingNumber) {
		return stored(tenant, bookingNumber).map(s -> ACTIVE.equals(s.status())).orElse(false);
	}

	private Optional<Stored> stored(String tenant, String bookingNumber) {
		if (bookingNumber == null) {
			return Optional.empty();
		}
		Object raw = this.redis.opsForHash().get(CallsKeys.bookings(tenant), bookingNumber);
		return raw == null ? Optional.empty() : Optional.of(Stored.parse(bookingNumber, (String) raw));
	}

	private List<String> bookKeys(String tenant, String familyId, LocalDateTime slotStart) {
		String slot = slotId(slotStart);
		List<String> keys = new ArrayList<>(List.of(CallsKeys.slot(tenant, slot), CallsKeys.week(tenant, familyId, slotStart),
				CallsKeys.seq(tenant), CallsKeys.bookings(tenant), CallsKeys.all(tenant), CallsKeys.family(tenant, familyId),
				CallsKeys.offers(tenant), CallsKeys.wait(tenant, slot), CallsKeys.waiter(tenant, slot),
				CallsKeys.waits(tenant, familyId)));
		keys.addAll(CallsKeys.jobs(tenant));
		return keys;
	}

	/** ARGV 1-13 of {@code calls/booking.lua}. */
	private List<String> bookArgs(CallSettings s, String familyId, String childId, String bookedBy,
			LocalDateTime slotStart, Instant bookedAt) {
		long start = epoch(slotStart);
		long now = bookedAt.getEpochSecond();
		long dayBefore = start - ChronoUnit.DAYS.getDuration().toSeconds();
		long slotTtl = ttl(start + ChronoUnit.DAYS.getDuration().toSeconds(), now);
		long weekTtl = ttl(epoch(slotStart.toLocalDate().plusWeeks(2).atStartOfDay()), now);
		return new ArrayList<>(List.of(familyId, String.valueOf(s.familyCapPerWeek()), String.valueOf(start),
				slotStart.toString(), childId, String.valueOf(slotTtl), String.valueOf(weekTtl), String.valueOf(now),
				slotId(slotStart), dayBefore > now ? String.valueOf(dayBefore) : "",
				String.valueOf(Math.max(now, start - Duration.ofMinutes(30).toSeconds())), bookedBy,
				String.valueOf(bookedAt.toEpochMilli())));
	}

	/**
	 * Seconds from {@code now} until {@code until}, both by the application's clock: keys get relative TTLs,
	 * so a Redis whose clock differs from ours (a test's movable clock, a skewed host) keeps them as long.
	 */
	static long ttl(long untilEpochSecond, long nowEpochSecond) {
		return Math.max(60, untilEpochSecond - nowEpochSecond);
	}

	/** The family's active bookings that have not started yet, earliest first. */
	public List<Booking> upcoming(String tenant, String familyId) {
		long now = this.clock.instant().getEpochSecond();
		return active(tenant,
				this.redis.opsForZSet().rangeByScore(CallsKeys.family(tenant, familyId), now, Double.MAX_VALUE));
	}

	/**
	 * The numbers of the family's calls in the ISO week of {@code date} (school time), those already held
	 * too: what the weekly cap counts. Cancelled calls are not in it.
	 */
	public Set<String> weekCalls(String tenant, String familyId, java.time.LocalDate date) {
		Set<String> numbers = this.redis.opsForSet().members(CallsKeys.week(tenant, familyId, date.atStartOfDay()));
		return numbers == null ? Set.of() : numbers;
	}

	/** Active bookings whose call starts from {@code from} (inclusive) to {@code to} (exclusive), by start and station. */
	public List<Booking> between(String tenant, LocalDateTime from, LocalDateTime to) {
		List<Booking> found = active(tenant,
				this.redis.opsForZSet().rangeByScore(CallsKeys.all(tenant), epoch(from), epoch(to) - 1));
		found.sort(java.util.Comparator.comparing(Booking::start).thenComparing(Booking::station));
		return found;
	}

	/** The active ones of these bookings, in the given order, read in one round trip. */
	private List<Booking> active(String tenant, Set<String> numbers) {
		List<Booking> active = new ArrayList<>();
		if (numbers == null || numbers.isEmpty()) {
			return active;
		}
		List<Object> ordered = new ArrayList<>(numbers);
		List<Object> raws = this.redis.opsForHash().multiGet(CallsKeys.bookings(tenant), ordered);
		for (int i = 0; i < ordered.size(); i++) {
			if (raws.get(i) != null) {
				Stored stored = Stored.parse((String) ordered.get(i), (String) raws.get(i));
				if (ACTIVE.equals(stored.status())) {
					active.add(stored.booking());
				}
			}
		}
		return active;
	}

	/**
	 * The child's last call that began before {@code before} (not cancelled), for a parent's 孩子近况: two round trips
	 * (the family's latest calls, then their records).
	 */
	public Optional<Booking> lastCall(String tenant, String familyId, String childId, LocalDateTime before) {
		List<Booking> recent = active(tenant, this.redis.opsForZSet()
			.reverseRangeByScore(CallsKeys.family(tenant, familyId), Double.NEGATIVE_INFINITY, epoch(before) - 1, 0, 20));
		return recent.stream().filter(b -> b.childId().equals(childId)).max(java.util.Comparator.comparing(Booking::start));
	}

	/** One booking by its number, active or cancelled. */
	public Optional<Booking> booking(String tenant, String bookingNumber) {
		Object raw = this.redis.opsForHash().get(CallsKeys.bookings(tenant), bookingNumber);
		return raw == null ? Optional.empty() : Optional.of(Stored.parse(bookingNumber, (String) raw).booking());
	}

	/** Seats booked per slot start (school time) for slots starting from {@code from} to {@code to}. */
	public Map<LocalDateTime, Integer> takenSeats(String tenant, LocalDateTime from, LocalDateTime to) {
		Set<TypedTuple<String>> entries = this.redis.opsForZSet()
			.rangeByScoreWithScores(CallsKeys.all(tenant), epoch(from), epoch(to));
		Map<LocalDateTime, Integer> taken = new HashMap<>();
		if (entries != null) {
			for (TypedTuple<String> entry : entries) {
				LocalDateTime start = LocalDateTime.ofInstant(Instant.ofEpochSecond(entry.getScore().longValue()),
						SchoolTime.ZONE);
				taken.merge(start, 1, Integer::sum);
			}
		}
		// seats held for a waiting family are taken for everyone else while the offer lasts
		long now = this.clock.instant().getEpochSecond();
		for (Object raw : this.redis.opsForHash().values(CallsKeys.offers(tenant))) {
			CallWaitlist.Held held = CallWaitlist.Held.parse((String) raw);
			if (held.expiresAt() > now && !held.start().isBefore(from) && !held.start().isAfter(to)) {
				taken.merge(held.start(), 1, Integer::sum);
			}
		}
		return taken;
	}

	static String slotId(LocalDateTime start) {
		return start.format(SLOT_ID);
	}

	static LocalDateTime slotStart(String slotId) {
		return LocalDateTime.parse(slotId, SLOT_ID);
	}

	static long epoch(LocalDateTime schoolTime) {
		return ZonedDateTime.of(schoolTime, SchoolTime.ZONE).toEpochSecond();
	}

	private static void requireId(String id) {
		if (id == null || id.isBlank() || id.contains("|")) {
			throw new IllegalArgumentException("not an id: " + id);
		}
	}

	/**
	 * A booking as stored: JSON {@code {start, station, family, child, by, bookedAt, status}} (an earlier version
	 * stored {@code start|station|family|child|by|bookedAtMillis|status}; both are read). {@code raw} is the stored
	 * text, which the scripts compare before they change it.
	 */
	private record Stored(Booking booking, String status, String raw) {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		@SuppressWarnings("unchecked")
		static Stored parse(String number, String raw) {
			if (raw.startsWith("{")) {
				Map<String, Object> f = JSON.readValue(raw, Map.class);
				return new Stored(new Booking(number, LocalDateTime.parse(String.valueOf(f.get("start"))),
						String.valueOf(f.get("station")), String.valueOf(f.get("family")), String.valueOf(f.get("child")),
						String.valueOf(f.get("by")), Instant.ofEpochMilli(Long.parseLong(String.valueOf(f.get("bookedAt"))))),
						String.valueOf(f.get("status")), raw);
			}
			String[] f = raw.split("\\|", -1);
			return new Stored(new Booking(number, LocalDateTime.parse(f[0]), f[1], f[2], f[3], f[4],
					Instant.ofEpochMilli(Long.parseLong(f[5]))), f[6], raw);
		}

		String cancelledRaw() {
			return with(this.booking.familyId(), this.booking.station(), CANCELLED);
		}

		/** The record with another station or status (as JSON, whatever it was stored as). */
		String with(String family, String station, String status) {
			Map<String, Object> f = new LinkedHashMap<>();
			f.put("start", this.booking.start().toString());
			f.put("station", station);
			f.put("family", family);
			f.put("child", this.booking.childId());
			f.put("by", this.booking.bookedBy());
			f.put("bookedAt", String.valueOf(this.booking.bookedAt().toEpochMilli()));
			f.put("status", status);
			return JSON.writeValueAsString(f);
		}

	}

}
