package org.qinqing.talks;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/** Each school's talk settings in Redis, over the defaults of {@link TalksProperties}. */
@Service
public class TalkSettingsStore {

	private final StringRedisTemplate redis;

	private final TalksProperties properties;

	TalkSettingsStore(StringRedisTemplate redis, TalksProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	public TalkSettings settings(String tenant) {
		Map<Object, Object> saved = this.redis.opsForHash().entries(TalksKeys.settings(tenant));
		TalkSettings d = this.properties.defaults();
		if (saved.isEmpty()) {
			return d;
		}
		try {
			SchoolCalendar c = d.calendar();
			SchoolCalendar calendar = new SchoolCalendar(day(saved, "autumnStart", c.autumnStart()),
					day(saved, "autumnEnd", c.autumnEnd()), day(saved, "springStart", c.springStart()),
					day(saved, "springEnd", c.springEnd()),
					saved.containsKey("closed") ? SchoolCalendar.parseClosed((String) saved.get("closed")) : c.closed(),
					Integer.parseInt((String) saved.getOrDefault("minSchoolDays", String.valueOf(c.minSchoolDays()))));
			return new TalkSettings(calendar, OwedRule.valueOf((String) saved.getOrDefault("rule", d.rule().name())),
					DayOfWeek.valueOf((String) saved.getOrDefault("talkDay", d.talkDay().name())),
					LocalTime.parse((String) saved.getOrDefault("talkTime", d.talkTime().toString())),
					LocalTime.parse((String) saved.getOrDefault("missingTime", d.missingTime().toString())),
					Integer.parseInt((String) saved.getOrDefault("countdownFrom", String.valueOf(d.countdownFrom()))));
		}
		catch (RuntimeException ex) {
			// settings are checked before they are saved; a hand-edited hash falls back rather than stop the talks
			return d;
		}
	}

	public void save(String tenant, TalkSettings s) {
		Map<String, String> m = new LinkedHashMap<>();
		SchoolCalendar c = s.calendar();
		m.put("autumnStart", SchoolCalendar.format(c.autumnStart()));
		m.put("autumnEnd", SchoolCalendar.format(c.autumnEnd()));
		m.put("springStart", SchoolCalendar.format(c.springStart()));
		m.put("springEnd", SchoolCalendar.format(c.springEnd()));
		m.put("closed", String.join(", ", c.closed().stream().map(SchoolCalendar.Closed::toString).toList()));
		m.put("minSchoolDays", String.valueOf(c.minSchoolDays()));
		m.put("rule", s.rule().name());
		m.put("talkDay", s.talkDay().name());
		m.put("talkTime", s.talkTime().toString());
		m.put("missingTime", s.missingTime().toString());
		m.put("countdownFrom", String.valueOf(s.countdownFrom()));
		this.redis.opsForHash().putAll(TalksKeys.settings(tenant), m);
	}

	private static java.time.MonthDay day(Map<Object, Object> saved, String field, java.time.MonthDay fallback) {
		Object v = saved.get(field);
		return v == null ? fallback : SchoolCalendar.monthDay((String) v);
	}

}
