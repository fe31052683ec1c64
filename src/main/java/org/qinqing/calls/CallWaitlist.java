package org.qinqing.calls;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

/**
 * Families waiting for a full slot, first come first offered. When a seat frees (a cancellation, a
 * reschedule away, an expired or declined offer) the first waiting family is offered it: the seat is held
 * for it for {@code qinqing.calls.offer-hold} ({@code H:<family>:<expiry>} in the slot hash, which
 * {@link Bookings#book} treats as taken for everyone else) and it is told through the outbox. An offer
 * that expires or is declined goes to the next in line; queues of slots past the minimum notice are dropped.
 *
 * <p>Keys ({@code qq:{tenant}:calls:...}): {@code wait:<slot>} sorted set of families by join order;
 * {@code waiter:<slot>} hash family → {@code child|person}; {@code waits:<family>} and {@code waitslots}
 * sorted sets of slot ids by start; {@code offers} hash family → {@code slot|station|child|person|expiry};
 * one offer per family at a time (a family holding one keeps its place in other queues, and a seat no
 * waiter without an offer can take stays free for anyone to book). The weekly cap is checked when the offer
 * is accepted; a family that cannot take it (cap, notice) passes it on.
 */
@Service
public class CallWaitlist {

	/**
	 * KEYS: slot, wait, waiter, waits, waitslots, waitseq, offers. ARGV: family, data, now, start, slot id,
	 * stations... Times are epoch seconds of the application's clock; expiries are given relative to its now.
	 */
	private static final RedisScript<String> JOIN = RedisScript.of(Bookings.SEATS_LUA + """
			if redis.call('HEXISTS', KEYS[1], 'f:' .. ARGV[1]) == 1 then return 'ALREADY_BOOKED' end
			local now = tonumber(ARGV[3])
			local offer = redis.call('HGET', KEYS[7], ARGV[1])
			if offer and string.sub(offer, 1, #ARGV[5] + 1) == ARGV[5] .. '|'
			    and tonumber(string.match(offer, '|(%d+)$')) > now then return 'ALREADY_WAITING' end
			if redis.call('ZSCORE', KEYS[2], ARGV[1]) then return 'ALREADY_WAITING' end
			for i = 6, #ARGV do
			  if seat_free(redis.call('HGET', KEYS[1], 's:' .. ARGV[i]), '', now) then return 'NOT_FULL' end
			end
			redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[6]), ARGV[1])
			redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
			local ttl = math.max(60, tonumber(ARGV[4]) + 86400 - now)
			redis.call('EXPIRE', KEYS[2], ttl)
			redis.call('EXPIRE', KEYS[3], ttl)
			redis.call('ZADD', KEYS[4], ARGV[4], ARGV[5])
			redis.call('ZADD', KEYS[5], ARGV[4], ARGV[5])
			return 'JOINED'
			""", String.class);

	/**
	 * Holds a free seat for one waiting family. KEYS: slot, wait, waiter, offers, waits, schedule.
	 * ARGV: family, now, expiry, slot id, slot start (epoch s), stations...
	 */
	private static final RedisScript<List> OFFER = RedisScript.of(Bookings.SEATS_LUA + """
			local family = ARGV[1]
			if not redis.call('ZSCORE', KEYS[2], family) then return {'RETRY'} end
			local function drop()
			  redis.call('ZREM', KEYS[2], family)
			  redis.call('HDEL', KEYS[3], family)
			  redis.call('ZREM', KEYS[5], ARGV[4])
			end
			if redis.call('HEXISTS', KEYS[1], 'f:' .. family) == 1 then drop() return {'RETRY'} end
			local now = tonumber(ARGV[2])
			local current = redis.call('HGET', KEYS[4], family)
			if current and tonumber(string.match(current, '|(%d+)$')) > now then return {'BUSY'} end
			local station = nil
			for i = 6, #ARGV do
			  if seat_free(redis.call('HGET', KEYS[1], 's:' .. ARGV[i]), '', now) then station = ARGV[i] break end
			end
			if not station then return {'NONE'} end
			local data = redis.call('HGET', KEYS[3], family) or '|'
			drop()
			redis.call('HSET', KEYS[1], 's:' .. station, 'H:' .. family .. ':' .. ARGV[3])
			redis.call('EXPIRE', KEYS[1], math.max(60, tonumber(ARGV[5]) + 86400 - now))
			redis.call('HSET', KEYS[4], family, ARGV[4] .. '|' .. station .. '|' .. data .. '|' .. ARGV[3])
			redis.call('ZADD', KEYS[6], ARGV[3], 'offer|' .. family .. '|' .. ARGV[4])
			return {'OFFERED', station, data}
			""", List.class);

	/** Ends an offer as read. KEYS: offers, slot, schedule. ARGV: family, offer as read, slot id. */
	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
			redis.call('HDEL', KEYS[1], ARGV[1])
			local hold = 'H:' .. ARGV[1] .. ':' .. string.match(ARGV[2], '|(%d+)$')
			local station = string.match(ARGV[2], '^[^|]*|([^|]*)|')
			if redis.call('HGET', KEYS[2], 's:' .. station) == hold then redis.call('HDEL', KEYS[2], 's:' .. station) end
			redis.call('ZREM', KEYS[3], 'offer|' .. ARGV[1] .. '|' .. ARGV[3])
			return 1
			""", Long.class);

	/** KEYS: wait, waiter, waits. ARGV: family, slot id. */
	private static final RedisScript<Long> LEAVE = RedisScript.of("""
			local removed = redis.call('ZREM', KEYS[1], ARGV[1])
			redis.call('HDEL', KEYS[2], ARGV[1])
			redis.call('ZREM', KEYS[3], ARGV[2])
			return removed
			""", Long.class);

	/** An offer as stored: {@code slot|station|child|person|expiry}. */
	record Held(String slotId, String station, String childId, String personId, long expiresAt) {

		static Held parse(String raw) {
			String[] f = raw.split("\\|", -1);
			return new Held(f[0], f[1], f[2], f[3], Long.parseLong(f[4]));
		}

		LocalDateTime start() {
			return Bookings.slotStart(this.slotId);
		}

	}

	private final StringRedisTemplate redis;

	private final CallSettingsStore settings;

	private final Bookings bookings;

	private final CallNotices notices;

	private final CallTimings timings;

	private final Clock clock;

	CallWaitlist(StringRedisTemplate redis, CallSettingsStore settings, Bookings bookings, CallNotices notices,
			CallTimings timings, Clock clock) {
		this.redis = redis;
		this.settings = settings;
		this.bookings = bookings;
		this.notices = notices;
		this.timings = timings;
		this.clock = clock;
	}

	/** Puts the family in the queue of a full slot; {@code personId} is who asked (told when a seat frees). */
	public WaitOutcome join(String tenant, String familyId, String childId, String personId, LocalDateTime slotStart) {
		requireId(familyId);
		requireId(childId);
		requireId(personId);
		CallSettings s = this.settings.settings(tenant);
		Optional<BookingOutcome> refused = SlotCalendar.check(s, SlotCalendar.now(this.clock), slotStart);
		if (refused.isPresent()) {
			return refused.get() == BookingOutcome.TOO_LATE ? WaitOutcome.TOO_LATE : WaitOutcome.CLOSED;
		}
		String slot = Bookings.slotId(slotStart);
		List<String> args = new ArrayList<>(List.of(familyId, childId + "|" + personId, String.valueOf(nowEpoch()),
				String.valueOf(Bookings.epoch(slotStart)), slot));
		args.addAll(SlotCalendar.openStations(s, slotStart));
		String outcome = this.redis.execute(JOIN,
				List.of(slotKey(tenant, slot), waitKey(tenant, slot), waiterKey(tenant, slot), familyKey(tenant, familyId),
						waitSlotsKey(tenant), key(tenant, "waitseq"), offersKey(tenant)),
				args.toArray());
		return WaitOutcome.valueOf(outcome);
	}

	/** The family's pending offer of a freed seat, unless it has expired. */
	public Optional<Offer> pendingOffer(String tenant, String familyId) {
		return held(tenant, familyId).filter(h -> h.expiresAt() > nowEpoch())
			.map(h -> new Offer(h.start(), h.childId(), Instant.ofEpochSecond(h.expiresAt())));
	}

	/**
	 * Books the seat held for the family; {@link BookingOutcome#NO_OFFER} when there is no pending offer.
	 * When the booking fails otherwise (the weekly cap, the notice) the offer ends and goes to the next in line.
	 */
	public BookingResult accept(String tenant, String familyId, String personId) {
		Optional<String> raw = rawOffer(tenant, familyId);
		if (raw.isEmpty()) {
			return BookingResult.failed(BookingOutcome.NO_OFFER);
		}
		Held held = Held.parse(raw.get());
		if (held.expiresAt() <= nowEpoch()) {
			release(tenant, familyId, raw.get());
			return BookingResult.failed(BookingOutcome.NO_OFFER);
		}
		BookingResult result = this.bookings.book(tenant, familyId, held.childId(), personId, held.start());
		if (!result.isBooked()) {
			release(tenant, familyId, raw.get());
		}
		return result;
	}

	/** Lets the pending offer go to the next waiting family; false when there was none. */
	public boolean decline(String tenant, String familyId) {
		Optional<String> raw = rawOffer(tenant, familyId);
		return raw.isPresent() && release(tenant, familyId, raw.get());
	}

	/** The upcoming slots the family waits for, earliest first (a held offer not included). */
	public List<LocalDateTime> waiting(String tenant, String familyId) {
		Set<String> slots = this.redis.opsForZSet().rangeByScore(familyKey(tenant, familyId), nowEpoch(), Double.MAX_VALUE);
		List<LocalDateTime> waiting = new ArrayList<>();
		if (slots != null) {
			for (String slot : slots) {
				if (this.redis.opsForZSet().score(waitKey(tenant, slot), familyId) != null) {
					waiting.add(Bookings.slotStart(slot));
				}
			}
		}
		return waiting;
	}

	/** Takes the family out of a slot's queue (and gives up its offer of that slot); false when it was in neither. */
	public boolean leave(String tenant, String familyId, LocalDateTime slotStart) {
		String slot = Bookings.slotId(slotStart);
		Long removed = this.redis.execute(LEAVE,
				List.of(waitKey(tenant, slot), waiterKey(tenant, slot), familyKey(tenant, familyId)), familyId, slot);
		boolean left = removed != null && removed == 1;
		Optional<String> raw = rawOffer(tenant, familyId);
		if (raw.isPresent() && Held.parse(raw.get()).slotId().equals(slot)) {
			left |= release(tenant, familyId, raw.get());
		}
		return left;
	}

	/**
	 * Offers the slot's free seats to the first waiting families without a pending offer; drops the queue
	 * when the slot can no longer be booked. Returns how many offers were made.
	 */
	int offerNext(String tenant, LocalDateTime slotStart) {
		CallSettings s = this.settings.settings(tenant);
		String slot = Bookings.slotId(slotStart);
		if (SlotCalendar.check(s, SlotCalendar.now(this.clock), slotStart).isPresent()) {
			dropQueue(tenant, slot);
			return 0;
		}
		List<String> stations = SlotCalendar.openStations(s, slotStart);
		int offered = 0;
		for (int round = 0; round < 100; round++) {
			Set<String> queue = this.redis.opsForZSet().range(waitKey(tenant, slot), 0, -1);
			if (queue == null || queue.isEmpty()) {
				return offered;
			}
			boolean changed = false;
			for (String family : queue) {
				long now = nowEpoch();
				long expiry = now + this.timings.offerHold().toSeconds();
				List<String> args = new ArrayList<>(List.of(family, String.valueOf(now), String.valueOf(expiry), slot,
						String.valueOf(Bookings.epoch(slotStart))));
				args.addAll(stations);
				List<?> reply = this.redis.execute(OFFER,
						List.of(slotKey(tenant, slot), waitKey(tenant, slot), waiterKey(tenant, slot), offersKey(tenant),
								familyKey(tenant, family), CallSchedule.key(tenant)),
						args.toArray());
				String verdict = String.valueOf(reply.get(0));
				if ("NONE".equals(verdict)) {
					return offered;
				}
				if ("OFFERED".equals(verdict)) {
					String[] data = String.valueOf(reply.get(2)).split("\\|", -1);
					offered++;
					this.notices.offered(tenant, family, data[0], data[1], slotStart, Instant.ofEpochSecond(expiry));
				}
				if (!"BUSY".equals(verdict)) {
					changed = true;
					break;
				}
			}
			if (!changed) {
				return offered; // everyone left holds another offer
			}
		}
		return offered;
	}

	/** The scheduled end of an offer: when it is still pending and due, it ends and the next is offered. */
	boolean expire(String tenant, String familyId, String slot) {
		Optional<String> raw = rawOffer(tenant, familyId);
		if (raw.isEmpty() || !Held.parse(raw.get()).slotId().equals(slot)) {
			return true; // accepted, declined or replaced
		}
		Held held = Held.parse(raw.get());
		if (held.expiresAt() > nowEpoch()) {
			return false; // not yet: the job comes again
		}
		release(tenant, familyId, raw.get());
		this.notices.offerLapsed(tenant, familyId, held.childId(), held.personId(), held.start(),
				Instant.ofEpochSecond(held.expiresAt()));
		return true;
	}

	/** Drops the queues of slots that can no longer be booked (past the minimum notice). */
	int dropStale(String tenant) {
		CallSettings s = this.settings.settings(tenant);
		long limit = Bookings.epoch(SlotCalendar.now(this.clock).plus(s.minNotice())) - 1;
		Set<String> stale = this.redis.opsForZSet().rangeByScore(waitSlotsKey(tenant), Double.NEGATIVE_INFINITY, limit);
		if (stale == null) {
			return 0;
		}
		for (String slot : stale) {
			dropQueue(tenant, slot);
		}
		return stale.size();
	}

	/**
	 * A closure: every queue and offer of the date ends, and their families are told. The notices are
	 * idempotent, so a second delivery of the same closure tells nobody twice.
	 */
	void closeDate(String tenant, LocalDate date) {
		long from = Bookings.epoch(date.atStartOfDay());
		long to = Bookings.epoch(date.plusDays(1).atStartOfDay()) - 1;
		Set<String> slots = this.redis.opsForZSet().rangeByScore(waitSlotsKey(tenant), from, to);
		if (slots != null) {
			for (String slot : slots) {
				Set<String> families = this.redis.opsForZSet().range(waitKey(tenant, slot), 0, -1);
				Map<Object, Object> data = this.redis.opsForHash().entries(waiterKey(tenant, slot));
				dropQueue(tenant, slot);
				for (String family : families == null ? Set.<String>of() : families) {
					String[] f = String.valueOf(data.getOrDefault(family, "|")).split("\\|", -1);
					this.notices.waitClosed(tenant, family, f[0], f[1], Bookings.slotStart(slot));
				}
			}
		}
		for (Map.Entry<Object, Object> entry : this.redis.opsForHash().entries(offersKey(tenant)).entrySet()) {
			String family = (String) entry.getKey();
			Held held = Held.parse((String) entry.getValue());
			if (held.start().toLocalDate().equals(date) && releaseOnly(tenant, family, (String) entry.getValue())) {
				this.notices.waitClosed(tenant, family, held.childId(), held.personId(), held.start());
			}
		}
	}

	private void dropQueue(String tenant, String slot) {
		Set<String> families = this.redis.opsForZSet().range(waitKey(tenant, slot), 0, -1);
		if (families != null) {
			for (String family : families) {
				this.redis.opsForZSet().remove(familyKey(tenant, family), slot);
			}
		}
		this.redis.delete(List.of(waitKey(tenant, slot), waiterKey(tenant, slot)));
		this.redis.opsForZSet().remove(waitSlotsKey(tenant), slot);
	}

	/** Ends the offer as read and offers its seat to the next in line; false when it had changed. */
	private boolean release(String tenant, String familyId, String raw) {
		if (!releaseOnly(tenant, familyId, raw)) {
			return false;
		}
		offerNext(tenant, Held.parse(raw).start());
		return true;
	}

	private boolean releaseOnly(String tenant, String familyId, String raw) {
		Held held = Held.parse(raw);
		Long done = this.redis.execute(RELEASE,
				List.of(offersKey(tenant), slotKey(tenant, held.slotId()), CallSchedule.key(tenant)), familyId, raw,
				held.slotId());
		return done != null && done == 1;
	}

	private Optional<Held> held(String tenant, String familyId) {
		return rawOffer(tenant, familyId).map(Held::parse);
	}

	private Optional<String> rawOffer(String tenant, String familyId) {
		Object raw = this.redis.opsForHash().get(offersKey(tenant), familyId);
		return Optional.ofNullable((String) raw);
	}

	private long nowEpoch() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
	}

	static String offersKey(String tenant) {
		return key(tenant, "offers");
	}

	static String waitKey(String tenant, String slot) {
		return key(tenant, "wait:" + slot);
	}

	static String waiterKey(String tenant, String slot) {
		return key(tenant, "waiter:" + slot);
	}

	static String familyKey(String tenant, String familyId) {
		return key(tenant, "waits:" + familyId);
	}

	private static String waitSlotsKey(String tenant) {
		return key(tenant, "waitslots");
	}

	private static String slotKey(String tenant, String slot) {
		return key(tenant, "slot:" + slot);
	}

	private static String key(String tenant, String id) {
		return RedisKeys.of(tenant, "calls", id);
	}

	private static void requireId(String id) {
		if (id == null || id.isBlank() || id.contains("|")) {
			throw new IllegalArgumentException("not an id: " + id);
		}
	}

}
