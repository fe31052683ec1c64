package org.qinqing.calls;

import java.time.Clock;
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
 * {@code slot:<yyyyMMddHHmm>} hash {@code s:<station>} and {@code f:<family>} → booking number;
 * {@code week:<family>:<yyyy-Www>} set of the family's booking numbers in that ISO week;
 * {@code seq} the booking counter; {@code bookings} hash number → record; {@code all} and
 * {@code family:<family>} sorted sets of booking numbers by start (epoch seconds).
 */
@Service
public class Bookings {

	private static final String ACTIVE = "ACTIVE";

	private static final String CANCELLED = "CANCELLED";

	private static final DateTimeFormatter SLOT_ID = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

	/**
	 * KEYS: slot, week, seq, bookings, all, family. ARGV: family, cap, start (epoch s), record without
	 * number and station (prefix, suffix), slot expiry, week expiry (epoch s), stations...
	 */
	private static final RedisScript<List> BOOK = RedisScript.of("""
			if redis.call('HEXISTS', KEYS[1], 'f:' .. ARGV[1]) == 1 then return {'ALREADY_BOOKED'} end
			local station = nil
			for i = 8, #ARGV do
			  if redis.call('HEXISTS', KEYS[1], 's:' .. ARGV[i]) == 0 then station = ARGV[i] break end
			end
			if not station then return {'FULL'} end
			if redis.call('SCARD', KEYS[2]) >= tonumber(ARGV[2]) then return {'FAMILY_CAP'} end
			local no = string.format('V%04d', redis.call('INCR', KEYS[3]))
			redis.call('HSET', KEYS[1], 's:' .. station, no, 'f:' .. ARGV[1], no)
			redis.call('EXPIREAT', KEYS[1], ARGV[6])
			redis.call('SADD', KEYS[2], no)
			redis.call('EXPIREAT', KEYS[2], ARGV[7])
			redis.call('HSET', KEYS[4], no, ARGV[4] .. '|' .. station .. '|' .. ARGV[5])
			redis.call('ZADD', KEYS[5], ARGV[3], no)
			redis.call('ZADD', KEYS[6], ARGV[3], no)
			return {'BOOKED', no, station}
			""", List.class);

	/** KEYS: bookings, slot, week, all, family. ARGV: number, record as read, cancelled record, station, family. */
	private static final RedisScript<Long> CANCEL = RedisScript.of("""
			if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
			redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
			if redis.call('HGET', KEYS[2], 's:' .. ARGV[4]) == ARGV[1] then redis.call('HDEL', KEYS[2], 's:' .. ARGV[4]) end
			if redis.call('HGET', KEYS[2], 'f:' .. ARGV[5]) == ARGV[1] then redis.call('HDEL', KEYS[2], 'f:' .. ARGV[5]) end
			redis.call('SREM', KEYS[3], ARGV[1])
			redis.call('ZREM', KEYS[4], ARGV[1])
			redis.call('ZREM', KEYS[5], ARGV[1])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final CallSettingsStore settings;

	private final Clock clock;

	Bookings(StringRedisTemplate redis, CallSettingsStore settings, Clock clock) {
		this.redis = redis;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Books a seat at {@code slotStart} (school time) for a family's child, if the slot is bookable now,
	 * has a free seat, the family has not booked it and is under its weekly cap.
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
		List<String> stations = SlotCalendar.openStations(s, slotStart);
		Instant bookedAt = this.clock.instant();
		long start = epoch(slotStart);
		List<String> args = new ArrayList<>(List.of(familyId, String.valueOf(s.familyCapPerWeek()),
				String.valueOf(start), slotStart.toString(),
				familyId + "|" + childId + "|" + bookedByPersonId + "|" + bookedAt.toEpochMilli() + "|" + ACTIVE,
				String.valueOf(start + ChronoUnit.DAYS.getDuration().toSeconds()),
				String.valueOf(epoch(slotStart.toLocalDate().plusWeeks(2).atStartOfDay()))));
		args.addAll(stations);
		List<?> reply = this.redis.execute(BOOK, List.of(keys(tenant, "slot", slotStart.format(SLOT_ID)),
				weekKey(tenant, familyId, slotStart), keys(tenant, "seq"), keys(tenant, "bookings"), keys(tenant, "all"),
				keys(tenant, "family", familyId)), args.toArray());
		BookingOutcome outcome = BookingOutcome.valueOf(String.valueOf(reply.get(0)));
		if (outcome != BookingOutcome.BOOKED) {
			return BookingResult.failed(outcome);
		}
		return BookingResult.booked(new Booking(String.valueOf(reply.get(1)), slotStart, String.valueOf(reply.get(2)),
				familyId, childId, bookedByPersonId, bookedAt));
	}

	/** Cancels a family's booking, unless its call starts within the cancel notice; frees its seat. */
	public CancelOutcome cancel(String tenant, String familyId, String bookingNumber) {
		String raw = (String) this.redis.opsForHash().get(keys(tenant, "bookings"), bookingNumber);
		if (raw == null) {
			return CancelOutcome.NOT_FOUND;
		}
		Stored stored = Stored.parse(bookingNumber, raw);
		if (!stored.booking().familyId().equals(familyId) || !ACTIVE.equals(stored.status())) {
			return CancelOutcome.NOT_FOUND;
		}
		CallSettings s = this.settings.settings(tenant);
		if (stored.booking().start().isBefore(SlotCalendar.now(this.clock).plus(s.cancelNotice()))) {
			return CancelOutcome.TOO_LATE;
		}
		String cancelled = raw.substring(0, raw.length() - ACTIVE.length()) + CANCELLED;
		LocalDateTime start = stored.booking().start();
		Long done = this.redis.execute(CANCEL,
				List.of(keys(tenant, "bookings"), keys(tenant, "slot", start.format(SLOT_ID)),
						weekKey(tenant, familyId, start), keys(tenant, "all"), keys(tenant, "family", familyId)),
				bookingNumber, raw, cancelled, stored.booking().station(), familyId);
		return done != null && done == 1 ? CancelOutcome.CANCELLED : CancelOutcome.NOT_FOUND;
	}

	/** The family's active bookings that have not started yet, earliest first. */
	public List<Booking> upcoming(String tenant, String familyId) {
		long now = this.clock.instant().getEpochSecond();
		Set<String> numbers = this.redis.opsForZSet().rangeByScore(keys(tenant, "family", familyId), now, Double.MAX_VALUE);
		List<Booking> upcoming = new ArrayList<>();
		if (numbers == null || numbers.isEmpty()) {
			return upcoming;
		}
		List<String> ordered = new ArrayList<>(numbers);
		List<Object> raws = this.redis.opsForHash().multiGet(keys(tenant, "bookings"), new ArrayList<>(ordered));
		for (int i = 0; i < ordered.size(); i++) {
			if (raws.get(i) != null) {
				Stored stored = Stored.parse(ordered.get(i), (String) raws.get(i));
				if (ACTIVE.equals(stored.status())) {
					upcoming.add(stored.booking());
				}
			}
		}
		return upcoming;
	}

	/** Active bookings whose call starts from {@code from} (inclusive) to {@code to} (exclusive), by start and station. */
	public List<Booking> between(String tenant, LocalDateTime from, LocalDateTime to) {
		Set<String> numbers = this.redis.opsForZSet().rangeByScore(keys(tenant, "all"), epoch(from), epoch(to) - 1);
		List<Booking> found = new ArrayList<>();
		if (numbers == null || numbers.isEmpty()) {
			return found;
		}
		List<String> ordered = new ArrayList<>(numbers);
		List<Object> raws = this.redis.opsForHash().multiGet(keys(tenant, "bookings"), new ArrayList<>(ordered));
		for (int i = 0; i < ordered.size(); i++) {
			if (raws.get(i) != null) {
				Stored stored = Stored.parse(ordered.get(i), (String) raws.get(i));
				if (ACTIVE.equals(stored.status())) {
					found.add(stored.booking());
				}
			}
		}
		found.sort(java.util.Comparator.comparing(Booking::start).thenComparing(Booking::station));
		return found;
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
		return taken;
	}

	private static String weekKey(String tenant, String familyId, LocalDateTime start) {
		String week = start.get(IsoFields.WEEK_BASED_YEAR) + "-W"
				+ String.format("%02d", start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
		return RedisKeys.of(tenant, "calls", "week:" + familyId + ":" + week);
	}

	private static String keys(String tenant, String area) {
		return RedisKeys.of(tenant, "calls", area);
	}

	private static String keys(String tenant, String area, String id) {
		return RedisKeys.of(tenant, "calls", area + ":" + id);
	}

	private static long epoch(LocalDateTime schoolTime) {
		return ZonedDateTime.of(schoolTime, CallSettings.ZONE).toEpochSecond();
	}

	private static void requireId(String id) {
		if (id == null || id.isBlank() || id.contains("|")) {
			throw new IllegalArgumentException("not an id: " + id);
		}
	}

	/** {@code start|station|family|child|by|bookedAtMillis|status}. */
	private record Stored(Booking booking, String status) {

		static Stored parse(String number, String raw) {
			String[] f = raw.split("\\|", -1);
			return new Stored(new Booking(number, LocalDateTime.parse(f[0]), f[1], f[2], f[3], f[4],
					Instant.ofEpochMilli(Long.parseLong(f[5]))), f[6]);
		}

	}

}
