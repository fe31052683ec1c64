package org.qinqing.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.qinqing.QinqingApplication;
import org.qinqing.notify.DeliveryLog;
import org.qinqing.notify.Notification;
import org.qinqing.notify.Outbox;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Benchmark, not a test: queues messages in the outbox with its consumer stopped, then starts it
 * against a WireMock playing WeChat with a fixed latency, and prints the rate WeChat saw against the
 * configured limit, the duplicates (requests beyond one per recipient) and Redis commands per message.
 * <p>
 * Run: {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.main=org.qinqing.bench.OutboxBenchmark}
 * (options: -Dbench.messages=10000 -Dbench.rate=500 -Dbench.latency=20).
 */
public final class OutboxBenchmark {

	private static final String TEMPLATE = "/cgi-bin/message/template/send";

	private static final Pattern TOUSER = Pattern.compile("\"touser\":\"([^\"]+)\"");

	private OutboxBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int messages = Integer.getInteger("bench.messages", 10_000);
		int rate = Integer.getInteger("bench.rate", 500);
		int latency = Integer.getInteger("bench.latency", 20);
		String tenant = "bench-outbox-" + System.currentTimeMillis();

		WireMockServer wechat = new WireMockServer(
				options().dynamicPort().containerThreads(100).asynchronousResponseEnabled(true).asynchronousResponseThreads(50));
		wechat.start();
		wechat.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token")).willReturn(aResponse()
			.withHeader("Content-Type", "application/json")
			.withBody("{\"access_token\":\"BENCH\",\"expires_in\":7200}")));
		wechat.stubFor(post(urlPathEqualTo(TEMPLATE)).willReturn(aResponse().withFixedDelay(latency)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":1}")));

		// quiet hours off (start = end) so the figures do not depend on the time of day in Shanghai
		ConfigurableApplicationContext app = new SpringApplicationBuilder(QinqingApplication.class).run(
				"--server.port=0", "--qinqing.embedded-redis.dir=", "--wechat.tenant=" + tenant,
				"--wechat.api-base=" + wechat.baseUrl(), "--qinqing.notify.rate-per-second=" + rate,
				"--qinqing.notify.consumer-enabled=false", "--qinqing.notify.templates.lesson=TPL_BENCH",
				"--qinqing.notify.quiet-start=00:00", "--qinqing.notify.quiet-end=00:00", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off");
		try {
			Outbox outbox = app.getBean(Outbox.class);
			RedisConnectionFactory redis = app.getBean(RedisConnectionFactory.class);
			System.out.printf("qinqing outbox benchmark: %d cores, %d messages, limit %d/s, WeChat latency %d ms%n",
					Runtime.getRuntime().availableProcessors(), messages, rate, latency);

			ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
			long queueStart = System.nanoTime();
			ExecutorService producers = Executors.newFixedThreadPool(8);
			for (int p = 0; p < 8; p++) {
				int first = p;
				producers.execute(() -> {
					for (int i = first; i < messages; i += 8) {
						String openid = "o-bench-" + i;
						ids.add(outbox.enqueue(Notification.builder(tenant, openid, "lesson", "bench:" + i)
							.template("家长课堂", Map.of("topic", "第" + i + "课", "when", "今晚"),
									"https://school.example/l/" + Outbox.MESSAGE_ID)
							.build()).messageId());
					}
				});
			}
			producers.shutdown();
			producers.awaitTermination(5, TimeUnit.MINUTES);
			double queueSeconds = (System.nanoTime() - queueStart) / 1e9;
			System.out.printf("queued %d in %.2f s (%.0f/s); duplicate keys queued again: %d%n", ids.size(),
					queueSeconds, ids.size() / queueSeconds, requeueDuplicates(outbox, tenant, Math.min(messages, 100)));

			long[] before = redisCounts(redis);
			long start = System.currentTimeMillis();
			app.getBean("outboxConsumer", Lifecycle.class).start();
			long deadline = start + (long) messages * 1000 / rate * 3 + 30_000;
			while (count(wechat) < messages && System.currentTimeMillis() < deadline) {
				Thread.sleep(100);
			}
			long drained = System.currentTimeMillis();
			Thread.sleep(2000); // anything sent twice would arrive now
			long[] after = redisCounts(redis);

			List<Long> times = new ArrayList<>();
			Map<String, Integer> perRecipient = new HashMap<>();
			for (ServeEvent event : wechat.getAllServeEvents()) {
				if (!event.getRequest().getUrl().startsWith(TEMPLATE)) {
					continue;
				}
				times.add(event.getRequest().getLoggedDate().getTime());
				Matcher to = TOUSER.matcher(event.getRequest().getBodyAsString());
				if (to.find()) {
					perRecipient.merge(to.group(1), 1, Integer::sum);
				}
			}
			times.sort(Long::compare);
			int requests = times.size();
			int duplicates = requests - perRecipient.size();
			double span = (times.get(requests - 1) - times.get(0)) / 1000.0;
			double achieved = (requests - 1) / span;
			int sentLogs = 0;
			for (String id : ids) {
				if (outbox.deliveryLog(tenant, id).map(DeliveryLog::state).orElse(null) == DeliveryLog.State.SENT) {
					sentLogs++;
				}
			}
			System.out.printf("WeChat received %d template messages for %d recipients in %.2f s (consumer start to last: %.2f s)%n",
					requests, perRecipient.size(), span, (drained - start) / 1000.0);
			System.out.printf("achieved rate %.0f/s = %.1f%% of the %d/s limit (target >= 90%%)%n", achieved,
					100 * achieved / rate, rate);
			System.out.printf("duplicates %d (target 0); delivery logs SENT %d of %d%n", duplicates, sentLogs, ids.size());
			System.out.printf("busiest second %d requests, busiest 1-s window (sliding) %d (limit %d); redis commands/message %.1f (scripts %.2f)%n",
					busiestSecond(times), busiestWindow(times), rate, (after[0] - before[0]) / (double) messages,
					(after[1] - before[1]) / (double) messages);
			System.out.println("command: ./mvnw -q -Pbench test-compile exec:java -Dbench.main=org.qinqing.bench.OutboxBenchmark"
					+ " -Dbench.messages=" + messages + " -Dbench.rate=" + rate + " -Dbench.latency=" + latency);
		}
		finally {
			app.close();
			wechat.stop();
		}
		System.exit(0);
	}

	/** Queues the first keys again: all must come back as duplicates. */
	private static int requeueDuplicates(Outbox outbox, String tenant, int n) {
		int duplicates = 0;
		for (int i = 0; i < n; i++) {
			if (outbox.enqueue(Notification.builder(tenant, "o-bench-" + i, "lesson", "bench:" + i)
				.template("家长课堂", Map.of("topic", "again"), null)
				.build()).duplicate()) {
				duplicates++;
			}
		}
		return duplicates;
	}

	private static int count(WireMockServer wechat) {
		return wechat.countRequestsMatching(postRequestedFor(urlPathEqualTo(TEMPLATE)).build()).getCount();
	}

	static int busiestSecond(List<Long> times) {
		Map<Long, Integer> perSecond = new HashMap<>();
		times.forEach(t -> perSecond.merge(t / 1000, 1, Integer::sum));
		return perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0);
	}

	/** The most requests in any one-second window [t, t + 1 s), wherever it starts. */
	static int busiestWindow(List<Long> sortedTimes) {
		int busiest = 0;
		for (int i = 0, j = 0; i < sortedTimes.size(); i++) {
			while (sortedTimes.get(i) - sortedTimes.get(j) >= 1000) {
				j++;
			}
			busiest = Math.max(busiest, i - j + 1);
		}
		return busiest;
	}

	/** Commands Redis has processed (INFO stats, counting those inside scripts) and script calls. */
	private static long[] redisCounts(RedisConnectionFactory factory) {
		try (RedisConnection connection = factory.getConnection()) {
			long total = Long
				.parseLong(connection.serverCommands().info("stats").getProperty("total_commands_processed").trim());
			Properties commandStats = connection.serverCommands().info("commandstats");
			long scripts = 0;
			for (String name : commandStats.stringPropertyNames()) {
				if (name.equals("cmdstat_evalsha") || name.equals("cmdstat_eval")) {
					scripts += Long.parseLong(commandStats.getProperty(name).replaceAll("^calls=(\\d+),.*$", "$1"));
				}
			}
			return new long[] { total, scripts };
		}
	}

}
