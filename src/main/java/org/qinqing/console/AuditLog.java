package org.qinqing.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * Who viewed a full contact card, exported data or marked a call, and when: kept per tenant, newest first.
 * Staff act in the console; teachers also act in chat (e.g. marking today's calls), recorded with their person id.
 */
@Service
public class AuditLog {

	/** Where an action was taken. */
	public enum Channel {

		CONSOLE, WECHAT

	}

	/**
	 * @param username the staff username, or in chat the teacher's person id
	 * @param name the name the school knows them by at the time (empty in entries written before names were kept)
	 */
	public record Entry(Instant at, String username, String action, String target, String name, Channel channel) {
	}

	private static final int KEEP = 10_000;

	private final StringRedisTemplate redis;

	private final Clock clock;

	AuditLog(StringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		this.clock = clock;
	}

	public void record(StaffUser user, String action, String target) {
		write(user.tenant(), user.username(), user.displayName(), Channel.CONSOLE, action, target);
	}

	/** An action a teacher (or school leader) took in chat, e.g. marking a call from 今天的视频. */
	public void recordFromChat(String tenant, String personId, String name, String action, String target) {
		write(tenant, personId, name, Channel.WECHAT, action, target);
	}

	private void write(String tenant, String who, String name, Channel channel, String action, String target) {
		String key = RedisKeys.of(tenant, "audit");
		// tab-separated; entries of the first shape have four fields, name and channel were added after
		String line = String.join("\t", String.valueOf(this.clock.millis()), oneField(who), oneField(action),
				oneField(target), oneField(name), channel.name());
		this.redis.opsForList().leftPush(key, line);
		this.redis.opsForList().trim(key, 0, KEEP - 1);
	}

	public List<Entry> latest(String tenant, int count) {
		List<String> raw = this.redis.opsForList().range(RedisKeys.of(tenant, "audit"), 0, count - 1);
		List<Entry> entries = new ArrayList<>();
		for (String line : raw == null ? List.<String>of() : raw) {
			String[] parts = line.split("\t", -1);
			boolean full = parts.length >= 6;
			entries.add(new Entry(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1], parts[2],
					full ? parts[3] : String.join("\t", java.util.Arrays.copyOfRange(parts, 3, parts.length)),
					full ? parts[4] : "", full ? Channel.valueOf(parts[5]) : Channel.CONSOLE));
		}
		return entries;
	}

	private static String oneField(String value) {
		return value == null ? "" : value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
	}

}
