package org.qinqing.emergency;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
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
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * The school's incidents in Redis: a header hash and a timeline list each, indexed by report time for the school,
 * each class and each child, the open ones apart. Reporting, acknowledging, adding to the timeline and closing are
 * one script each; reporting schedules the chain's deadlines ({@link IncidentJobs}) in the same step, so a report
 * stored is a report watched, whatever happens to this instance next. Reading any number of incidents is one
 * pipeline.
 */
@Service
class Incidents {

	static final String NOTIFY = "emergency-notify";

	static final String DELIVERIES = "emergency-deliveries";

	static final String ALERT = "emergency-alert";

	static final String LATE = "emergency-late";

	private static final RedisScript<Long> REPORT = LuaScripts.load(Long.class, DueJobs.LIBRARY, "emergency/report.lua");

	private static final RedisScript<Long> EVENT = LuaScripts.load(Long.class, "emergency/event.lua");

	private static final RedisScript<Long> ACK = LuaScripts.load(Long.class, DueJobs.LIBRARY, "emergency/ack.lua");

	private static final RedisScript<Long> CLOSE = LuaScripts.load(Long.class, DueJobs.LIBRARY, "emergency/close.lua");

	/** What a report says: about which child, what, where the child is now, and who reports. */
	record Report(String childId, String classId, String kind, String place, String description, String reporterId,
			String reporterRole) {
	}

	private final StringRedisTemplate redis;

	private final Clock clock;

	private final EmergencyProperties properties;

	private final JsonMapper json = JsonMapper.builder().build();

	Incidents(StringRedisTemplate redis, Clock clock, EmergencyProperties properties) {
		this.redis = redis;
		this.clock = clock;
		this.properties = properties;
	}

	/** Stores a report with its deadlines, now; returns its number (E3). */
	String report(String tenant, Report r) {
		return report(tenant, r, this.clock.instant());
	}

	/** A report of an earlier time (the demo's): its jobs are due from then, so a past one's run at once. */
	String report(String tenant, Report r, Instant at) {
		String number = "E" + this.redis.opsForValue().increment(EmergencyKeys.sequence(tenant));
		List<String> args = new ArrayList<>(List.of(number, String.valueOf(at.toEpochMilli()),
				event(IncidentEvent.of(IncidentEvent.Type.REPORTED, at, r.reporterId())),
				event(IncidentEvent.of(IncidentEvent.Type.DRAFTED, at, "")),
				ms(at.plus(this.properties.safetyNet())), ms(at.plus(this.properties.deliveryCheck()))));
		for (ChainStep step : ChainStep.values()) {
			args.add(ms(at.plus(this.properties.alert(step))));
			args.add(ms(at.plus(this.properties.deadline(step))));
		}
		Map<String, String> header = new LinkedHashMap<>();
		header.put("child", r.childId());
		header.put("class", r.classId());
		header.put("kind", r.kind());
		header.put("place", r.place());
		header.put("description", r.description());
		header.put("reporter", r.reporterId());
		header.put("reporterRole", r.reporterRole());
		header.put("reported", at.toString());
		header.put("state", "OPEN");
		header.forEach((field, value) -> {
			args.add(field);
			args.add(value == null ? "" : value);
		});
		this.redis.execute(REPORT, EmergencyKeys.forReport(tenant, number, r.classId(), r.childId()), args.toArray());
		return number;
	}

	/**
	 * An acknowledgement, a call or the report sent, for its step: 1 recorded, 2 recorded before (a person's 收到
	 * counts once, {@code onceKey}), 0 the incident is closed or unknown.
	 */
	int acknowledge(String tenant, String number, ChainStep step, String onceKey, IncidentEvent event) {
		Long result = this.redis.execute(ACK, EmergencyKeys.forAck(tenant, number), number, step.name(),
				onceKey == null ? "" : onceKey, event.at().toString(), event(event));
		return result == null ? 0 : result.intValue();
	}

	/** Adds to an open incident's timeline: false when it is closed (or unknown). */
	boolean add(String tenant, String number, IncidentEvent event) {
		return addUnless(tenant, number, event, "", "");
	}

	/** Adds to the timeline unless a guard field is set (the step done); may set {@code field} with it. */
	boolean addUnless(String tenant, String number, IncidentEvent event, String field, String value,
			String... guards) {
		List<Object> args = new ArrayList<>(List.of(event(event), field, value));
		args.addAll(List.of(guards));
		Long result = this.redis.execute(EVENT,
				List.of(EmergencyKeys.incident(tenant, number), EmergencyKeys.events(tenant, number)), args.toArray());
		return result != null && result == 1;
	}

	boolean close(String tenant, Incident incident, String by, String note) {
		return close(tenant, incident, by, note, this.clock.instant());
	}

	boolean close(String tenant, Incident incident, String by, String note, Instant now) {
		IncidentEvent event = new IncidentEvent(IncidentEvent.Type.CLOSED, now, by, null, "", note, "");
		Long result = this.redis.execute(CLOSE, EmergencyKeys.forClose(tenant, incident.number(), incident.childId()),
				incident.number(), event(event), now.toString(), by, note);
		return result != null && result == 1;
	}

	Optional<Incident> incident(String tenant, String number) {
		return incidents(tenant, List.of(number)).stream().findFirst();
	}

	/** Incidents by number, in that order, in one round trip; unknown ones left out. */
	List<Incident> incidents(String tenant, Collection<String> numbers) {
		return read(tenant, numbers, true);
	}

	/** The same without their timelines (figures need only the steps): half the reading. */
	List<Incident> headers(String tenant, Collection<String> numbers) {
		return read(tenant, numbers, false);
	}

	private List<Incident> read(String tenant, Collection<String> numbers, boolean withEvents) {
		List<String> list = List.copyOf(new LinkedHashSet<>(numbers));
		if (list.isEmpty()) {
			return List.of();
		}
		int per = withEvents ? 2 : 1;
		List<Object> replies = Pipelines.run(this.redis, ops -> {
			for (String number : list) {
				ops.opsForHash().entries(EmergencyKeys.incident(tenant, number));
				if (withEvents) {
					ops.opsForList().range(EmergencyKeys.events(tenant, number), 0, -1);
				}
			}
		});
		List<Incident> incidents = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			@SuppressWarnings("unchecked")
			Map<Object, Object> header = (Map<Object, Object>) replies.get(per * i);
			@SuppressWarnings("unchecked")
			List<Object> events = withEvents ? (List<Object>) replies.get(per * i + 1) : null;
			if (header != null && !header.isEmpty()) {
				incidents.add(read(list.get(i), header, events == null ? List.of() : events));
			}
		}
		return incidents;
	}

	/** The open incidents, oldest first: few at any time, even in a county. */
	List<Incident> open(String tenant) {
		return headers(tenant, range(EmergencyKeys.open(tenant), 0, -1, false));
	}

	/** The open incidents of these children, oldest first: two round trips. */
	List<Incident> openOf(String tenant, Collection<String> childIds) {
		List<String> ids = List.copyOf(childIds);
		List<Object> replies = Pipelines.run(this.redis,
				ops -> ids.forEach(id -> ops.opsForZSet().range(EmergencyKeys.openOfChild(tenant, id), 0, -1)));
		Set<String> numbers = new LinkedHashSet<>();
		replies.forEach(reply -> {
			if (reply instanceof Collection<?> members) {
				members.forEach(m -> numbers.add(String.valueOf(m)));
			}
		});
		return incidents(tenant, numbers).stream().sorted(Comparator.comparing(Incident::reported)).toList();
	}

	/** The newest incidents a scope looks after (a leader's the school's), newest first, at most {@code limit}. */
	List<Incident> newest(String tenant, CareScope scope, int limit) {
		List<String> keys = scopeKeys(tenant, scope);
		if (keys.isEmpty()) {
			return List.of();
		}
		List<Object> replies = Pipelines.run(this.redis,
				ops -> keys.forEach(key -> ops.opsForZSet().reverseRange(key, 0, limit - 1)));
		return headers(tenant, members(replies)).stream()
			.sorted(Comparator.comparing(Incident::reported).reversed())
			.limit(limit)
			.toList();
	}

	/**
	 * The headers of the incidents a scope looks after reported since {@code from} (a term's: dozens, in a county
	 * perhaps hundreds): the school's set for a leader, else the scope's classes' and children's, in one pipeline,
	 * then the headers in another.
	 */
	List<Incident> since(String tenant, CareScope scope, Instant from) {
		List<String> keys = scopeKeys(tenant, scope);
		List<Object> replies = Pipelines.run(this.redis, ops -> keys
			.forEach(key -> ops.opsForZSet().rangeByScore(key, from.toEpochMilli(), Double.POSITIVE_INFINITY)));
		return headers(tenant, members(replies));
	}

	private static List<String> scopeKeys(String tenant, CareScope scope) {
		List<String> keys = new ArrayList<>();
		if (scope.everyone()) {
			keys.add(EmergencyKeys.all(tenant));
		}
		else {
			scope.classIds().forEach(id -> keys.add(EmergencyKeys.ofClass(tenant, id)));
			scope.childIds().forEach(id -> keys.add(EmergencyKeys.ofChild(tenant, id)));
		}
		return keys;
	}

	private static Set<String> members(List<Object> replies) {
		Set<String> numbers = new LinkedHashSet<>();
		replies.forEach(reply -> {
			if (reply instanceof Collection<?> members) {
				members.forEach(m -> numbers.add(String.valueOf(m)));
			}
		});
		return numbers;
	}

	private List<String> range(String key, long from, long to, boolean reverse) {
		Set<String> members = reverse ? this.redis.opsForZSet().reverseRange(key, from, to)
				: this.redis.opsForZSet().range(key, from, to);
		return members == null ? List.of() : List.copyOf(members);
	}

	private static String ms(Instant at) {
		return String.valueOf(at.toEpochMilli());
	}

	String event(IncidentEvent e) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("type", e.type().name());
		fields.put("at", e.at().toString());
		fields.put("by", e.by());
		fields.put("step", e.step() == null ? "" : e.step().name());
		fields.put("person", e.person());
		fields.put("detail", e.detail());
		fields.put("message", e.message());
		return this.json.writeValueAsString(fields);
	}

	private Incident read(String number, Map<Object, Object> h, List<Object> rawEvents) {
		List<IncidentEvent> events = new ArrayList<>();
		for (Object raw : rawEvents) {
			@SuppressWarnings("unchecked")
			Map<String, String> e = this.json.readValue(String.valueOf(raw), Map.class);
			String step = e.getOrDefault("step", "");
			events.add(new IncidentEvent(IncidentEvent.Type.valueOf(e.get("type")), Instant.parse(e.get("at")),
					e.get("by"), step.isEmpty() ? null : ChainStep.valueOf(step), e.get("person"), e.get("detail"),
					e.get("message")));
		}
		Map<ChainStep, Instant> done = new EnumMap<>(ChainStep.class);
		List<ChainStep> late = new ArrayList<>();
		for (ChainStep step : ChainStep.values()) {
			String at = field(h, step.doneField());
			if (!at.isEmpty()) {
				done.put(step, Instant.parse(at));
			}
			if (!field(h, step.lateField()).isEmpty()) {
				late.add(step);
			}
		}
		String closed = field(h, "closed");
		return new Incident(number, field(h, "child"), field(h, "class"), field(h, "kind"), field(h, "place"),
				field(h, "description"), field(h, "reporter"), field(h, "reporterRole"),
				Instant.parse(field(h, "reported")), "OPEN".equals(field(h, "state")), done, late,
				closed.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(closed)), field(h, "closedBy"),
				field(h, "note"), events);
	}

	private static String field(Map<Object, Object> h, String name) {
		Object value = h.get(name);
		return value == null ? "" : String.valueOf(value);
	}

}
