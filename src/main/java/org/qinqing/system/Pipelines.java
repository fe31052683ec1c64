package org.qinqing.system;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Many commands in one Redis round trip: a county's class of 40 children or an import of 200 rows reads
 * and writes in a few pipelines instead of one round trip per record. Inside, the operations answer null;
 * the answers come back in order from {@link #run}.
 */
public final class Pipelines {

	private Pipelines() {
	}

	public static List<Object> run(StringRedisTemplate redis, Consumer<RedisOperations<String, String>> commands) {
		return redis.executePipelined(new SessionCallback<Object>() {
			@Override
			@SuppressWarnings("unchecked")
			public <K, V> Object execute(RedisOperations<K, V> operations) throws DataAccessException {
				commands.accept((RedisOperations<String, String>) operations);
				return null;
			}
		});
	}

}
