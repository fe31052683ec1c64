package org.qinqing.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisSentinelConnection;

/**
 * For benchmarks: a connection factory that counts Redis round trips. A command sent on its own is one;
 * a pipeline (however many commands it holds) is one, when it is closed. Counted only on threads whose
 * name starts with {@code threadPrefix} (the web server's), so the app's background pollers are left out.
 */
final class CountingConnectionFactory implements RedisConnectionFactory {

	/** Methods of a connection that send nothing to Redis by themselves. */
	private static final Set<String> LOCAL = Set.of("close", "isClosed", "getNativeConnection", "isQueueing",
			"isPipelined", "openPipeline", "getSentinelConnection", "toString", "hashCode", "equals");

	private final RedisConnectionFactory target;

	private final String threadPrefix;

	private final AtomicLong roundTrips = new AtomicLong();

	CountingConnectionFactory(RedisConnectionFactory target, String threadPrefix) {
		this.target = target;
		this.threadPrefix = threadPrefix;
	}

	long roundTrips() {
		return this.roundTrips.get();
	}

	@Override
	public RedisConnection getConnection() {
		RedisConnection real = this.target.getConnection();
		return (RedisConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { RedisConnection.class }, (proxy, method, args) -> {
					if (method.getName().equals("closePipeline")) {
						count();
					}
					else if (!LOCAL.contains(method.getName()) && method.getName().endsWith("Commands")
							&& method.getReturnType().isInterface() && (args == null || args.length == 0)) {
						Object commands = invoke(method, real, args);
						return commands(method.getReturnType(), commands, real);
					}
					else if (!LOCAL.contains(method.getName()) && !real.isPipelined()) {
						count();
					}
					return invoke(method, real, args);
				});
	}

	private Object commands(Class<?> type, Object commands, RedisConnection real) {
		return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
			if (!LOCAL.contains(method.getName()) && !real.isPipelined()) {
				count();
			}
			return invoke(method, commands, args);
		});
	}

	private void count() {
		if (Thread.currentThread().getName().startsWith(this.threadPrefix)) {
			this.roundTrips.incrementAndGet();
		}
	}

	private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	@Override
	public RedisClusterConnection getClusterConnection() {
		return this.target.getClusterConnection();
	}

	@Override
	public boolean getConvertPipelineAndTxResults() {
		return this.target.getConvertPipelineAndTxResults();
	}

	@Override
	public RedisSentinelConnection getSentinelConnection() {
		return this.target.getSentinelConnection();
	}

	@Override
	public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
		return this.target.translateExceptionIfPossible(ex);
	}

}
