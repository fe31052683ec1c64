package org.qinqing.calls;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * What became of booked calls, kept apart from the bookings: hash {@code qq:{tenant}:calls:outcomes}
 * booking number → {@code OUTCOME|by|epochMillis|name|channel}. Marking again corrects the earlier mark.
 * A call is marked once it has begun: before, nobody can know how it went.
 */
@Service
public class CallOutcomes {

	/** A call's mark: the outcome, who marked it and when. */
	public record Mark(CallOutcome outcome, Marker by, long atMillis) {
	}

	/**
	 * Who marked a call: a staff username in the console or a teacher's person id in chat, with the name
	 * the school knows them by at the time (empty in marks made before names were kept).
	 */
	public record Marker(String id, String name, Channel channel) {

		public enum Channel {

			CONSOLE, WECHAT

		}

		public Marker {
			id = oneField(id);
			name = oneField(name);
		}

		public static Marker console(String username, String displayName) {
			return new Marker(username, displayName, Channel.CONSOLE);
		}

		public static Marker wechat(String personId, String name) {
			return new Marker(personId, name, Channel.WECHAT);
		}

		private static String oneField(String value) {
			return value == null ? "" : value.replace("|", "");
		}

	}

	/** What a checked mark came to. */
	public enum Marking {

		MARKED,
		/** The call has not begun: nothing was written. */
		NOT_STARTED

	}

	private final StringRedisTemplate redis;

	private final Clock clock;

	CallOutcomes(StringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		this.clock = clock;
	}

	/** Marks a call that has begun (school time); a call still to come is refused. */
	public Marking mark(String tenant, Booking booking, CallOutcome outcome, Marker by) {
		if (!hasBegun(booking)) {
			return Marking.NOT_STARTED;
		}
		markRegardlessOfTime(tenant, booking.number(), outcome, by);
		return Marking.MARKED;
	}

	/** Whether a call may be marked yet: it has begun by the app's clock. */
	public boolean hasBegun(Booking booking) {
		return !SlotCalendar.now(this.clock).isBefore(booking.start());
	}

	/** Writes a mark without looking at the call's time: for calls known to lie in the past (the demo's). */
	public void markRegardlessOfTime(String tenant, String bookingNumber, CallOutcome outcome, Marker by) {
		this.redis.opsForHash()
			.put(key(tenant), bookingNumber, outcome.name() + "|" + by.id() + "|" + this.clock.millis() + "|" + by.name()
					+ "|" + by.channel().name());
	}

	public Optional<Mark> mark(String tenant, String bookingNumber) {
		Object raw = this.redis.opsForHash().get(key(tenant), bookingNumber);
		return raw == null ? Optional.empty() : Optional.of(parse((String) raw));
	}

	/** The marks of the given bookings that have one, by booking number. */
	public Map<String, Mark> marks(String tenant, Collection<String> bookingNumbers) {
		Map<String, Mark> marks = new LinkedHashMap<>();
		if (bookingNumbers.isEmpty()) {
			return marks;
		}
		List<Object> numbers = new ArrayList<>(bookingNumbers);
		List<Object> raws = this.redis.opsForHash().multiGet(key(tenant), numbers);
		for (int i = 0; i < numbers.size(); i++) {
			if (raws.get(i) != null) {
				marks.put((String) numbers.get(i), parse((String) raws.get(i)));
			}
		}
		return marks;
	}

	private static Mark parse(String raw) {
		String[] f = raw.split("\\|", -1);
		// marks written before names and channels were kept have three fields
		String name = f.length > 3 ? f[3] : "";
		Marker.Channel channel = f.length > 4 ? Marker.Channel.valueOf(f[4]) : Marker.Channel.CONSOLE;
		return new Mark(CallOutcome.valueOf(f[0]), new Marker(f[1], name, channel), Long.parseLong(f[2]));
	}

	private static String key(String tenant) {
		return RedisKeys.of(tenant, "calls", "outcomes");
	}

}
