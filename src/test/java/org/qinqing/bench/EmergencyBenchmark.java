package org.qinqing.bench;

import static org.qinqing.bench.Measured.measure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.qinqing.QinqingApplication;
import org.qinqing.console.DashboardTile;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.console.TodayFigure;
import org.qinqing.emergency.EmergencyBenchData;
import org.qinqing.people.Child;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Benchmark, not a test: a county's emergencies. 20,000 children in 400 classes and 400 incidents this term, 20 of
 * them open. Prints the Redis round trips and time of the leader's 今日概况 (each figure's line), the dashboard's
 * incidents tile for the leader and for a teacher. None may grow with the number of children or incidents but for
 * the term's tile, which reads the term's incidents in one pipeline.
 * <p>
 * Run: {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.main=org.qinqing.bench.EmergencyBenchmark}
 * (options: -Dbench.children=20000 -Dbench.incidents=400 -Dbench.rounds=5).
 */
public final class EmergencyBenchmark {

	private static final String TENANT = "county-emergency";

	private EmergencyBenchmark() {
	}

	public static void main(String[] args) {
		int children = Integer.getInteger("bench.children", 20_000);
		int incidents = Integer.getInteger("bench.incidents", 400);
		int rounds = Integer.getInteger("bench.rounds", 5);
		ConfigurableApplicationContext app = new SpringApplicationBuilder(QinqingApplication.class).run(
				"--server.port=0", "--qinqing.embedded-redis.dir=", "--wechat.tenant=bench-emergency",
				"--logging.level.root=WARN", "--spring.main.banner-mode=off", "--qinqing.notify.consumer-enabled=false",
				"--qinqing.jobs.poll-interval=1h");
		try {
			StringRedisTemplate redis = app.getBean(StringRedisTemplate.class);
			CountingConnectionFactory counting = new CountingConnectionFactory(redis.getConnectionFactory(),
					Thread.currentThread().getName());
			redis.setConnectionFactory(counting);
			SchoolRecords records = app.getBean(SchoolRecords.class);
			EmergencyBenchData data = new EmergencyBenchData(app);
			int classes = Math.max(1, children / 50);
			long seedStart = System.nanoTime();
			List<Person> teachers = new ArrayList<>();
			for (int c = 0; c < classes; c++) {
				String classId = String.format("k%03d", c);
				records.save(TENANT, new SchoolClass(classId, "", 1 + c % 6, 1 + c / 6,
						(1 + c % 6) + "年级(" + (1 + c / 6) + ")班", "t" + c));
				teachers.add(new Person("t" + c, Role.TEACHER, "老师" + c, "", List.of(), List.of(classId)));
			}
			records.savePeople(TENANT, teachers);
			List<Child> kids = new ArrayList<>();
			for (int i = 0; i < children; i++) {
				kids.add(new Child(String.format("s%05d", i), "学生" + i, String.format("k%03d", i % classes),
						LeftBehindType.BOTH_AWAY, "f" + i, ""));
			}
			records.saveChildren(TENANT, kids);
			Instant now = Instant.now();
			for (int n = 0; n < incidents; n++) {
				Child child = kids.get((n * 37) % children);
				boolean open = n >= incidents - 20;
				Instant at = open ? now.minus(Duration.ofMinutes(5 + n % 100)) : now.minus(Duration.ofHours(3 + n));
				String teacher = "t" + Integer.parseInt(child.classId().substring(1));
				data.incident(TENANT, child.id(), child.classId(), teacher, at, open);
			}
			System.out.printf(
					"emergency benchmark: %d cores, %d children in %d classes, %d incidents (20 open), seeded in %.1f s%n",
					Runtime.getRuntime().availableProcessors(), children, classes, incidents,
					(System.nanoTime() - seedStart) / 1e9);
			List<TodayFigure> figures = app.getBeansOfType(TodayFigure.class).values().stream()
				.sorted(Comparator.comparingInt(TodayFigure::order)).toList();
			for (TodayFigure figure : figures) {
				measure(counting, rounds, "今日概况: " + figure.getClass().getSimpleName(),
						() -> figure.line(TENANT, "").map(line -> line.length() + " characters").orElse("none"));
			}
			measure(counting, rounds, "今日概况: every line", () -> figures.stream()
				.map(f -> f.line(TENANT, "").orElse("")).mapToInt(String::length).sum() + " characters");
			DashboardTile tile = app.getBeansOfType(DashboardTile.class).values().stream()
				.filter(t -> t.getClass().getSimpleName().startsWith("IncidentsTile")).findFirst().orElseThrow();
			StaffUser leader = new StaffUser("county-admin", TENANT, StaffRole.ADMIN, "", "县教育局");
			StaffUser teacher = new StaffUser("county-t0", TENANT, StaffRole.TEACHER, "t0", "老师0");
			measure(counting, rounds, "incidents tile, the leader (the term)", () -> tile.view(leader).value() + " this term");
			measure(counting, rounds, "incidents tile, a teacher (one class)", () -> tile.view(teacher).value() + " this term");
			measure(counting, rounds, "紧急 + a name, the leader (whole county)",
					() -> data.named(TENANT, "学生12345") + " found");
		}
		finally {
			app.close();
		}
		System.exit(0);
	}

}
