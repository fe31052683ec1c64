package org.qinqing.notify;

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

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
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

	private static final RedisScript<List> ENQUEUE = RedisScript.of("""
			local existing = redis.call('GET', KEYS[1])
			if existing then return {'DUP', existing} end
			redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			redis.call('HSET', KEYS[3], 'n', ARGV[3], 'kind', ARGV[4], 'urgent', ARGV[5], 'text', ARGV[6],
			    'template', ARGV[7], 'state', 'queued', 'queuedAt', ARGV[8], 'attempts', 0, 'retries', 0)
			redis.call('PEXPIRE', KEYS[3], ARGV[9])
			redis.call('RPUSH', KEYS[4], ARGV[10])
			redis.call('PEXPIRE', KEYS[4], ARGV[9])
			redis.call('XADD', KEYS[2], '*', 'id', ARGV[1], 'to', ARGV[11])
			return {'NEW', ARGV[1]}
			""", List.class);

	private static final RedisScript<Long> CREATE_GROUP = RedisScript.of("""
			local ok = redis.pcall('XGROUP', 'CREATE', KEYS[1], ARGV[1], '0', 'MKSTREAM')
			if type(ok) == 'table' and ok.err and not string.find(ok.err, 'BUSYGROUP') then
			  return redis.error_reply(ok.err)
			end
			return 1
			""", Long.class);

	/**
	 * Decides what to do with one message now, and when it is to be sent reserves what the send uses
	 * (a rate permit, a template from the day's quota or a message of the service window) and marks
	 * it in flight for this processing run until claim-idle has passed. The checks that need no reservation come first, so held,
	 * skipped and finished messages cost no rate permit.
	 */
	private static final RedisScript<List> ADMIT = RedisScript.of(RateLimiter.LUA + """
			local now = tonumber(ARGV[1])
			local m = redis.call('HMGET', KEYS[1], 'state', 'inflight', 'urgent', 'text', 'template', 'n', 'retries')
			if not m[1] then return {'GONE'} end
			if m[1] == 'sent' or m[1] == 'failed' or m[1] == 'skipped' then return {'DONE'} end
			local uncertain = '0'
			if m[2] then
			  local sep = string.find(m[2], '|', 1, true)
			  if string.sub(m[2], 1, sep - 1) ~= ARGV[2] then
			    if tonumber(string.sub(m[2], sep + 1)) > now then return {'BUSY'} end
			    uncertain = '1'
			  end
			end
			if m[3] ~= '1' and tonumber(ARGV[4]) > 0 then return {'QUIET', ARGV[4]} end
			if redis.call('EXISTS', KEYS[2]) == 1 then return {'UNREACHABLE'} end
			local csUntil = tonumber(redis.call('GET', KEYS[4]) or '0')
			local windowOpen = false
			if m[4] == '1' then
			  local w = redis.call('HMGET', KEYS[3], 'at', 'sent')
			  windowOpen = w[1] ~= false and now - tonumber(w[1]) < tonumber(ARGV[7])
			      and tonumber(w[2] or '0') < tonumber(ARGV[8])
			end
			local channel
			if windowOpen and csUntil <= now then
			  channel = 'cs'
			elseif m[5] == '1' then
			  local tplUntil = tonumber(redis.call('GET', KEYS[5]) or '0')
			  if tplUntil > now then return {'PAUSED', tostring(tplUntil)} end
			  channel = 'template'
			elseif windowOpen then
			  return {'PAUSED', tostring(csUntil)}
			else
			  return {'NONE'}
			end
			if over_rate(KEYS[6], tonumber(ARGV[5])) then return {'WAIT'} end
			if channel == 'template' then
			  local used = redis.call('INCR', KEYS[7])
			  if used == 1 then redis.call('PEXPIRE', KEYS[7], 172800000) end
			  if used > tonumber(ARGV[6]) then return {'QUOTA'} end
			else
			  redis.call('HINCRBY', KEYS[3], 'sent', 1)
			end
			redis.call('HSET', KEYS[1], 'inflight', ARGV[2] .. '|' .. (now + tonumber(ARGV[3])), 'channel', channel)
			redis.call('HINCRBY', KEYS[1], 'attempts', 1)
			return {channel, uncertain, m[6], m[7] or '0'}
			""", List.class);

	/**
	 * Records an outcome (events, fields, optionally a time to go again) and then acknowledges and
	 * deletes the stream entry: "sent" is written before, and atomically with, the acknowledgement.
	 */
	private static final RedisScript<Long> SETTLE = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 1 then
			  local events = tonumber(ARGV[6])
			  for i = 7, 6 + events do redis.call('RPUSH', KEYS[2], ARGV[i]) end
			  redis.call('PEXPIRE', KEYS[2], ARGV[5])
			  local fields = {}
			  for i = 7 + events, #ARGV do fields[#fields + 1] = ARGV[i] end
			  if #fields > 0 then redis.call('HSET', KEYS[1], unpack(fields)) end
			  redis.call('HDEL', KEYS[1], 'inflight')
			  redis.call('PEXPIRE', KEYS[1], ARGV[5])
			  if ARGV[4] ~= '' then redis.call('ZADD', KEYS[4], ARGV[4], ARGV[3]) end  -- member: id|openid
			end
			if ARGV[1] ~= '' then
			  redis.call('XACK', KEYS[3], ARGV[2], ARGV[1])
			  redis.call('XDEL', KEYS[3], ARGV[1])
			end
			return 1
			""", Long.class);

	/** Moves held messages whose time has come back into the stream; safe with several instances. */
	private static final RedisScript<Long> RELEASE_DUE = RedisScript.of("""
			local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
			for _, member in ipairs(due) do
			  local sep = string.find(member, '|', 1, true)
			  redis.call('XADD', KEYS[2], '*', 'id', string.sub(member, 1, sep - 1), 'to', string.sub(member, sep + 1))
			  redis.call('ZREM', KEYS[1], member)
			end
			return #due
			""", Long.class);

	/** Takes over entries another consumer read but did not settle within the idle time (it died). */
	private static final RedisScript<List> RECLAIM = RedisScript.of("""
			local claimed = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], 'COUNT', ARGV[5])
			local out = {claimed[1]}
			for _, entry in ipairs(claimed[2]) do
			  if type(entry) == 'table' and type(entry[2]) == 'table' then
			    local id, to = '', ''
			    for i = 1, #entry[2], 2 do
			      if entry[2][i] == 'id' then id = entry[2][i + 1] end
			      if entry[2][i] == 'to' then to = entry[2][i + 1] end
			    end
			    out[#out + 1] = entry[1]
			    out[#out + 1] = id
			    out[#out + 1] = to
			  end
			end
			return out
			""", List.class);

	private static final RedisScript<Long> MARK_READ = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
			if redis.call('HSETNX', KEYS[1], 'readAt', ARGV[1]) == 0 then return 0 end
			redis.call('RPUSH', KEYS[2], ARGV[2])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final NotifyProperties properties;

	private final JsonMapper json = JsonMapper.builder().build();

	OutboxStore(StringRedisTemplate redis, NotifyProperties properties) {
		this.redis = redis;
		this.properties = properties;
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
		/** Over this second's rate: try again in the next. */
		WAIT, QUOTA, CUSTOMER_SERVICE, TEMPLATE

	}

	/**
	 * @param until for QUIET and PAUSED: when it may go
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
		String tenant = notification.tenant();
		List<String> keys = List.of(OutboxKeys.idempotency(tenant, notification.idempotencyKey()),
				OutboxKeys.stream(tenant), OutboxKeys.message(tenant, messageId), OutboxKeys.log(tenant, messageId));
		List<?> result = this.redis.execute(ENQUEUE, keys, messageId,
				String.valueOf(this.properties.idempotencyTtl().toMillis()), this.json.writeValueAsString(notification),
				notification.kind(), flag(notification.urgent()), flag(notification.hasText()),
				flag(notification.hasTemplate()), String.valueOf(now), String.valueOf(this.properties.logTtl().toMillis()),
				event(now, DeliveryLog.Event.Type.QUEUED, null, 0, null, null), notification.openid());
		return new Enqueued(String.valueOf(result.get(1)), "DUP".equals(result.get(0)));
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
				OutboxKeys.pause(tenant, DeliveryLog.Channel.TEMPLATE), RateLimiter.windowKey(tenant, now),
				OutboxKeys.quota(tenant, LocalDate.ofInstant(Instant.ofEpochMilli(now), zone)));
		List<?> result = this.redis.execute(ADMIT, keys, String.valueOf(now), run,
				String.valueOf(this.properties.claimIdle().toMillis()), String.valueOf(quietUntil),
				String.valueOf(this.properties.ratePerSecond()), String.valueOf(this.properties.dailyTemplateQuota()),
				String.valueOf(ServiceWindow.usableMillis()), String.valueOf(ServiceWindow.MAX_MESSAGES));
		String verdict = String.valueOf(result.get(0));
		switch (verdict) {
			case "cs":
			case "template":
				return new Admission(verdict.equals("cs") ? Verdict.CUSTOMER_SERVICE : Verdict.TEMPLATE, 0,
						"1".equals(result.get(1)), String.valueOf(result.get(2)),
						Integer.parseInt(String.valueOf(result.get(3))));
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
