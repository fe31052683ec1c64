package org.qinqing.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.qinqing.QinqingApplication;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.people.CardField;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.system.RedisKeys;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Benchmark, not a test: the archive list of a county, 20,000 children in 400 classes (30% left behind, their
 * cards filled but every tenth missing a field), as its admin opens it over HTTP: the first page (left-behind
 * children), all pupils, the incomplete cards, a page far in, and the export of the left-behind. Prints each
 * request's time and the app's Redis round trips for it (web threads only; the sign-in session's reads are not counted).
 * <p>
 * Run: {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.main=org.qinqing.bench.ArchiveListBenchmark}
 * (options: -Dbench.children=20000 -Dbench.rounds=5).
 */
public final class ArchiveListBenchmark {

	private static final String TENANT = "county";

	private static final String PASSWORD = "county-admin-pw";

	private ArchiveListBenchmark() {
	}

	public static void main(String[] args) {
		int children = Integer.getInteger("bench.children", 20_000);
		int rounds = Integer.getInteger("bench.rounds", 5);
		ConfigurableApplicationContext app = new SpringApplicationBuilder(QinqingApplication.class).run(
				"--server.port=0", "--qinqing.embedded-redis.dir=", "--wechat.tenant=bench-archive",
				"--logging.level.root=WARN", "--spring.main.banner-mode=off");
		try {
			StringRedisTemplate redis = app.getBean(StringRedisTemplate.class);
			CountingConnectionFactory counting = new CountingConnectionFactory(redis.getConnectionFactory(), "http-");
			redis.setConnectionFactory(counting);
			long seedStart = System.nanoTime();
			seed(redis, children);
			app.getBean(StaffAccounts.class)
				.save(new StaffUser("county-admin", TENANT, StaffRole.ADMIN, "", "县教育局"), PASSWORD);
			System.out.printf("archive list benchmark: %d cores, %d children in %d classes (seeded in %.1f s)%n",
					Runtime.getRuntime().availableProcessors(), children, children / 50,
					(System.nanoTime() - seedStart) / 1e9);

			ConsoleBrowser browser = new ConsoleBrowser(
					Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
			browser.signIn("county-admin", PASSWORD);
			Map<String, String> requests = new java.util.LinkedHashMap<>();
			requests.put("list, left-behind (default), page 1", "/console/archives");
			requests.put("list, all pupils, page 1", "/console/archives?type=ALL");
			requests.put("list, incomplete cards, page 1", "/console/archives?incomplete=true");
			requests.put("list, all pupils, page 300", "/console/archives?type=ALL&page=300");
			requests.put("export.csv, left-behind", "/console/archives/export.csv?type=LEFT_BEHIND");
			RedisConnectionFactory factory = counting;
			for (Map.Entry<String, String> request : requests.entrySet()) {
				browser.get(request.getValue()); // warm-up
				List<Long> millis = new ArrayList<>();
				long trips = 0;
				long commands = 0;
				int bytes = 0;
				for (int i = 0; i < rounds; i++) {
					long tripsBefore = counting.roundTrips();
					long commandsBefore = commands(factory);
					long start = System.nanoTime();
					ConsoleBrowser.Page page = browser.get(request.getValue());
					millis.add((System.nanoTime() - start) / 1_000_000);
					trips += counting.roundTrips() - tripsBefore;
					commands += commands(factory) - commandsBefore - 1;
					bytes = page.body().getBytes(StandardCharsets.UTF_8).length;
					if (page.status() != 200) {
						throw new IllegalStateException(request.getValue() + " answered " + page.status());
					}
				}
				millis.sort(null);
				System.out.printf("%-40s median %5d ms (min %5d, max %5d), %6.1f round trips, %8.0f Redis commands, %,d bytes%n",
						request.getKey(), millis.get(millis.size() / 2), millis.get(0), millis.get(millis.size() - 1),
						trips / (double) rounds, commands / (double) rounds, bytes);
			}
		}
		finally {
			app.close();
		}
		System.exit(0);
	}

	/** Classes of 50, every third child (about) left behind; written in pipelines, as records of the directory. */
	private static void seed(StringRedisTemplate redis, int children) {
		int classes = Math.max(1, children / 50);
		List<CardField> fields = CardField.requiredFor(org.qinqing.people.LeftBehindType.BOTH_AWAY);
		for (int from = 0; from < children; from += 2_000) {
			int first = from;
			redis.executePipelined((RedisCallback<Object>) connection -> {
				if (first == 0) {
					for (int c = 0; c < classes; c++) {
						String id = String.format("k%03d", c);
						hash(connection, RedisKeys.of(TENANT, "class", id), Map.of("school", "s" + c / 10, "grade",
								String.valueOf(1 + c % 6), "number", String.valueOf(1 + c / 6), "name",
								(1 + c % 6) + "年级(" + (1 + c / 6) + ")班", "headTeacher", ""));
						connection.setCommands().sAdd(bytes(RedisKeys.of(TENANT, "classs")), bytes(id));
					}
				}
				for (int i = first; i < Math.min(children, first + 2_000); i++) {
					String id = String.format("s%05d", i);
					boolean away = i % 10 < 3;
					hash(connection, RedisKeys.of(TENANT, "child", id), Map.of("name", "学生" + i, "class",
							String.format("k%03d", i % classes), "leftBehind", away ? "BOTH_AWAY" : "NONE", "family",
							"f" + i, "pairedTeacher", ""));
					connection.setCommands().sAdd(bytes(RedisKeys.of(TENANT, "childs")), bytes(id));
					if (away) {
						Map<String, String> card = new HashMap<>();
						for (CardField field : fields) {
							card.put(field.key(), field.isPhone() ? "13800138000" : field == CardField.GUARDIAN_AGE ? "60"
									: field == CardField.CHILD_BIRTH_DATE ? "2016-05-01" : "已填");
						}
						if (i % 100 == 0) {
							card.remove(CardField.GUARDIAN_HEALTH.key());
						}
						hash(connection, RedisKeys.of(TENANT, "card", id), card);
					}
				}
				return null;
			});
		}
	}

	private static void hash(RedisConnection connection, String key, Map<String, String> fields) {
		Map<byte[], byte[]> raw = new HashMap<>();
		fields.forEach((k, v) -> raw.put(bytes(k), bytes(v)));
		connection.hashCommands().hMSet(bytes(key), raw);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** Commands Redis has processed (INFO stats), the app's background work included. */
	private static long commands(RedisConnectionFactory factory) {
		try (RedisConnection connection = factory.getConnection()) {
			Properties stats = connection.serverCommands().info("stats");
			return Long.parseLong(stats.getProperty("total_commands_processed").trim());
		}
	}

}
