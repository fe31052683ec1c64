package org.qinqing.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/** Who viewed a full contact card or exported data, and when: kept per tenant, newest first. */
@Service
public class AuditLog {

	public record Entry(Instant at, String username, String action, String target) {
	}

	private static final int KEEP = 10_000;

	private final StringRedisTemplate redis;

	private final Clock clock;

	AuditLog(StringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		this.clock = clock;
	}

	public void record(StaffUser user, String action, String target) {
		String key = RedisKeys.of(user.tenant(), "audit");
		this.redis.opsForList()
			.leftPush(key, this.clock.millis() + "\t" + user.username() + "\t" + action + "\t" + target);
		this.redis.opsForList().trim(key, 0, KEEP - 1);
	}

	public List<Entry> latest(String tenant, int count) {
		List<String> raw = this.redis.opsForList().range(RedisKeys.of(tenant, "audit"), 0, count - 1);
		List<Entry> entries = new ArrayList<>();
		for (String line : raw == null ? List.<String>of() : raw) {
			String[] parts = line.split("\t", 4);
			entries.add(new Entry(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1], parts[2], parts[3]));
		}
		return entries;
	}

}
