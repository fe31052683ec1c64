package org.qinqing.calls;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.HashOperations;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * A tenant's call settings in one Redis hash ({@code qq:{tenant}:calls:settings}); a tenant that saved
 * none gets the defaults of {@code qinqing.calls.*}. Lists are lines of {@code |}-separated fields.
 */
@Service
public class CallSettingsStore {

	private final StringRedisTemplate redis;

	private final CallsProperties defaults;

	CallSettingsStore(StringRedisTemplate redis, CallsProperties defaults) {
		this.redis = redis;
		this.defaults = defaults;
	}

	public CallSettings settings(String tenant) {
		HashOperations<String, String, String> hashes = this.redis.opsForHash();
		Map<String, String> h = hashes.entries(key(tenant));
		if (h.isEmpty()) {
			return this.defaults.toSettings();
		}
		List<String> stations = lines(h.get("stations"));
		Map<String, List<OpeningHours>> hours = new LinkedHashMap<>();
		for (String station : stations) {
			hours.put(station, new ArrayList<>());
		}
		for (String line : lines(h.get("hours"))) {
			String[] f = line.split("\\|", -1);
			hours.computeIfAbsent(f[0], s -> new ArrayList<>())
				.add(new OpeningHours(DayOfWeek.valueOf(f[1]), LocalTime.parse(f[2]), LocalTime.parse(f[3])));
		}
		List<Closure> closures = new ArrayList<>();
		for (String line : lines(h.get("closures"))) {
			String[] f = line.split("\\|", -1);
			closures.add(new Closure(LocalDate.parse(f[0]), f[1]));
		}
		List<ExtraOpening> extras = new ArrayList<>();
		for (String line : lines(h.get("extraOpenings"))) {
			String[] f = line.split("\\|", -1);
			extras.add(new ExtraOpening(LocalDate.parse(f[0]), LocalTime.parse(f[1]), LocalTime.parse(f[2]), f[3]));
		}
		return new CallSettings(stations, hours, Duration.parse(h.get("slotLength")),
				Duration.parse(h.get("bookingWindow")), Duration.parse(h.get("minNotice")),
				Duration.parse(h.get("cancelNotice")), Integer.parseInt(h.get("familyCapPerWeek")), closures, extras,
				Boolean.parseBoolean(h.getOrDefault("guardiansMayBook", "true")));
	}

	public void save(String tenant, CallSettings settings) {
		List<String> hours = new ArrayList<>();
		settings.hours()
			.forEach((station, list) -> list
				.forEach(o -> hours.add(station + "|" + o.day().name() + "|" + o.start() + "|" + o.end())));
		List<String> closures = settings.closures().stream().map(c -> c.date() + "|" + c.station()).toList();
		List<String> extras = settings.extraOpenings()
			.stream()
			.map(e -> e.date() + "|" + e.start() + "|" + e.end() + "|" + e.station())
			.toList();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("stations", String.join("\n", settings.stations()));
		fields.put("hours", String.join("\n", hours));
		fields.put("slotLength", settings.slotLength().toString());
		fields.put("bookingWindow", settings.bookingWindow().toString());
		fields.put("minNotice", settings.minNotice().toString());
		fields.put("cancelNotice", settings.cancelNotice().toString());
		fields.put("familyCapPerWeek", String.valueOf(settings.familyCapPerWeek()));
		fields.put("guardiansMayBook", String.valueOf(settings.guardiansMayBook()));
		fields.put("closures", String.join("\n", closures));
		fields.put("extraOpenings", String.join("\n", extras));
		// one command, so a reader never sees half of the old and half of the new settings
		this.redis.opsForHash().putAll(key(tenant), fields);
	}

	static String key(String tenant) {
		return RedisKeys.of(tenant, "calls", "settings");
	}

	private static List<String> lines(String text) {
		return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
	}

}
