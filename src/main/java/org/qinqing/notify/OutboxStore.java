package org.qinqing.notify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import java.nio.charset.StandardCharsets;

import org.qinqing.system.Pipelines;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.qinqing.system.LuaScripts;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox's Redis side. Each step that changes a message's state is one Lua script, so a crash
 * leaves a message either before or after a step, never half way: queuing writes the idempotency
 * key, the message and the stream entry together; settling records the outcome, then acknowledges
 * and deletes the stream entry (so the stream holds only work still to do).
 */
@Component
class OutboxStore {

	private static final RedisScript<List> ENQUEUE = LuaScripts.load(List.class, "notify/enqueue.lua");

	private static final RedisScript<Long> CREATE_GROUP = LuaScripts.load(Long.class, "notify/create-group.lua");

	/**
	 * Decides what to do with one message now, and when it is to be sent reserves what the send uses
	 * (a rate permit, a template from the day's quota or a message of the service window) and marks
	 * it in flight for this processing run until claim-idle has passed. The checks that need no reservation come first, so held,
	 * skipped and finished messages cost no rate permit.
	 */
	private static final RedisScript<List> ADMIT = LuaScripts.load(List.class, "notify/rate.lua", "notify/admit.lua");

	/**
	 * Records an outcome (events, fields, optionally a time to go again) and then acknowledges and
	 * deletes the stream entry: "sent" is written before, and atomically with, the acknowledgement.
	 */
	private static final RedisScript<Long> SETTLE = LuaScripts.load(Long.class, "notify/settle.lua");

	/** Moves held messages whose time has come back into the stream; safe with several instances. */
	private static final RedisScript<Long> RELEASE_DUE = LuaScripts.load(Long.class, "notify/release-due.lua");

	/** Takes over entries another consumer read but did not settle within the idle time (it died). */
	private static final RedisScript<List> RECLAIM = LuaScripts.load(List.class, "notify/reclaim.lua");

	private static final RedisScript<Long> MARK_READ = LuaScripts.load(Long.class, "notify/mark-read.lua");

	private final StringRedisTemplate redis;

	private final NotifyProperties properties;

	private final JsonMapper json = JsonMapper.builder().build();

	private final RateLimiter.Pace pace;

	OutboxStore(StringRedisTemplate redis, NotifyProperties properties) {
		this.redis = redis;
		this.properties = properties;
		this.pace = RateLimiter.Pace.of(properties);
	}

	/** One stream entry: its id in the stream, the message it stands for and the recipient. */
	record Entry(String streamId, String messageId, String openid) {

		/** The delayed set's member for this message. */
		String member() {
			return this.messageId + "|" + this.openid;
		}

	}

	enum Verdict {

		/** The message's record has expired: nothing to do but acknowledge. */
		GONE,
		/** Already settled (a redelivery after a crash or a reclaim race): acknowledge only. */
		DONE,
		/** Another run (on another consumer or this one) is sending it: leave it. */
		BUSY, QUIET, UNREACHABLE, PAUSED,
		/** Only a customer-service text and the window is closed. */
		NONE,
		/** The rate's slots are taken too far ahead: ask again a little later. */
		WAIT, QUOTA, CUSTOMER_SERVICE, TEMPLATE

	}

	/**
	 * @param until for QUIET and PAUSED: when it may go; for WAIT: milliseconds to wait before asking again; for
	 * CUSTOMER_SERVICE and TEMPLATE: milliseconds to wait for the reserved rate slot before sending
	 * @param uncertain an earlier attempt by a consumer that died may have reached WeChat
	 */
	record Admission(Verdict verdict, long until, boolean uncertain, String payload, int retries) {

		DeliveryLog.Channel channel() {
			return this.verdict == Verdict.CUSTOMER_SERVICE ? DeliveryLog.Channel.CUSTOMER_SERVICE
					: DeliveryLog.Channel.TEMPLATE;
		}

	}

	/** What to record when a message leaves the consumer's hands. */
	record Settlement(Long due, List<String> events, Map<String, String> fields) {
	}

	Enqueued enqueue(Notification notification, String messageId, long now) {
		List<String> keys = enqueueKeys(notification, messageId);
		List<?> result = this.redis.execute(ENQUEUE, keys, enqueueArgs(notification, messageId, now).toArray());
		return enqueued(result);
	}

	/**
	 * {@link #enqueue} for many notifications in one round trip: one pipeline of the same script (sent whole, so
	 * no NOSCRIPT can fail a pipeline half way). In the order given.
	 */
	List<Enqueued> enqueueAll(List<Notification> notifications, List<String> messageIds, long now) {
		if (notifications.isEmpty()) {
			return List.of();
		}
		byte[] script = ENQUEUE.getScriptAsString().getBytes(StandardCharsets.UTF_8);
		List<Object> results = this.redis.executePipelined((RedisCallback<Object>) connection -> {
			for (int i = 0; i < notifications.size(); i++) {
				List<String> keys = enqueueKeys(notifications.get(i), messageIds.get(i));
				List<String> args = enqueueArgs(notifications.get(i), messageIds.get(i), now);
				byte[][] keysAndArgs = new byte[keys.size() + args.size()][];
				int at = 0;
				for (String value : keys) {
					keysAndArgs[at++] = value.getBytes(StandardCharsets.UTF_8);
				}
				for (String value : args) {
					keysAndArgs[at++] = value.getBytes(StandardCharsets.UTF_8);
				}
				connection.scriptingCommands().eval(script, ReturnType.MULTI, keys.size(), keysAndArgs);
			}
			return null;
		});
		List<Enqueued> enqueued = new ArrayList<>();
		for (Object result : results) {
			enqueued.add(enqueued((List<?>) result));
		}
		return enqueued;
	}

	private static List<String> enqueueKeys(Notification notification, String messageId) {
		String tenant = notification.tenant();
		return List.of(OutboxKeys.idempotency(tenant, notification.idempotencyKey()), OutboxKeys.stream(tenant),
				OutboxKeys.message(tenant, messageId), OutboxKeys.log(tenant, messageId));
	}

	private List<String> enqueueArgs(Notification notification, String messageId, long now) {
		return List.of(messageId, String.valueOf(this.properties.idempotencyTtl().toMillis()),
				this.json.writeValueAsString(notification), notification.kind(), flag(notification.urgent()),
				flag(notification.hasText()), flag(notification.hasTemplate()), String.valueOf(now),
				String.valueOf(this.properties.logTtl().toMillis()),
				event(now, DeliveryLog.Event.Type.QUEUED, null, 0, null, null), notification.openid());
	}

	private static Enqueued enqueued(List<?> result) {
		return new Enqueued(String.valueOf(result.get(1)), "DUP".equals(String.valueOf(result.get(0))));
	}

	void createGroup(String tenant) {
		this.redis.execute(CREATE_GROUP, List.of(OutboxKeys.stream(tenant)), OutboxKeys.GROUP);
	}

	/** New entries for this consumer; creates the group when it is missing (first start, stream deleted). */
	List<Entry> read(String tenant, String consumer, int count) {
		List<MapRecord<String, Object, Object>> records;
		try {
			records = this.redis.opsForStream()
				.read(Consumer.from(OutboxKeys.GROUP, consumer), StreamReadOptions.empty().count(count),
						StreamOffset.create(OutboxKeys.stream(tenant), ReadOffset.lastConsumed()));
		}
		catch (DataAccessException ex) {
			if (String.valueOf(ex.getMostSpecificCause().getMessage()).contains("NOGROUP")) {
				createGroup(tenant);
				return List.of();
			}
			throw ex;
		}
		List<Entry> entries = new ArrayList<>();
		for (MapRecord<String, Object, Object> record : records == null ? List.<MapRecord<String, Object, Object>>of()
				: records) {
			Map<Object, Object> fields = record.getValue();
			entries.add(new Entry(record.getId().getValue(), String.valueOf(fields.get("id")),
					String.valueOf(fields.get("to"))));
		}
		return entries;
	}

	/** Entries taken over, and where the next scan of the pending list starts ({@code 0-0}: from the top). */
	record Reclaimed(List<Entry> entries, String next) {
	}

	Reclaimed reclaim(String tenant, String consumer, long minIdleMillis, String cursor, int count) {
		List<?> flat = this.redis.execute(RECLAIM, List.of(OutboxKeys.stream(tenant)), OutboxKeys.GROUP, consumer,
				String.valueOf(minIdleMillis), cursor, String.valueOf(count));
		List<Entry> entries = new ArrayList<>();
		for (int i = 1; i + 2 < flat.size(); i += 3) {
			entries.add(new Entry(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)),
					String.valueOf(flat.get(i + 2))));
		}
		return new Reclaimed(entries, String.valueOf(flat.get(0)));
	}

	long releaseDue(String tenant, long now, int max) {
		Long moved = this.redis.execute(RELEASE_DUE, List.of(OutboxKeys.delayed(tenant), OutboxKeys.stream(tenant)),
				String.valueOf(now), String.valueOf(max));
		return moved == null ? 0 : moved;
	}

	/**
	 * @param run names this processing run in the in-flight mark
	 * @param quietUntil when the quiet hours around now end, 0 when now is not quiet
	 */
	Admission admit(String tenant, Entry entry, String run, long now, long quietUntil) {
		ZoneId zone = this.properties.zone();
		List<String> keys = List.of(OutboxKeys.message(tenant, entry.messageId()),
				Reachability.key(tenant, entry.openid()), ServiceWindow.key(tenant, entry.openid()),
				OutboxKeys.pause(tenant, DeliveryLog.Channel.CUSTOMER_SERVICE),
				OutboxKeys.pause(tenant, DeliveryLog.Channel.TEMPLATE), RateLimiter.key(tenant),
				OutboxKeys.quota(tenant, LocalDate.ofInstant(Instant.ofEpochMilli(now), zone)));
		List<?> result = this.redis.execute(ADMIT, keys, String.valueOf(now), run,
				String.valueOf(this.properties.claimIdle().toMillis()), String.valueOf(quietUntil),
				String.valueOf(this.pace.intervalMicros()), String.valueOf(this.properties.dailyTemplateQuota()),
				String.valueOf(ServiceWindow.usableMillis()), String.valueOf(ServiceWindow.MAX_MESSAGES),
				String.valueOf(this.pace.burst()), String.valueOf(RateLimiter.HORIZON_MILLIS));
		String verdict = String.valueOf(result.get(0));
		switch (verdict) {
			case "cs":
			case "template":
				return new Admission(verdict.equals("cs") ? Verdict.CUSTOMER_SERVICE : Verdict.TEMPLATE,
						Long.parseLong(String.valueOf(result.get(4))), "1".equals(result.get(1)),
						String.valueOf(result.get(2)), Integer.parseInt(String.valueOf(result.get(3))));
			case "WAIT":
			case "QUIET":
			case "PAUSED":
				return new Admission(Verdict.valueOf(verdict), Long.parseLong(String.valueOf(result.get(1))), false,
						null, 0);
			default:
				return new Admission(Verdict.valueOf(verdict), 0, false, null, 0);
		}
	}

	void settle(String tenant, Entry entry, Settlement settlement) {
		List<String> keys = List.of(OutboxKeys.message(tenant, entry.messageId()),
				OutboxKeys.log(tenant, entry.messageId()), OutboxKeys.stream(tenant), OutboxKeys.delayed(tenant));
		List<String> args = new ArrayList<>();
		args.add(entry.streamId() == null ? "" : entry.streamId());
		args.add(OutboxKeys.GROUP);
		args.add(entry.member());
		args.add(settlement.due() == null ? "" : String.valueOf(settlement.due()));
		args.add(String.valueOf(this.properties.logTtl().toMillis()));
		args.add(String.valueOf(settlement.events().size()));
		args.addAll(settlement.events());
		settlement.fields().forEach((name, value) -> {
			args.add(name);
			args.add(value);
		});
		this.redis.execute(SETTLE, keys, args.toArray());
	}

	/** Rests a channel of a tenant until {@code untilMillis} of the clock. */
	void pause(String tenant, DeliveryLog.Channel channel, long untilMillis, long now) {
		this.redis.opsForValue()
			.set(OutboxKeys.pause(tenant, channel), String.valueOf(untilMillis),
					Duration.ofMillis(Math.max(1, untilMillis - now) + 60_000));
	}

	/** {@link #recordUnreachable} for many people, each for their own message, in one round trip. */
	void recordAllUnreachable(String tenant, List<Addressed.Unreachable> people, Map<String, Message> messages,
			long now) {
		if (people.isEmpty()) {
			return;
		}
		Pipelines.run(this.redis, ops -> people.forEach(person -> {
			Message message = messages.get(person.personId());
			String list = OutboxKeys.unreachable(tenant, message.key());
			ops.opsForList().rightPush(list, this.json.writeValueAsString(Map.of("at", now, "kind", message.kind(),
					"person", person.personId(), "reason", person.reason().name())));
			ops.expire(list, this.properties.logTtl());
		}));
	}

	/** Messages queued and not yet settled or held (the stream holds only work still to do). */
	long backlog(String tenant) {
		Long size = this.redis.opsForStream().size(OutboxKeys.stream(tenant));
		return size == null ? 0 : size;
	}

	/** Template messages counted against the day's quota so far. */
	long templatesUsed(String tenant, LocalDate day) {
		String used = this.redis.opsForValue().get(OutboxKeys.quota(tenant, day));
		return used == null ? 0 : Long.parseLong(used);
	}

	/** "Nobody reachable" for a message key, kept as long as delivery logs are. */
	void recordUnreachable(String tenant, String key, String kind, String personId, String reason, long now) {
		String list = OutboxKeys.unreachable(tenant, key);
		this.redis.opsForList().rightPush(list, this.json.writeValueAsString(
				Map.of("at", now, "kind", kind, "person", personId, "reason", reason)));
		this.redis.expire(list, this.properties.logTtl());
	}

	List<Addressed.Unreachable> unreachable(String tenant, String key) {
		List<String> raw = this.redis.opsForList().range(OutboxKeys.unreachable(tenant, key), 0, -1);
		List<Addressed.Unreachable> found = new ArrayList<>();
		for (String item : raw == null ? List.<String>of() : raw) {
			Map<?, ?> entry = this.json.readValue(item, Map.class);
			found.add(new Addressed.Unreachable(String.valueOf(entry.get("person")),
					Addressed.Reason.valueOf(String.valueOf(entry.get("reason")))));
		}
		return found;
	}

	Notification notification(String payload) {
		return this.json.readValue(payload, Notification.class);
	}

	private static String flag(boolean value) {
		return value ? "1" : "0";
	}

	String event(long at, DeliveryLog.Event.Type type, DeliveryLog.Channel channel, int errorCode, String detail,
			Long until) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("at", at);
		event.put("type", type.name());
		if (channel != null) {
			event.put("channel", channel.name());
		}
		if (errorCode != 0) {
			event.put("code", errorCode);
		}
		if (detail != null) {
			event.put("detail", detail);
		}
		if (until != null) {
			event.put("until", until);
		}
		return this.json.writeValueAsString(event);
	}

	boolean markRead(String tenant, String messageId, long now) {
		Long marked = this.redis.execute(MARK_READ,
				List.of(OutboxKeys.message(tenant, messageId), OutboxKeys.log(tenant, messageId)), String.valueOf(now),
				event(now, DeliveryLog.Event.Type.READ, null, 0, null, null));
		return Long.valueOf(1).equals(marked);
	}

	Optional<DeliveryLog> log(String tenant, String messageId) {
		Map<Object, Object> hash = this.redis.opsForHash().entries(OutboxKeys.message(tenant, messageId));
		if (hash.isEmpty()) {
			return Optional.empty();
		}
		List<String> raw = this.redis.opsForList().range(OutboxKeys.log(tenant, messageId), 0, -1);
		List<DeliveryLog.Event> events = new ArrayList<>();
		for (String item : raw == null ? List.<String>of() : raw) {
			Map<?, ?> event = this.json.readValue(item, Map.class);
			events.add(new DeliveryLog.Event(instant(event.get("at")),
					DeliveryLog.Event.Type.valueOf(String.valueOf(event.get("type"))), channel(event.get("channel")),
					event.get("code") == null ? 0 : ((Number) event.get("code")).intValue(),
					event.get("detail") == null ? null : String.valueOf(event.get("detail")),
					instant(event.get("until"))));
		}
		DeliveryLog.State state = DeliveryLog.State.valueOf(String.valueOf(hash.get("state")).toUpperCase(Locale.ROOT));
		return Optional.of(new DeliveryLog(messageId, String.valueOf(hash.get("kind")), "1".equals(hash.get("urgent")),
				state, channel(hash.get("channel")), integer(hash.get("attempts")), integer(hash.get("code")),
				instant(hash.get("queuedAt")), instant(hash.get("sentAt")), instant(hash.get("readAt")),
				state == DeliveryLog.State.HELD ? instant(hash.get("heldUntil")) : null, List.copyOf(events)));
	}

	static String channelName(DeliveryLog.Channel channel) {
		return channel == DeliveryLog.Channel.CUSTOMER_SERVICE ? "cs" : "template";
	}

	private static DeliveryLog.Channel channel(Object value) {
		if (value == null) {
			return null;
		}
		String name = String.valueOf(value);
		if (name.equals("cs") || name.equals("CUSTOMER_SERVICE")) {
			return DeliveryLog.Channel.CUSTOMER_SERVICE;
		}
		return DeliveryLog.Channel.TEMPLATE;
	}

	private static Instant instant(Object millis) {
		return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(String.valueOf(millis)));
	}

	private static int integer(Object value) {
		return value == null ? 0 : Integer.parseInt(String.valueOf(value));
	}

}
