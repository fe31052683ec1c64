package org.qinqing.calls.chat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.qinqing.QinqingApplication;
import org.qinqing.calls.Bookings;
import org.qinqing.calls.CallFamily;
import org.qinqing.calls.CallSettings;
import org.qinqing.calls.CallSettingsStore;
import org.qinqing.calls.Slot;
import org.qinqing.calls.SlotCalendar;
import org.qinqing.conversation.Option;
import org.qinqing.people.Directory;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.WechatClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Benchmark, not a test: many parents take the same 2-seat slot at the same moment. Prints, per round,
 * how long the whole burst took, the latency of each attempt (p50, p99, max) and what came of it, first
 * calling {@link Bookings#book} directly from threads, then through the real portal (each parent at the
 * confirmation step presses 1). Load generator, app and redis-server share this machine's cores.
 * <p>
 * Run: {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.main=org.qinqing.calls.chat.CallContentionBenchmark}
 * (options: -Dbench.parents=200 -Dbench.rounds=5).
 */
public final class CallContentionBenchmark {

	private CallContentionBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int parents = Integer.getInteger("bench.parents", 200);
		int rounds = Integer.getInteger("bench.rounds", 5);
		String tenant = "bench-calls-" + System.currentTimeMillis();
		ConfigurableApplicationContext app = new SpringApplicationBuilder(QinqingApplication.class).run(
				"--server.port=0", "--qinqing.embedded-redis.dir=", "--wechat.tenant=" + tenant,
				"--logging.level.root=WARN", "--spring.main.banner-mode=off");
		try {
			System.out.printf("qinqing call contention benchmark: %d cores, %d parents per 2-seat slot, %d rounds%n",
					Runtime.getRuntime().availableProcessors(), parents, rounds);
			Bookings bookings = app.getBean(Bookings.class);
			ExecutorService pool = Executors.newFixedThreadPool(parents);
			try {
				for (int round = 0; round <= rounds; round++) {
					String direct = tenant + "-direct-" + round;
					LocalDateTime slot = firstEmpty(app, direct);
					List<Callable<String>> attempts = new ArrayList<>();
					for (int i = 0; i < parents; i++) {
						String family = "f" + i;
						attempts.add(() -> bookings.book(direct, family, "c-" + family, "p-" + family, slot)
							.outcome()
							.name());
					}
					report(round == 0 ? "warm-up direct" : "direct Bookings.book", burst(pool, attempts));
				}
				String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
				WechatClient wechat = new WechatClient(base);
				for (int round = 0; round <= rounds; round++) {
					List<String> openids = toConfirmation(app, tenant, wechat, parents);
					List<Callable<String>> presses = new ArrayList<>();
					for (String openid : openids) {
						presses.add(() -> {
							String reply = wechat.text(openid, "1").reply();
							return reply == null ? "NO_REPLY"
									: reply.contains("约好了") ? "BOOKED"
											: reply.contains("最近的空闲时间") ? "TOLD_AND_OFFERED" : "OTHER";
						});
					}
					report(round == 0 ? "warm-up portal" : "portal confirm", burst(pool, presses));
				}
			}
			finally {
				pool.shutdownNow();
			}
		}
		finally {
			app.close();
		}
		System.exit(0);
	}

	/** Fresh parents of a fresh class walked to the confirmation of one empty slot. */
	private static List<String> toConfirmation(ConfigurableApplicationContext app, String tenant,
			WechatClient wechat, int parents) {
		SchoolRecords records = app.getBean(SchoolRecords.class);
		Directory directory = app.getBean(Directory.class);
		StringRedisTemplate redis = app.getBean(StringRedisTemplate.class);
		String classId = records.ids(tenant, "class").get(0);
		int[] numbers = empty(app, tenant);
		List<String> openids = new ArrayList<>();
		for (int i = 0; i < parents; i++) {
			CallFamily family = CallFamily.create(records, directory, tenant, Role.PARENT, classId);
			redis.delete(org.qinqing.system.RedisKeys.of(tenant, "session", family.openid()));
			wechat.text(family.openid(), "预约视频");
			wechat.text(family.openid(), String.valueOf(numbers[0]));
			String confirm = wechat.text(family.openid(), String.valueOf(numbers[1])).reply();
			if (confirm == null || !confirm.contains("确认预约")) {
				throw new IllegalStateException("a parent did not reach the confirmation: " + confirm);
			}
			openids.add(family.openid());
		}
		return openids;
	}

	private static LocalDateTime firstEmpty(ConfigurableApplicationContext app, String tenant) {
		SlotCalendar calendar = app.getBean(SlotCalendar.class);
		CallSettings settings = app.getBean(CallSettingsStore.class).settings(tenant);
		LocalDateTime now = SlotCalendar.now(app.getBean(Clock.class));
		return SlotCalendar.freeDays(settings, now, java.util.Map.of())
			.stream()
			.flatMap(day -> calendar.slotsOn(tenant, day.date()).stream())
			.filter(slot -> slot.seats() == 2 && slot.free() == 2
					&& SlotCalendar.check(settings, now, slot.start()).isEmpty())
			.findFirst()
			.orElseThrow()
			.start();
	}

	/** The day and time numbers a parent types to reach an empty 2-seat slot. */
	private static int[] empty(ConfigurableApplicationContext app, String tenant) {
		CallChoices choices = app.getBean(CallChoices.class);
		SlotCalendar calendar = app.getBean(SlotCalendar.class);
		List<Option> days = choices.days(tenant, FamilyCalls.NONE);
		for (int d = 0; d < days.size(); d++) {
			LocalDate date = LocalDate.parse(days.get(d).value());
			List<Option> times = choices.times(tenant, date, FamilyCalls.NONE);
			List<Slot> slots = calendar.slotsOn(tenant, date);
			for (int t = 0; t < times.size(); t++) {
				LocalDateTime start = LocalDateTime.parse(times.get(t).value());
				if (slots.stream().anyMatch(s -> s.start().equals(start) && s.seats() == 2 && s.free() == 2)) {
					return new int[] { d + 1, t + 1 };
				}
			}
		}
		throw new IllegalStateException("no empty slot left in the window");
	}

	private record Burst(double millis, long[] latenciesMicros, java.util.Map<String, Long> outcomes) {
	}

	/** Releases every attempt at once; each one's latency counts from the release. */
	private static Burst burst(ExecutorService pool, List<Callable<String>> attempts) throws Exception {
		CountDownLatch ready = new CountDownLatch(attempts.size());
		CountDownLatch go = new CountDownLatch(1);
		long[] latencies = new long[attempts.size()];
		List<Future<String>> futures = new ArrayList<>();
		long[] start = new long[1];
		for (int i = 0; i < attempts.size(); i++) {
			int index = i;
			Callable<String> attempt = attempts.get(i);
			futures.add(pool.submit(() -> {
				ready.countDown();
				go.await();
				String outcome = attempt.call();
				latencies[index] = (System.nanoTime() - start[0]) / 1000;
				return outcome;
			}));
		}
		ready.await();
		start[0] = System.nanoTime();
		go.countDown();
		java.util.Map<String, Long> outcomes = new java.util.TreeMap<>();
		for (Future<String> future : futures) {
			outcomes.merge(future.get(60, TimeUnit.SECONDS), 1L, Long::sum);
		}
		double millis = (System.nanoTime() - start[0]) / 1e6;
		Arrays.sort(latencies);
		return new Burst(millis, latencies, outcomes);
	}

	private static void report(String what, Burst burst) {
		long[] l = burst.latenciesMicros();
		System.out.printf("%-22s %d attempts in %6.1f ms (%6.0f attempts/s), latency p50 %.1f ms, p99 %.1f ms, max %.1f ms, %s%n",
				what, l.length, burst.millis(), l.length / (burst.millis() / 1000), l[l.length / 2] / 1000.0,
				l[(int) Math.ceil(l.length * 0.99) - 1] / 1000.0, l[l.length - 1] / 1000.0, burst.outcomes());
	}

}
