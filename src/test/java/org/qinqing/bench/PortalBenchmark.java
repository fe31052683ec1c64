package org.qinqing.bench;

import java.util.Properties;

import org.qinqing.QinqingApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Benchmark, not a test: starts the app (embedded redis-server, or REDIS_URL), drives its portal
 * with {@link PortalLoad} in plaintext and safe mode, and prints throughput, latency and Redis
 * commands per message. Load generator and app share this machine's cores.
 * <p>
 * Run: {@code ./mvnw -q -Pbench test-compile exec:java} (options: -Dbench.messages, -Dbench.concurrency).
 */
public final class PortalBenchmark {

	private PortalBenchmark() {
	}

	public static void main(String[] args) {
		int messages = Integer.getInteger("bench.messages", 40_000);
		int concurrency = Integer.getInteger("bench.concurrency", 64);
		int rate = Integer.getInteger("bench.rate", 500);
		int warmup = Integer.getInteger("bench.warmup", messages);
		ConfigurableApplicationContext app = new SpringApplicationBuilder(QinqingApplication.class)
			.run("--server.port=0", "--qinqing.embedded-redis.dir=", "--wechat.tenant=bench",
					"--logging.level.root=WARN", "--spring.main.banner-mode=off");
		try {
			String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
			String appId = app.getEnvironment().getProperty("wechat.app-id");
			String token = app.getEnvironment().getProperty("wechat.token");
			String aesKey = app.getEnvironment().getProperty("wechat.aes-key");
			RedisConnectionFactory redis = app.getBean(RedisConnectionFactory.class);
			System.out.printf("qinqing portal benchmark: %d cores, %d messages per run%n",
					Runtime.getRuntime().availableProcessors(), messages);
			// both modes warm up first, so neither run pays for the JIT compiling the other's code
			for (boolean encrypted : new boolean[] { false, true }) {
				PortalLoad.run(new PortalLoad.Config(base, appId, token, aesKey, encrypted, concurrency, warmup, 0,
						5000, 0));
			}
			for (boolean encrypted : new boolean[] { false, true }) {
				PortalLoad.Config config = new PortalLoad.Config(base, appId, token, aesKey, encrypted, concurrency,
						messages, 0, 5000, 0);
				long[] before = redisCounts(redis);
				PortalLoad.Result result = PortalLoad.run(config);
				long[] after = redisCounts(redis);
				double sent = messages;
				System.out.println(result.describe()
						+ String.format(", redis round trips/msg %.2f (commands incl. inside scripts %.2f)",
								(after[1] - before[1]) / sent, (after[0] - before[0]) / sent));
			}
			for (boolean encrypted : new boolean[] { false, true }) {
				PortalLoad.Config paced = new PortalLoad.Config(base, appId, token, aesKey, encrypted, 32, rate * 20,
						rate * 2, 5000, rate);
				System.out.println("paced " + rate + "/s: " + PortalLoad.run(paced).describe());
			}
		}
		finally {
			app.close();
		}
		System.exit(0);
	}

	/**
	 * Commands Redis has processed (INFO stats; this counts the commands a script runs too) and the
	 * scripts called. The hot path sends nothing but scripts (begin, commit, and a directory look-up
	 * when a session starts), so the second figure is its round trips.
	 */
	private static long[] redisCounts(RedisConnectionFactory factory) {
		try (RedisConnection connection = factory.getConnection()) {
			long total = Long.parseLong(connection.serverCommands().info("stats").getProperty("total_commands_processed").trim());
			Properties commandStats = connection.serverCommands().info("commandstats");
			long scripts = 0;
			for (String name : commandStats.stringPropertyNames()) {
				long calls = Long.parseLong(commandStats.getProperty(name).replaceAll("^calls=(\\d+),.*$", "$1"));
				if (name.equals("cmdstat_evalsha") || name.equals("cmdstat_eval")) {
					scripts += calls;
				}
			}
			return new long[] { total, scripts };
		}
	}

}
