package org.qinqing.feedback;

import java.time.Clock;
import java.util.Map;

import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** Messages left for the school, numbered per tenant, kept durably as hashes. */
@Component
class FeedbackBox {

	private final StringRedisTemplate redis;

	private final Clock clock;

	FeedbackBox(StringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		this.clock = clock;
	}

	long leave(String tenant, String personId, String openid, String topic, String words) {
		Long number = this.redis.opsForValue().increment(RedisKeys.of(tenant, "feedback:seq"));
		this.redis.opsForHash()
			.putAll(RedisKeys.of(tenant, "feedback", String.valueOf(number)), Map.of("topic", topic, "words", words,
					"person", personId, "openid", openid, "at", this.clock.instant().toString()));
		this.redis.opsForList().rightPush(RedisKeys.of(tenant, "feedback:open"), String.valueOf(number));
		return number;
	}

	long count(String tenant) {
		Long size = this.redis.opsForList().size(RedisKeys.of(tenant, "feedback:open"));
		return size == null ? 0 : size;
	}

}
