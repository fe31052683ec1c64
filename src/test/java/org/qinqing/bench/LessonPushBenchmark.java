package org.qinqing.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.qinqing.QinqingApplication;
import org.qinqing.notify.Addressed;
import org.qinqing.notify.Message;
import org.qinqing.notify.Outbox;
import org.qinqing.parenting.push.FakeWeeklyLessons;
import org.qinqing.parenting.push.WeeklyLessons;
import org.qinqing.system.SchoolTime;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.context.support.GenericApplicationContext;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.embedded.RedisServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Benchmark, not a test: the weekly lesson push of a county, end to end. The app runs as child JVMs (the Spring
 * Boot app from the test classpath, with the lessons side faked by {@link FakeWeeklyLessons} and the clock moved
 * to a Friday 19:00 school time), against one redis-server and a WireMock WeChat that this process starts; the
 * figures come from WireMock's request log and Redis.
 * <ol start="0">
 * <li>Redis round trips of one batch's {@code Outbox.toEach}.</li>
 * <li>20,000 guardians, 20 ms WeChat latency, 500/s limit, 100k/day quota: wall time, achieved rate, busiest
 * second and one-second window, duplicates.</li>
 * <li>The same with the app killed ({@code kill -9}: {@link Process#destroyForcibly}) mid-push and started again:
 * lost and doubled messages.</li>
 * <li>150,000 guardians against the 100k quota: the plan carries the rest to Saturday 19:00 (the clock moved on for
 * the second instance); over quota per day. WeChat answers at once and the limit is 3000/s here, to keep it to a
 * few minutes: this part is about the quota.</li>
 * </ol>
 * Run: {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.main=org.qinqing.bench.LessonPushBenchmark}
 * (options: -Dbench.guardians=20000 -Dbench.county=150000 -Dbench.parts=0,1,2,3).
 */
public final class LessonPushBenchmark {

	private static final String TEMPLATE = "/cgi-bin/message/template/send";

	private static final Pattern TOUSER = Pattern.compile("\"touser\":\"([^\"]+)\"");

	private static final Pattern CLIENT_MSG_ID = Pattern.compile("\"client_msg_id\":\"([^\"]+)\"");

	private static final int QUOTA = 100_000;

	private final int redisPort;

	private final WireMockServer wechat;

	/** This run's Friday 19:00 school time, as an offset from the real clock (every instance gets the same). */
	private final long clockOffsetMillis;

	private final LocalDate friday;

	private final Received log;

	private LessonPushBenchmark(int redisPort, WireMockServer wechat, Received log, LocalDate friday) {
		this.redisPort = redisPort;
		this.wechat = wechat;
		this.log = log;
		this.friday = friday;
		this.clockOffsetMillis = SchoolTime.instant(friday.atTime(19, 0)).toEpochMilli() - System.currentTimeMillis();
	}

	public static void main(String[] args) throws Exception {
		int guardians = Integer.getInteger("bench.guardians", 20_000);
		int county = Integer.getInteger("bench.county", 150_000);
		Set<String> parts = Set.of(System.getProperty("bench.parts", "0,1,2,3").split(","));
		int redisPort = freePort();
		RedisServer redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"").build();
		redis.start();
		Received received = new Received();
		// no request journal (150,000 bodies); the filter records what the figures need as each request arrives
		WireMockServer wechat = new WireMockServer(options().dynamicPort()
			.containerThreads(100)
			.asynchronousResponseEnabled(true)
			.asynchronousResponseThreads(50)
			.disableRequestJournal()
			.extensions(received));
		wechat.start();
		LocalDate friday = SchoolTime.today(Clock.systemUTC()).with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
		LessonPushBenchmark bench = new LessonPushBenchmark(redisPort, wechat, received, friday);
		System.out.printf("qinqing lesson push benchmark: %d cores, push day %s 19:00 school time%n",
				Runtime.getRuntime().availableProcessors(), friday);
		try {
			if (parts.contains("0")) {
				bench.roundTrips(500);
			}
			if (parts.contains("1")) {
				bench.push(guardians, false);
			}
			if (parts.contains("2")) {
				bench.push(guardians, true);
			}
			if (parts.contains("3")) {
				bench.county(county);
			}
		}
		finally {
			wechat.stop();
			redis.stop();
		}
		System.out.println("command: ./mvnw -q -Pbench test-compile exec:java -Dbench.main=org.qinqing.bench.LessonPushBenchmark"
				+ " -Dbench.guardians=" + guardians + " -Dbench.county=" + county);
		System.exit(0);
	}

	/**
	 * Part 0: Redis round trips of one push batch's {@code Outbox.toEach} (openids, reachability, enqueue scripts),
	 * counted on this thread by {@link CountingConnectionFactory}, in an app of this process (its consumer off).
	 */
	private void roundTrips(int batch) {
		String tenant = "bench-trips-" + System.currentTimeMillis();
		ConfigurableApplicationContext app = new SpringApplicationBuilder(QinqingApplication.class).run(
				"--server.port=0", "--REDIS_URL=redis://127.0.0.1:" + this.redisPort, "--wechat.tenant=" + tenant,
				"--wechat.api-base=" + this.wechat.baseUrl(), "--qinqing.notify.consumer-enabled=false",
				"--qinqing.demo.staff-accounts=false", "--qinqing.console.admin.username=admin-" + tenant,
				"--logging.level.root=WARN", "--spring.main.banner-mode=off");
		try {
			bind(tenant, batch);
			StringRedisTemplate redis = app.getBean(StringRedisTemplate.class);
			CountingConnectionFactory counting = new CountingConnectionFactory(redis.getConnectionFactory(),
					Thread.currentThread().getName());
			redis.setConnectionFactory(counting);
			Outbox outbox = app.getBean(Outbox.class);
			LocalDate week = this.friday;
			for (int round = 0; round < 2; round++) {
				Map<String, Message> messages = new java.util.LinkedHashMap<>();
				for (int i = 0; i < batch; i++) {
					messages.put("g" + i, new Message("lesson", "lesson:" + tenant + ":" + week + ":g" + i, false,
							"本周家长课堂", "家长课堂", Map.of("title", "防溺水"), "https://school.example/p/g" + i));
				}
				long before = counting.roundTrips();
				long start = System.nanoTime();
				Addressed addressed = outbox.toEach(tenant, messages);
				System.out.printf("0. Outbox.toEach of a batch of %d (%s): %d Redis round trips, %.0f ms; %d queued, %d duplicates%n",
						batch, round == 0 ? "first" : "replayed after a crash", counting.roundTrips() - before,
						(System.nanoTime() - start) / 1e6, addressed.queued().stream().filter(e -> !e.duplicate()).count(),
						addressed.queued().stream().filter(e -> e.duplicate()).count());
			}
		}
		finally {
			app.close();
		}
	}

	/** Parts 1 and 2: one lesson to {@code guardians}, 20 ms latency, 500/s; killed once half way when asked. */
	private void push(int guardians, boolean kill) throws Exception {
		String tenant = "bench-push-" + (kill ? "kill-" : "") + System.currentTimeMillis();
		stubWechat(20);
		bind(tenant, guardians);
		System.out.printf("%n%s: %d guardians, WeChat latency 20 ms, limit 500/s, quota %d/day%n",
				kill ? "2. killed (kill -9) mid-push and started again" : "1. one lesson", guardians, QUOTA);
		long start = System.currentTimeMillis();
		Process first = instance(tenant, guardians, 500, "a");
		long killedAt = 0;
		int atKill = 0;
		if (kill) {
			waitFor(() -> received(tenant) >= guardians * 2 / 5, Duration.ofMinutes(5));
			first.destroyForcibly().waitFor();
			killedAt = System.currentTimeMillis();
			atKill = received(tenant);
			Map<String, String> week = week(tenant);
			System.out.printf("killed after %.1f s: WeChat had %d, the push's cursor at %s, %s queued%n",
					(killedAt - start) / 1000.0, atKill, week.get("cursor"), week.get("queued"));
			first = instance(tenant, guardians, 500, "b");
		}
		waitFor(() -> received(tenant) >= guardians && "1".equals(finished(tenant)), Duration.ofMinutes(10));
		long end = System.currentTimeMillis();
		Thread.sleep(3000); // anything sent twice would arrive now
		first.destroy();
		first.waitFor();
		Figures figures = figures(tenant);
		Map<String, String> week = week(tenant);
		System.out.printf("wall time %.1f s from the first instance's start to the last message (%.1f s from the first message)%n",
				(end - start) / 1000.0, (figures.last - figures.first) / 1000.0);
		if (kill) {
			int after = figures.requests - atKill;
			System.out.printf("restart: %d more requests after the kill; the first %.1f s after it (the new instance's start included)%n",
					after, (figures.firstAfter(killedAt) - killedAt) / 1000.0);
		}
		else {
			System.out.printf("achieved rate %.0f/s = %.1f%% of the 500/s limit (target >= 90%%)%n", figures.rate(),
					figures.rate() / 5);
		}
		System.out.printf("busiest second %d, busiest one-second window %d (limit 500); longest pause between two requests %d ms%n",
				figures.busiestSecond(), figures.busiestWindow(), figures.longestPause());
		System.out.printf("recipients %d of %d: lost %d; requests %d: doubled %d (of them repeats of one client_msg_id, which WeChat drops: %d)%n",
				figures.recipients.size(), guardians, guardians - figures.recipients.size(), figures.requests,
				figures.requests - figures.recipients.size(), figures.sameClientMsgId);
		System.out.printf("the push's own count: %s queued, %s reached, cursor %s of %s%n", week.get("queued"),
				week.get("reached"), week.get("cursor"), week.get("audience"));
	}

	/** Part 3: more than the quota allows in a day; Friday's share, then Saturday's with the clock moved on. */
	private void county(int guardians) throws Exception {
		String tenant = "bench-county-" + System.currentTimeMillis();
		stubWechat(0);
		bind(tenant, guardians);
		System.out.printf("%n3. a county: %d guardians against the quota of %d/day (reserve 10%%), limit 3000/s, no latency%n",
				guardians, QUOTA);
		long start = System.currentTimeMillis();
		Process friday = instance(tenant, guardians, 3000, "fri");
		waitFor(() -> week(tenant).containsKey("day:" + this.friday) && received(tenant) >= QUOTA * 9 / 10,
				Duration.ofMinutes(15));
		Thread.sleep(8000); // the job asks for Saturday; nothing more goes on Friday
		int fridayReceived = received(tenant);
		Map<String, String> fridayWeek = week(tenant);
		System.out.printf("Friday: %d sent in %.0f s, then it stopped; the plan: %s; the job is due next at %s%n",
				fridayReceived, (System.currentTimeMillis() - start - 8000) / 1000.0, fridayWeek.get("plan"),
				dueAt(tenant));
		friday.destroy();
		friday.waitFor();
		// Saturday 19:00: a new instance on a clock a day on
		long saturdayStart = System.currentTimeMillis();
		Process saturday = instance(tenant, guardians, 3000, "sat", Duration.ofDays(1));
		waitFor(() -> received(tenant) >= guardians && "1".equals(finished(tenant)), Duration.ofMinutes(15));
		Thread.sleep(3000);
		saturday.destroy();
		saturday.waitFor();
		Figures figures = figures(tenant);
		Map<String, String> week = week(tenant);
		String fri = quotaUsed(tenant, this.friday);
		String sat = quotaUsed(tenant, this.friday.plusDays(1));
		System.out.printf("Saturday: the rest in %.0f s; plan as it went: %s%n",
				(System.currentTimeMillis() - saturdayStart - 3000) / 1000.0, week.get("plan"));
		System.out.printf("template quota used: Friday %s, Saturday %s of %d: over quota %d; held for the quota by the outbox: %d%n",
				fri, sat, QUOTA, Math.max(0, Integer.parseInt(fri) - QUOTA) + Math.max(0, Integer.parseInt(sat) - QUOTA),
				heldForQuota(tenant));
		System.out.printf("recipients %d of %d: lost %d, doubled %d%n", figures.recipients.size(), guardians,
				guardians - figures.recipients.size(), figures.requests - figures.recipients.size());
	}

	private Process instance(String tenant, int guardians, int rate, String name) throws IOException {
		return instance(tenant, guardians, rate, name, Duration.ZERO);
	}

	/** One app instance as a child JVM; its log goes to target/bench-push-<name>.log. */
	private Process instance(String tenant, int guardians, int rate, String name, Duration clockLater)
			throws IOException {
		List<String> command = new ArrayList<>(List.of(
				new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx768m", "-cp",
				classpath(), Instance.class.getName(), "--server.port=0",
				"--REDIS_URL=redis://127.0.0.1:" + this.redisPort, "--wechat.api-base=" + this.wechat.baseUrl(),
				"--wechat.tenant=" + tenant + "-demo", "--wechat.accounts[0].app-id=wxbenchpush" + name,
				"--wechat.accounts[0].secret=bench", "--wechat.accounts[0].token=benchtoken",
				"--wechat.accounts[0].tenant=" + tenant, "--qinqing.demo.staff-accounts=false",
				"--qinqing.console.admin.username=admin-" + tenant + "-" + name,
				"--qinqing.notify.rate-per-second=" + rate, "--qinqing.notify.daily-template-quota=" + QUOTA,
				"--qinqing.notify.templates.lesson=TPL_LESSON", "--qinqing.notify.claim-idle=10s",
				"--qinqing.jobs.lease=30s", "--qinqing.parenting.push.enabled=true", "--logging.level.root=WARN", "--logging.level.org.qinqing.parenting=INFO",
				"--spring.main.banner-mode=off", "--bench.tenant=" + tenant, "--bench.guardians=" + guardians,
				"--bench.clock-offset-ms=" + (this.clockOffsetMillis + clockLater.toMillis())));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(new File("target/bench-push-" + name + ".log"))
			.start();
	}

	/**
	 * Binds guardian i (person {@code g<i>}) to openid {@code o-<tenant>-<i>} in pipelines, writing what
	 * {@code Directory.bind} writes: a benchmark's set-up of 150,000 families, not the app's way.
	 */
	private void bind(String tenant, int guardians) {
		try (Jedis jedis = new Jedis("127.0.0.1", this.redisPort)) {
			for (int from = 0; from < guardians; from += 5000) {
				Pipeline pipeline = jedis.pipelined();
				for (int i = from; i < Math.min(guardians, from + 5000); i++) {
					String openid = openid(tenant, i);
					pipeline.sadd("qq:{" + tenant + "}:openid:" + openid, "g" + i);
					pipeline.sadd("qq:{" + tenant + "}:person-openids:g" + i, openid);
				}
				pipeline.sync();
			}
		}
	}

	static String openid(String tenant, int i) {
		return "o-" + tenant + "-" + i;
	}

	private void stubWechat(int latency) {
		this.wechat.resetMappings();
		this.wechat.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token")).willReturn(aResponse()
			.withHeader("Content-Type", "application/json")
			.withBody("{\"access_token\":\"BENCH\",\"expires_in\":7200}")));
		this.wechat.stubFor(post(urlPathEqualTo(TEMPLATE)).willReturn(aResponse().withFixedDelay(latency)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":1}")));
	}

	private int received(String tenant) {
		return this.log.count(tenant);
	}

	/** Template sends as WeChat receives them: when, to whom, with which client_msg_id. */
	static final class Received implements StubRequestFilterV2 {

		record Hit(long at, String to, String clientMsgId) {
		}

		private final java.util.concurrent.ConcurrentLinkedQueue<Hit> hits = new java.util.concurrent.ConcurrentLinkedQueue<>();

		private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicInteger> counts = new java.util.concurrent.ConcurrentHashMap<>();

		@Override
		public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
			if (request.getUrl().startsWith(TEMPLATE)) {
				long at = System.currentTimeMillis();
				String body = request.getBodyAsString();
				Matcher to = TOUSER.matcher(body);
				Matcher id = CLIENT_MSG_ID.matcher(body);
				String openid = to.find() ? to.group(1) : "";
				this.hits.add(new Hit(at, openid, id.find() ? id.group(1) : ""));
				String tenant = openid.substring(2, Math.max(2, openid.lastIndexOf('-')));
				this.counts.computeIfAbsent(tenant, t -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
			}
			return RequestFilterAction.continueWith(request);
		}

		@Override
		public String getName() {
			return "lesson-push-benchmark-log";
		}

		int count(String tenant) {
			var count = this.counts.get(tenant);
			return count == null ? 0 : count.get();
		}

		List<Hit> of(String tenant) {
			String prefix = "o-" + tenant + "-";
			return this.hits.stream().filter(h -> h.to().startsWith(prefix)).toList();
		}

	}

	private Map<String, String> week(String tenant) {
		try (Jedis jedis = new Jedis("127.0.0.1", this.redisPort)) {
			return jedis.hgetAll("qq:{" + tenant + "}:parenting-push:" + this.friday);
		}
	}

	private String finished(String tenant) {
		return week(tenant).containsKey("finishedAt") ? "1" : "0";
	}

	private String dueAt(String tenant) {
		try (Jedis jedis = new Jedis("127.0.0.1", this.redisPort)) {
			Double score = jedis.zscore("qq:{" + tenant + "}:jobs:due", "parenting.push:" + this.friday);
			return score == null ? "-" : SchoolTime.local(java.time.Instant.ofEpochMilli(score.longValue())) + " school time";
		}
	}

	private String quotaUsed(String tenant, LocalDate day) {
		try (Jedis jedis = new Jedis("127.0.0.1", this.redisPort)) {
			String used = jedis.get("qq:{" + tenant + "}:outbox:quota:" + day);
			return used == null ? "0" : used;
		}
	}

	/** Messages whose log says the outbox held them for the day's quota (a scan of the tenant's logs). */
	private long heldForQuota(String tenant) {
		long held = 0;
		try (Jedis jedis = new Jedis("127.0.0.1", this.redisPort)) {
			String cursor = "0";
			do {
				var page = jedis.scan(cursor, new redis.clients.jedis.params.ScanParams()
					.match("qq:{" + tenant + "}:outbox:log:*")
					.count(5000));
				Pipeline pipeline = jedis.pipelined();
				List<redis.clients.jedis.Response<List<String>>> logs = page.getResult()
					.stream()
					.map(key -> pipeline.lrange(key, 0, -1))
					.toList();
				pipeline.sync();
				held += logs.stream().filter(r -> String.join(",", r.get()).contains("daily template quota")).count();
				cursor = page.getCursor();
			}
			while (!cursor.equals("0"));
		}
		return held;
	}

	private Figures figures(String tenant) {
		List<Long> times = new ArrayList<>();
		Set<String> recipients = new HashSet<>();
		Map<String, Integer> perClientId = new HashMap<>();
		for (Received.Hit hit : this.log.of(tenant)) {
			times.add(hit.at());
			recipients.add(hit.to());
			perClientId.merge(hit.clientMsgId(), 1, Integer::sum);
		}
		times.sort(Long::compare);
		int sameClientMsgId = perClientId.values().stream().mapToInt(n -> n - 1).sum();
		return new Figures(times, recipients, sameClientMsgId);
	}

	private record Figures(List<Long> times, Set<String> recipients, int sameClientMsgId, long first, long last,
			int requests) {

		Figures(List<Long> times, Set<String> recipients, int sameClientMsgId) {
			this(times, new HashSet<>(recipients), sameClientMsgId, times.isEmpty() ? 0 : times.get(0),
					times.isEmpty() ? 0 : times.get(times.size() - 1), times.size());
		}

		double rate() {
			return (this.requests - 1) * 1000.0 / Math.max(1, this.last - this.first);
		}

		int busiestSecond() {
			return OutboxBenchmark.busiestSecond(this.times);
		}

		int busiestWindow() {
			return OutboxBenchmark.busiestWindow(this.times);
		}

		long longestPause() {
			long longest = 0;
			for (int i = 1; i < this.times.size(); i++) {
				longest = Math.max(longest, this.times.get(i) - this.times.get(i - 1));
			}
			return longest;
		}

		long firstAfter(long at) {
			return this.times.stream().filter(t -> t > at).findFirst().orElse(at);
		}

	}

	private static void waitFor(BooleanSupplier condition, Duration atMost) throws InterruptedException {
		long deadline = System.currentTimeMillis() + atMost.toMillis();
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				throw new IllegalStateException("gave up waiting after " + atMost);
			}
			Thread.sleep(200);
		}
	}

	/**
	 * The test classpath for the child JVMs: under {@code exec:java} the benchmark runs in Maven's JVM with a class
	 * loader of its own, whose URLs are it; run with {@code java -cp} it is {@code java.class.path}.
	 */
	private static String classpath() {
		List<String> entries = new ArrayList<>();
		for (ClassLoader loader = LessonPushBenchmark.class.getClassLoader(); loader != null; loader = loader.getParent()) {
			if (loader instanceof java.net.URLClassLoader urls) {
				for (java.net.URL url : urls.getURLs()) {
					if ("file".equals(url.getProtocol())) {
						entries.add(new File(java.net.URI.create(url.toString())).getPath());
					}
				}
			}
		}
		return entries.isEmpty() ? System.getProperty("java.class.path") : String.join(File.pathSeparator, entries);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * One app instance of the benchmark (a child JVM): the whole application, with the benchmark's clock (its
	 * Friday 19:00 and on) and the faked lessons side ({@code bench.guardians} guardians {@code g0..}).
	 */
	public static final class Instance {

		private Instance() {
		}

		public static void main(String[] args) {
			Map<String, String> bench = new HashMap<>();
			for (String arg : args) {
				if (arg.startsWith("--bench.")) {
					String[] pair = arg.substring(8).split("=", 2);
					bench.put(pair[0], pair[1]);
				}
			}
			Clock clock = Clock.offset(Clock.system(SchoolTime.ZONE),
					Duration.ofMillis(Long.parseLong(bench.get("clock-offset-ms"))));
			FakeWeeklyLessons lessons = new FakeWeeklyLessons();
			lessons.audience(bench.get("tenant"),
					IntStream.range(0, Integer.parseInt(bench.get("guardians"))).mapToObj(i -> "g" + i).toList());
			new SpringApplicationBuilder(QinqingApplication.class).initializers(context -> {
				GenericApplicationContext generic = (GenericApplicationContext) context;
				generic.registerBean("benchClock", Clock.class, () -> clock, bd -> bd.setPrimary(true));
				generic.registerBean("benchLessons", WeeklyLessons.class, () -> lessons, bd -> bd.setPrimary(true));
			}).run(args);
		}

	}

}
