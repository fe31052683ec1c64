package org.qinqing.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinqing.system.RedisKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

/**
 * Call bookings in Redis. A slot's seats are its open stations; one Lua script checks and takes a seat
 * and the family's weekly cap together, so two callers (threads or instances) never get one seat.
 * The slot's time rules (notice, window, opening hours) are checked in Java first, from the calendar.
 *
 * <p>Keys ({@code qq:{tenant}:calls:...}, one hash tag per tenant so a script's keys share a node):
 * {@code slot:<yyyyMMddHHmm>} hash {@code s:<station>} and {@code f:<family>} → booking number (a seat may
 * instead hold {@code H:<family>:<expiry>}, kept for a waiting family by {@link CallWaitlist});
 * {@code week:<family>:<yyyy-Www>} set of the family's booking numbers in that ISO week;
 * {@code seq} the booking counter; {@code bookings} hash number → record; {@code all} and
 * {@code family:<family>} sorted sets of booking numbers by start (epoch seconds). The same scripts write
 * the jobs of {@link CallSchedule} (notices, reminders) and settle the family's waiting entry and offer.
 *
 * <p>After a change it publishes {@link CallBooked} / {@link CallCancelled}; nothing here listens to them.
 */
@Service
public class Bookings {

	private static final String ACTIVE = "ACTIVE";

	private static final String CANCELLED = "CANCELLED";

	private static final DateTimeFormatter SLOT_ID = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

	/**
	 * Lua shared by the booking scripts. A seat ({@code s:<station>} of a slot hash) is free when it has no
	 * value, or holds {@code H:<family>:<expiry epoch s>} for a waiting family whose offer has expired (or
	 * for the family asking). {@code pick} prefers the seat held for the family. {@code write} stores a
	 * new booking, settles the family's offer and waiting entry for the slot and schedules its notices
	 * ({@code booked|<number>}, due now) and reminders.
	 * Booking keys 1-11 and ARGV 1-11 are the same in BOOK and RESCHEDULE:
	 * KEYS: slot, week, seq, bookings, all, family, offers, wait, waiter, waits (of the family), schedule.
	 * ARGV: family, cap, start (epoch s), record prefix, record suffix, slot TTL (s), week TTL (s), now
	 * (epoch s), slot id, day-before reminder due ('' for none), 30-minute reminder due. The TTLs are relative,
	 * computed from the application's clock: Redis never compares an absolute time of ours with its own clock.
	 */
	static final String SEATS_LUA = """
			local function held_by(v)
			  if not v or string.sub(v, 1, 2) ~= 'H:' then return nil, nil end
			  local holder, exp = string.match(v, '^H:(.*):(%d+)$')
			  return holder, tonumber(exp)
			end
			local function seat_free(v, family, now)
			  if not v then return true end
			  local holder, exp = held_by(v)
			  if not holder then return false end
			  return holder == family or exp <= now
			end
			local function pick(slot, family, now, first)
			  for i = first, #ARGV do
			    local holder = held_by(redis.call('HGET', slot, 's:' .. ARGV[i]))
			    if holder and holder == family then return ARGV[i] end
			  end
			  for i = first, #ARGV do
			    if seat_free(redis.call('HGET', slot, 's:' .. ARGV[i]), family, now) then return ARGV[i] end
			  end
			  return nil
			end
			""";

	private static final String WRITE_LUA = """
			local function write(no, station)
			  redis.call('HSET', KEYS[1], 's:' .. station, no, 'f:' .. ARGV[1], no)
			  redis.call('EXPIRE', KEYS[1], ARGV[6])
			  redis.call('SADD', KEYS[2], no)
			  redis.call('EXPIRE', KEYS[2], ARGV[7])
			  redis.call('HSET', KEYS[4], no, ARGV[4] .. '|' .. station .. '|' .. ARGV[5])
			  redis.call('ZADD', KEYS[5], ARGV[3], no)
			  redis.call('ZADD', KEYS[6], ARGV[3], no)
			  local offer = redis.call('HGET', KEYS[7], ARGV[1])
			  if offer and string.sub(offer, 1, #ARGV[9] + 1) == ARGV[9] .. '|' then redis.call('HDEL', KEYS[7], ARGV[1]) end
			  redis.call('ZREM', KEYS[8], ARGV[1])
			  redis.call('HDEL', KEYS[9], ARGV[1])
			  redis.call('ZREM', KEYS[10], ARGV[9])
			  if ARGV[10] ~= '' then redis.call('ZADD', KEYS[11], ARGV[10], 'remind-day|' .. no) end
			  redis.call('ZADD', KEYS[11], ARGV[11], 'remind-30|' .. no)
			  redis.call('ZADD', KEYS[11], ARGV[8], 'booked|' .. no)
			end
			""";

	/** Stations from ARGV[12]. */
	private static final RedisScript<List> BOOK = RedisScript.of(SEATS_LUA + WRITE_LUA + """
			if redis.call('HEXISTS', KEYS[1], 'f:' .. ARGV[1]) == 1 then return {'ALREADY_BOOKED'} end
			local station = pick(KEYS[1], ARGV[1], tonumber(ARGV[8]), 12)
			if not station then return {'FULL'} end
			if redis.call('SCARD', KEYS[2]) >= tonumber(ARGV[2]) then return {'FAMILY_CAP'} end
			local no = string.format('V%04d', redis.call('INCR', KEYS[3]))
			write(no, station)
			return {'BOOKED', no, station}
			""", List.class);

	/**
	 * Cancels a booking: KEYS bookings, slot, week, all, family, schedule (k1..k6 given as indexes);
	 * ARGV-like values given as arguments.
	 */
	private static final String CANCEL_LUA = """
			local function cancel(kb, ks, kw, ka, kf, ksched, no, raw, cancelled, station, family, reason, now)
			  if redis.call('HGET', kb, no) ~= raw then return 0 end
			  redis.call('HSET', kb, no, cancelled)
			  if redis.call('HGET', ks, 's:' .. station) == no then redis.call('HDEL', ks, 's:' .. station) end
			  if redis.call('HGET', ks, 'f:' .. family) == no then redis.call('HDEL', ks, 'f:' .. family) end
			  redis.call('SREM', kw, no)
			  redis.call('ZREM', ka, no)
			  redis.call('ZREM', kf, no)
			  redis.call('ZREM', ksched, 'remind-day|' .. no, 'remind-30|' .. no)
			  redis.call('ZADD', ksched, now, 'cancelled|' .. no .. '|' .. reason)
			  return 1
			end
			""";

	/**
	 * KEYS: bookings, slot, week, all, family, schedule. ARGV: number, record as read, cancelled record, station,
	 * family, reason, now (epoch s).
	 */
	private static final RedisScript<Long> CANCEL = RedisScript.of(CANCEL_LUA + """
			return cancel(KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5],
			    ARGV[6], ARGV[7])
			""", Long.class);

	/**
	 * Books the new slot and cancels the old booking in one step. KEYS 1-11 and ARGV 1-11 as in BOOK, then
	 * KEYS: old slot, old week; ARGV: old number, old record as read, its cancelled record, old station;
	 * stations from ARGV[16]. The old booking does not count against the cap of its own week.
	 */
	private static final RedisScript<List> RESCHEDULE = RedisScript.of(SEATS_LUA + WRITE_LUA + CANCEL_LUA + """
			if redis.call('HGET', KEYS[4], ARGV[12]) ~= ARGV[13] then return {'NOT_FOUND'} end
			if redis.call('HEXISTS', KEYS[1], 'f:' .. ARGV[1]) == 1 then return {'ALREADY_BOOKED'} end
			local station = pick(KEYS[1], ARGV[1], tonumber(ARGV[8]), 16)
			if not station then return {'FULL'} end
			local count = redis.call('SCARD', KEYS[2]) - redis.call('SISMEMBER', KEYS[2], ARGV[12])
			if count >= tonumber(ARGV[2]) then return {'FAMILY_CAP'} end
			cancel(KEYS[4], KEYS[12], KEYS[13], KEYS[5], KEYS[6], KEYS[11], ARGV[12], ARGV[13], ARGV[14], ARGV[15], ARGV[1],
			    'rescheduled', ARGV[8])
			local no = string.format('V%04d', redis.call('INCR', KEYS[3]))
			write(no, station)
			return {'BOOKED', no, station}
			""", List.class);

	/**
	 * Moves a booking to another station of its slot when that seat is free (a closure took its station).
	 * KEYS: bookings, slot. ARGV: number, record as read, moved record, old station, new station, now.
	 */
	private static final RedisScript<Long> MOVE = RedisScript.of(SEATS_LUA + """
			if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
			if not seat_free(redis.call('HGET', KEYS[2], 's:' .. ARGV[5]), '', tonumber(ARGV[6])) then return 0 end
			redis.call('HSET', KEYS[2], 's:' .. ARGV[5], ARGV[1])
			if redis.call('HGET', KEYS[2], 's:' .. ARGV[4]) == ARGV[1] then redis.call('HDEL', KEYS[2], 's:' .. ARGV[4]) end
			redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
			return 1
			""", Long.class);

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
		keys.add(keys(tenant, "slot", slotId(oldStart)));
		keys.add(weekKey(tenant, familyId, oldStart));
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
		Long done = this.redis.execute(CANCEL,
				List.of(keys(tenant, "bookings"), keys(tenant, "slot", slotId(start)), weekKey(tenant, b.familyId(), start),
						keys(tenant, "all"), keys(tenant, "family", b.familyId()), CallSchedule.key(tenant)),
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
		String moved = stored.raw().replaceFirst("^([^|]*)\\|[^|]*\\|", "$1|" + java.util.regex.Matcher.quoteReplacement(station) + "|");
		Long done = this.redis.execute(MOVE, List.of(keys(tenant, "bookings"), keys(tenant, "slot", slotId(b.start()))),
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
		Object raw = this.redis.opsForHash().get(keys(tenant, "bookings"), bookingNumber);
		return raw == null ? Optional.empty() : Optional.of(Stored.parse(bookingNumber, (String) raw));
	}

	private List<String> bookKeys(String tenant, String familyId, LocalDateTime slotStart) {
		String slot = slotId(slotStart);
		return List.of(keys(tenant, "slot", slot), weekKey(tenant, familyId, slotStart), keys(tenant, "seq"),
				keys(tenant, "bookings"), keys(tenant, "all"), keys(tenant, "family", familyId),
				CallWaitlist.offersKey(tenant), CallWaitlist.waitKey(tenant, slot), CallWaitlist.waiterKey(tenant, slot),
				CallWaitlist.familyKey(tenant, familyId), CallSchedule.key(tenant));
	}

	private List<String> bookArgs(CallSettings s, String familyId, String childId, String bookedBy,
			LocalDateTime slotStart, Instant bookedAt) {
		long start = epoch(slotStart);
		long now = bookedAt.getEpochSecond();
		long dayBefore = start - ChronoUnit.DAYS.getDuration().toSeconds();
		long slotTtl = ttl(start + ChronoUnit.DAYS.getDuration().toSeconds(), now);
		long weekTtl = ttl(epoch(slotStart.toLocalDate().plusWeeks(2).atStartOfDay()), now);
		return new ArrayList<>(List.of(familyId, String.valueOf(s.familyCapPerWeek()), String.valueOf(start),
				slotStart.toString(), familyId + "|" + childId + "|" + bookedBy + "|" + bookedAt.toEpochMilli() + "|" + ACTIVE,
				String.valueOf(slotTtl), String.valueOf(weekTtl), String.valueOf(now),
				slotId(slotStart), dayBefore > now ? String.valueOf(dayBefore) : "",
				String.valueOf(Math.max(now, start - Duration.ofMinutes(30).toSeconds()))));
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
				this.redis.opsForZSet().rangeByScore(keys(tenant, "family", familyId), now, Double.MAX_VALUE));
	}

	/**
	 * The numbers of the family's calls in the ISO week of {@code date} (school time), those already held
	 * too: what the weekly cap counts. Cancelled calls are not in it.
	 */
	public Set<String> weekCalls(String tenant, String familyId, java.time.LocalDate date) {
		Set<String> numbers = this.redis.opsForSet().members(weekKey(tenant, familyId, date.atStartOfDay()));
		return numbers == null ? Set.of() : numbers;
	}

	/** Active bookings whose call starts from {@code from} (inclusive) to {@code to} (exclusive), by start and station. */
	public List<Booking> between(String tenant, LocalDateTime from, LocalDateTime to) {
		List<Booking> found = active(tenant,
				this.redis.opsForZSet().rangeByScore(keys(tenant, "all"), epoch(from), epoch(to) - 1));
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
		List<Object> raws = this.redis.opsForHash().multiGet(keys(tenant, "bookings"), ordered);
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

	/** One booking by its number, active or cancelled. */
	public Optional<Booking> booking(String tenant, String bookingNumber) {
		Object raw = this.redis.opsForHash().get(keys(tenant, "bookings"), bookingNumber);
		return raw == null ? Optional.empty() : Optional.of(Stored.parse(bookingNumber, (String) raw).booking());
	}

	/** Seats booked per slot start (school time) for slots starting from {@code from} to {@code to}. */
	public Map<LocalDateTime, Integer> takenSeats(String tenant, LocalDateTime from, LocalDateTime to) {
		Set<TypedTuple<String>> entries = this.redis.opsForZSet()
			.rangeByScoreWithScores(keys(tenant, "all"), epoch(from), epoch(to));
		Map<LocalDateTime, Integer> taken = new HashMap<>();
		if (entries != null) {
			for (TypedTuple<String> entry : entries) {
				LocalDateTime start = LocalDateTime.ofInstant(Instant.ofEpochSecond(entry.getScore().longValue()),
						CallSettings.ZONE);
				taken.merge(start, 1, Integer::sum);
			}
		}
		// seats held for a waiting family are taken for everyone else while the offer lasts
		long now = this.clock.instant().getEpochSecond();
		for (Object raw : this.redis.opsForHash().values(CallWaitlist.offersKey(tenant))) {
			CallWaitlist.Held held = CallWaitlist.Held.parse((String) raw);
			if (held.expiresAt() > now && !held.start().isBefore(from) && !held.start().isAfter(to)) {
				taken.merge(held.start(), 1, Integer::sum);
			}
		}
		return taken;
	}

	private static String weekKey(String tenant, String familyId, LocalDateTime start) {
		String week = start.get(IsoFields.WEEK_BASED_YEAR) + "-W"
				+ String.format("%02d", start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
		return RedisKeys.of(tenant, "calls", "week:" + familyId + ":" + week);
	}

	static String slotId(LocalDateTime start) {
		return start.format(SLOT_ID);
	}

	static LocalDateTime slotStart(String slotId) {
		return LocalDateTime.parse(slotId, SLOT_ID);
	}

	private static String keys(String tenant, String area) {
		return RedisKeys.of(tenant, "calls", area);
	}

	private static String keys(String tenant, String area, String id) {
		return RedisKeys.of(tenant, "calls", area + ":" + id);
	}

	static long epoch(LocalDateTime schoolTime) {
		return ZonedDateTime.of(schoolTime, CallSettings.ZONE).toEpochSecond();
	}

	private static void requireId(String id) {
		if (id == null || id.isBlank() || id.contains("|")) {
			throw new IllegalArgumentException("not an id: " + id);
		}
	}

	/** {@code start|station|family|child|by|bookedAtMillis|status}. */
	private record Stored(Booking booking, String status, String raw) {

		static Stored parse(String number, String raw) {
			String[] f = raw.split("\\|", -1);
			return new Stored(new Booking(number, LocalDateTime.parse(f[0]), f[1], f[2], f[3], f[4],
					Instant.ofEpochMilli(Long.parseLong(f[5]))), f[6], raw);
		}

		String cancelledRaw() {
			return this.raw.substring(0, this.raw.length() - this.status.length()) + CANCELLED;
		}

	}

}
