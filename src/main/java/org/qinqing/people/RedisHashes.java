package org.qinqing.people;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Many hashes read in one round trip: lists of a school or a county (20,000 children) are read with pipelines
 * of HGETALLs rather than one request each, so a list costs a round trip per 5,000 records, not one per record.
 */
final class RedisHashes {

	/** Above this many keys, the pipeline is sent in parts: each part a round trip, none holding Redis long. */
	static final int BATCH = 5_000;

	private RedisHashes() {
	}

	/** Each key's hash (an empty map for a missing key), in the keys' order. */
	@SuppressWarnings("unchecked")
	static List<Map<String, String>> entries(StringRedisTemplate redis, List<String> keys) {
		List<Map<String, String>> hashes = new ArrayList<>(keys.size());
		for (int from = 0; from < keys.size(); from += BATCH) {
			List<String> part = keys.subList(from, Math.min(keys.size(), from + BATCH));
			List<Object> results = redis.executePipelined((RedisCallback<Object>) connection -> {
				for (String key : part) {
					connection.hashCommands().hGetAll(key.getBytes(StandardCharsets.UTF_8));
				}
				return null;
			});
			for (Object result : results) {
				hashes.add(result == null ? new HashMap<>() : new HashMap<>((Map<String, String>) result));
			}
		}
		return hashes;
	}

}
