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
 * booking number → {@code OUTCOME|by|epochMillis}. Marking again corrects the earlier mark.
 */
@Service
public class CallOutcomes {

	/** A call's mark: the outcome, who marked it (a person id or a staff username) and when. */
	public record Mark(CallOutcome outcome, String by, long atMillis) {
	}

	private final StringRedisTemplate redis;

	private final Clock clock;

	CallOutcomes(StringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		this.clock = clock;
	}

	public void mark(String tenant, String bookingNumber, CallOutcome outcome, String by) {
		String who = by == null ? "" : by.replace("|", "");
		this.redis.opsForHash().put(key(tenant), bookingNumber, outcome.name() + "|" + who + "|" + this.clock.millis());
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
		return new Mark(CallOutcome.valueOf(f[0]), f[1], Long.parseLong(f[2]));
	}

	private static String key(String tenant) {
		return RedisKeys.of(tenant, "calls", "outcomes");
	}

}
