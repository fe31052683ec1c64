package org.qinqing.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.qinqing.system.RedisKeys;
import org.qinqing.system.LuaScripts;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * WeChat's customer-service window: after a user's own message an account may send that user
 * customer-service messages for 48 hours, at most {@value #MAX_MESSAGES} of them; outside it only
 * template messages reach them. The outbox reads the window to choose the channel.
 * <p>
 * Redis layout, for writers that record inbound messages in their own Lua scripts: a hash at
 * {@link #key(String, String) qq:{tenant}:window:<openid>} with two fields,
 * <ul>
 * <li>{@code at}: the user's last message, epoch milliseconds from the application's clock;</li>
 * <li>{@code sent}: customer-service messages used since then; the outbox adds 1 (HINCRBY) for each
 * one it sends.</li>
 * </ul>
 * Each inbound message resets both and the key's expiry:
 * {@code HSET key at <millis> sent 0} then {@code EXPIRE key 172800} (48 h). {@link #opened} does
 * exactly this for callers outside a script.
 */
@Component
public class ServiceWindow {

	public static final Duration LENGTH = Duration.ofHours(48);

	public static final int MAX_MESSAGES = 5;

	/** The outbox stops using a window this long before it closes, so a send in flight still fits. */
	static final Duration MARGIN = Duration.ofMinutes(5);

	private static final RedisScript<Long> OPEN = LuaScripts.load(Long.class, "notify/window-open.lua");

	private final StringRedisTemplate redis;

	private final Clock clock;

	ServiceWindow(StringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		this.clock = clock;
	}

	public static String key(String tenant, String openid) {
		return RedisKeys.of(tenant, "window", openid);
	}

	/** The user has just written to the account: the window (re)opens with all its messages. */
	public void opened(String tenant, String openid) {
		this.redis.execute(OPEN, List.of(key(tenant, openid)), String.valueOf(this.clock.millis()),
				String.valueOf(LENGTH.toSeconds()));
	}

	/** Whether the outbox would send this user a customer-service message now. */
	public boolean isOpen(String tenant, String openid) {
		List<Object> window = this.redis.opsForHash().multiGet(key(tenant, openid), List.of("at", "sent"));
		if (window.get(0) == null) {
			return false;
		}
		long at = Long.parseLong(String.valueOf(window.get(0)));
		long sent = window.get(1) == null ? 0 : Long.parseLong(String.valueOf(window.get(1)));
		return this.clock.millis() - at < usableMillis() && sent < MAX_MESSAGES;
	}

	/** WeChat said the window is closed (45015): believe it. */
	void close(String tenant, String openid) {
		this.redis.delete(key(tenant, openid));
	}

	/** WeChat said the window's messages are used up (45047). */
	void useUp(String tenant, String openid) {
		this.redis.opsForHash().put(key(tenant, openid), "sent", String.valueOf(MAX_MESSAGES));
	}

	static long usableMillis() {
		return LENGTH.minus(MARGIN).toMillis();
	}

}
