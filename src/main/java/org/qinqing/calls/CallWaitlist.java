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

import org.qinqing.jobs.DueJobs;
import org.qinqing.system.LuaScripts;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Families waiting for a full slot, first come first offered. When a seat frees (a cancellation, a
 * reschedule away, an expired or declined offer) the first waiting family is offered it: the seat is held
 * for it for {@code qinqing.calls.offer-hold} ({@code H:<family>:<expiry>} in the slot hash, which
 * {@link Bookings#book} treats as taken for everyone else) and it is told through the outbox. An offer
 * that expires or is declined goes to the next in line; queues of slots past the minimum notice are dropped.
 *
 * <p>Keys are {@link CallsKeys}; the end of a hold is a due job ({@code call-offer-end}, {@link CallJobs});
 * one offer per family at a time (a family holding one keeps its place in other queues, and a seat no
 * waiter without an offer can take stays free for anyone to book). The weekly cap is checked when the offer
 * is accepted; a family that cannot take it (cap, notice) passes it on.
 */
@Service
public class CallWaitlist {

	private static final RedisScript<String> JOIN = LuaScripts.load(String.class, "calls/seats.lua",
			"calls/wait-join.lua");

	private static final RedisScript<List> OFFER = LuaScripts.load(List.class, DueJobs.LIBRARY, "calls/seats.lua",
			"calls/wait-offer.lua");

	private static final RedisScript<Long> RELEASE = LuaScripts.load(Long.class, DueJobs.LIBRARY, "calls/seats.lua",
			"calls/wait-release.lua");

	private static final RedisScript<Long> LEAVE = LuaScripts.load(Long.class, "calls/wait-leave.lua");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * An offer as stored: JSON {@code {slot, station, child, person, expiry}} (an earlier version stored
	 * {@code slot|station|child|person|expiry}; both are read).
	 */
	record Held(String slotId, String station, String childId, String personId, long expiresAt) {

		@SuppressWarnings("unchecked")
		static Held parse(String raw) {
			if (raw.startsWith("{")) {
				Map<String, Object> f = JSON.readValue(raw, Map.class);
				return new Held(String.valueOf(f.get("slot")), String.valueOf(f.get("station")),
						String.valueOf(f.get("child")), String.valueOf(f.get("person")),
						Long.parseLong(String.valueOf(f.get("expiry"))));
			}
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
		List<String> args = new ArrayList<>(List.of(familyId, JSON.writeValueAsString(Map.of("child", childId,
				"person", personId)), String.valueOf(nowEpoch()), String.valueOf(Bookings.epoch(slotStart)), slot));
		args.addAll(SlotCalendar.openStations(s, slotStart));
		String outcome = this.redis.execute(JOIN,
				List.of(CallsKeys.slot(tenant, slot), CallsKeys.wait(tenant, slot), CallsKeys.waiter(tenant, slot),
						CallsKeys.waits(tenant, familyId), CallsKeys.waitSlots(tenant), CallsKeys.waitSeq(tenant),
						CallsKeys.offers(tenant)),
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
		Set<String> slots = this.redis.opsForZSet().rangeByScore(CallsKeys.waits(tenant, familyId), nowEpoch(), Double.MAX_VALUE);
		List<LocalDateTime> waiting = new ArrayList<>();
		if (slots != null) {
			for (String slot : slots) {
				if (this.redis.opsForZSet().score(CallsKeys.wait(tenant, slot), familyId) != null) {
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
				List.of(CallsKeys.wait(tenant, slot), CallsKeys.waiter(tenant, slot), CallsKeys.waits(tenant, familyId)),
				familyId, slot);
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
			Set<String> queue = this.redis.opsForZSet().range(CallsKeys.wait(tenant, slot), 0, -1);
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
				List<String> keys = new ArrayList<>(List.of(CallsKeys.slot(tenant, slot), CallsKeys.wait(tenant, slot),
						CallsKeys.waiter(tenant, slot), CallsKeys.offers(tenant), CallsKeys.waits(tenant, family)));
				keys.addAll(CallsKeys.jobs(tenant));
				List<?> reply = this.redis.execute(OFFER, keys, args.toArray());
				String verdict = String.valueOf(reply.get(0));
				if ("NONE".equals(verdict)) {
					return offered;
				}
				if ("OFFERED".equals(verdict)) {
					offered++;
					this.notices.offered(tenant, family, String.valueOf(reply.get(2)), String.valueOf(reply.get(3)),
							slotStart, Instant.ofEpochSecond(expiry));
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

	/**
	 * The scheduled end of an offer: when it is still pending and due, it ends and the next is offered. Empty when
	 * it is over (ended now, or accepted, declined or replaced before); the hold's end when it is not due yet.
	 */
	Optional<Instant> expire(String tenant, String familyId, String slot) {
		Optional<String> raw = rawOffer(tenant, familyId);
		if (raw.isEmpty() || !Held.parse(raw.get()).slotId().equals(slot)) {
			return Optional.empty(); // accepted, declined or replaced
		}
		Held held = Held.parse(raw.get());
		if (held.expiresAt() > nowEpoch()) {
			return Optional.of(Instant.ofEpochSecond(held.expiresAt())); // not yet: the job comes again then
		}
		release(tenant, familyId, raw.get());
		this.notices.offerLapsed(tenant, familyId, held.childId(), held.personId(), held.start(),
				Instant.ofEpochSecond(held.expiresAt()));
		return Optional.empty();
	}

	/** Drops the queues of slots that can no longer be booked (past the minimum notice). */
	int dropStale(String tenant) {
		CallSettings s = this.settings.settings(tenant);
		long limit = Bookings.epoch(SlotCalendar.now(this.clock).plus(s.minNotice())) - 1;
		Set<String> stale = this.redis.opsForZSet().rangeByScore(CallsKeys.waitSlots(tenant), Double.NEGATIVE_INFINITY, limit);
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
		Set<String> slots = this.redis.opsForZSet().rangeByScore(CallsKeys.waitSlots(tenant), from, to);
		if (slots != null) {
			for (String slot : slots) {
				Set<String> families = this.redis.opsForZSet().range(CallsKeys.wait(tenant, slot), 0, -1);
				Map<Object, Object> data = this.redis.opsForHash().entries(CallsKeys.waiter(tenant, slot));
				dropQueue(tenant, slot);
				for (String family : families == null ? Set.<String>of() : families) {
					Waiter waiter = Waiter.parse((String) data.get(family));
					this.notices.waitClosed(tenant, family, waiter.childId(), waiter.personId(), Bookings.slotStart(slot));
				}
			}
		}
		for (Map.Entry<Object, Object> entry : this.redis.opsForHash().entries(CallsKeys.offers(tenant)).entrySet()) {
			String family = (String) entry.getKey();
			Held held = Held.parse((String) entry.getValue());
			if (held.start().toLocalDate().equals(date) && releaseOnly(tenant, family, (String) entry.getValue())) {
				this.notices.waitClosed(tenant, family, held.childId(), held.personId(), held.start());
			}
		}
	}

	private void dropQueue(String tenant, String slot) {
		Set<String> families = this.redis.opsForZSet().range(CallsKeys.wait(tenant, slot), 0, -1);
		if (families != null) {
			for (String family : families) {
				this.redis.opsForZSet().remove(CallsKeys.waits(tenant, family), slot);
			}
		}
		this.redis.delete(List.of(CallsKeys.wait(tenant, slot), CallsKeys.waiter(tenant, slot)));
		this.redis.opsForZSet().remove(CallsKeys.waitSlots(tenant), slot);
	}

	/** A waiting family's entry: JSON {@code {child, person}} (earlier {@code child|person}). */
	private record Waiter(String childId, String personId) {

		@SuppressWarnings("unchecked")
		static Waiter parse(String raw) {
			if (raw == null) {
				return new Waiter("", "");
			}
			if (raw.startsWith("{")) {
				Map<String, Object> f = JSON.readValue(raw, Map.class);
				return new Waiter(String.valueOf(f.get("child")), String.valueOf(f.get("person")));
			}
			String[] f = raw.split("\\|", -1);
			return new Waiter(f[0], f.length > 1 ? f[1] : "");
		}

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
		List<String> keys = new ArrayList<>(List.of(CallsKeys.offers(tenant), CallsKeys.slot(tenant, held.slotId())));
		keys.addAll(CallsKeys.jobs(tenant));
		Long done = this.redis.execute(RELEASE, keys, familyId, raw);
		return done != null && done == 1;
	}

	private Optional<Held> held(String tenant, String familyId) {
		return rawOffer(tenant, familyId).map(Held::parse);
	}

	private Optional<String> rawOffer(String tenant, String familyId) {
		Object raw = this.redis.opsForHash().get(CallsKeys.offers(tenant), familyId);
		return Optional.ofNullable((String) raw);
	}

	private long nowEpoch() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
	}

	private static void requireId(String id) {
		if (id == null || id.isBlank() || id.contains("|")) {
			throw new IllegalArgumentException("not an id: " + id);
		}
	}

}
