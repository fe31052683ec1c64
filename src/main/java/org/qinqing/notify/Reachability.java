package org.qinqing.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.qinqing.system.Pipelines;
import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Who can be reached at all. A person who unfollowed the account (WeChat's 43004, or the
 * {@code unsubscribe} event the conversation module sees) gets nothing until they follow again
 * ({@code subscribe}); the outbox skips their messages instead of calling WeChat in vain.
 * Redis: {@code qq:{tenant}:unreachable:<openid>} holds the time it was noticed (epoch millis).
 */
@Component
public class Reachability {

	/** Forgotten after a year: a message then costs one refused call, and the mark is set again. */
	private static final Duration REMEMBER = Duration.ofDays(365);

	private final StringRedisTemplate redis;

	private final Clock clock;

	Reachability(StringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		this.clock = clock;
	}

	public static String key(String tenant, String openid) {
		return RedisKeys.of(tenant, "unreachable", openid);
	}

	public void markUnfollowed(String tenant, String openid) {
		this.redis.opsForValue().set(key(tenant, openid), String.valueOf(this.clock.millis()), REMEMBER);
	}

	public void markFollowing(String tenant, String openid) {
		this.redis.delete(key(tenant, openid));
	}

	/** Those of these openids that are reachable, in one round trip. */
	public java.util.Set<String> reachable(String tenant, java.util.Collection<String> openids) {
		List<String> all = openids.stream().distinct().toList();
		List<Object> marked = Pipelines.run(this.redis, ops -> all.forEach(openid -> ops.hasKey(key(tenant, openid))));
		java.util.Set<String> reachable = new java.util.LinkedHashSet<>();
		for (int i = 0; i < all.size(); i++) {
			if (!Boolean.TRUE.equals(marked.get(i))) {
				reachable.add(all.get(i));
			}
		}
		return reachable;
	}

	public boolean isReachable(String tenant, String openid) {
		return !Boolean.TRUE.equals(this.redis.hasKey(key(tenant, openid)));
	}

}
