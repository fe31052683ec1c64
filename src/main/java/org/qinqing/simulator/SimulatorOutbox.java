package org.qinqing.simulator;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qinqing.notify.Delivery;
import org.qinqing.notify.MessengerChannel;
import org.qinqing.notify.OutboundMessage;
import org.qinqing.notify.TemplateMessage;
import org.qinqing.notify.TextMessage;
import org.qinqing.system.RedisKeys;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Catches messages to the simulator's personas (openids {@code demo-*}) so the page can show them. */
@Component
@Profile("!prod")
@Order(0)
public class SimulatorOutbox implements MessengerChannel {

	static final String PERSONA_PREFIX = "demo-";

	private static final int KEEP = 200;

	private final StringRedisTemplate redis;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	SimulatorOutbox(StringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		this.clock = clock;
	}

	@Override
	public boolean handles(String tenant, String openid) {
		return openid.startsWith(PERSONA_PREFIX);
	}

	@Override
	public Delivery send(OutboundMessage message) {
		Map<String, Object> entry = new LinkedHashMap<>();
		Long seq = this.redis.opsForValue().increment(RedisKeys.of(message.tenant(), "sim:seq", message.openid()));
		entry.put("seq", seq);
		if (message instanceof TextMessage text) {
			entry.put("kind", "text");
			entry.put("text", text.text());
		}
		else if (message instanceof TemplateMessage template) {
			entry.put("kind", "template");
			entry.put("title", template.title());
			entry.put("fields", template.fields());
			entry.put("url", template.url());
		}
		entry.put("at", OffsetDateTime.now(this.clock).toString());
		String key = RedisKeys.of(message.tenant(), "sim:outbox", message.openid());
		this.redis.opsForList().rightPush(key, this.json.writeValueAsString(entry));
		this.redis.opsForList().trim(key, -KEEP, -1);
		return Delivery.sent();
	}

	/** Pushed messages with a sequence number of at least {@code after}, oldest first. */
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> since(String tenant, String openid, long after) {
		List<String> raw = this.redis.opsForList().range(RedisKeys.of(tenant, "sim:outbox", openid), 0, -1);
		List<Map<String, Object>> out = new ArrayList<>();
		for (String item : raw == null ? List.<String>of() : raw) {
			Map<String, Object> entry = this.json.readValue(item, Map.class);
			if (((Number) entry.get("seq")).longValue() >= after) {
				out.add(entry);
			}
		}
		return out;
	}

}
