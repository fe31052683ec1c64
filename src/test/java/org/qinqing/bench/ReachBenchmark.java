package org.qinqing.bench;

import static org.qinqing.bench.Measured.measure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.qinqing.QinqingApplication;
import org.qinqing.console.DashboardTile;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.parenting.LessonCatalogue;
import org.qinqing.parenting.LessonDeliveries;
import org.qinqing.parenting.Learners;
import org.qinqing.parenting.ParentingFigures;
import org.qinqing.parenting.Reach;
import org.qinqing.people.Child;
import org.qinqing.people.ChildAccess;
import org.qinqing.people.Directory;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Benchmark, not a test: a county's parenting school. 20,000 children in 400 classes (80% left behind), 50,000
 * parents and guardians (90% bound to WeChat), a term of reads by about 85% of the families. Prints the time and the
 * Redis round trips of the reach figures (the leader's page and tile, a teacher's class, the lead's school figure),
 * the weekly push's audience and a batch of 1,000 composed lessons. None may grow with the number of people.
 * <p>
 * Run: {@code env -u REDIS_URL ./mvnw -q -Pbench test-compile exec:java -Dbench.main=org.qinqing.bench.ReachBenchmark}
 * (options: -Dbench.children=20000 -Dbench.rounds=5).
 */
public final class ReachBenchmark {

	private static final String TENANT = "county-reach";

	private ReachBenchmark() {
	}

	public static void main(String[] args) {
		int children = Integer.getInteger("bench.children", 20_000);
		int rounds = Integer.getInteger("bench.rounds", 5);
		ConfigurableApplicationContext app = new SpringApplicationBuilder(QinqingApplication.class).run(
				"--server.port=0", "--qinqing.embedded-redis.dir=", "--wechat.tenant=bench-reach",
				"--logging.level.root=WARN", "--spring.main.banner-mode=off", "--qinqing.notify.consumer-enabled=false");
		try {
			StringRedisTemplate redis = app.getBean(StringRedisTemplate.class);
			CountingConnectionFactory counting = new CountingConnectionFactory(redis.getConnectionFactory(),
					Thread.currentThread().getName());
			redis.setConnectionFactory(counting);
			SchoolRecords records = app.getBean(SchoolRecords.class);
			Directory directory = app.getBean(Directory.class);
			Learners learners = app.getBean(Learners.class);
			LessonCatalogue catalogue = app.getBean(LessonCatalogue.class);
			long seedStart = System.nanoTime();
			int classes = Math.max(1, children / 50);
			List<Person> people = new ArrayList<>();
			for (int c = 0; c < classes; c++) {
				String classId = String.format("k%03d", c);
				records.save(TENANT, new SchoolClass(classId, "", 1 + c % 6, 1 + c / 6,
						(1 + c % 6) + "年级(" + (1 + c / 6) + ")班", "t" + c));
				people.add(new Person("t" + c, Role.TEACHER, "老师" + c, "", List.of(), List.of(classId)));
			}
			List<Child> kids = new ArrayList<>();
			for (int i = 0; i < children; i++) {
				String id = String.format("s%05d", i);
				kids.add(new Child(id, "学生" + i, String.format("k%03d", i % classes),
						(i / classes) % 5 == 0 ? LeftBehindType.NONE : LeftBehindType.BOTH_AWAY, "f" + i, ""));
				people.add(new Person("g" + i, Role.GUARDIAN, "祖母" + i, "祖母", List.of(id), List.of()));
				people.add(new Person("p" + i, Role.PARENT, "父亲" + i, "父亲", List.of(id), List.of()));
				if (i % 2 == 0) {
					people.add(new Person("m" + i, Role.PARENT, "母亲" + i, "母亲", List.of(id), List.of()));
				}
			}
			records.saveChildren(TENANT, kids);
			records.savePeople(TENANT, people);
			List<String> family = people.stream().filter(Person::isFamily).map(Person::id).toList();
			for (int i = 0; i < family.size(); i++) {
				if (i % 10 != 9) {
					directory.bind(TENANT, "o-" + family.get(i), family.get(i));
				}
			}
			String lesson = catalogue.all().get(0).id();
			Instant now = Instant.now();
			List<Learners.Activity> reads = new ArrayList<>();
			for (int i = 0; i < children; i++) {
				if (i % 7 != 3) {
					reads.add(new Learners.Activity("g" + i, lesson, now.minusSeconds(3600), i % 3 == 0 ? 1 : 2,
							i % 3 != 0));
				}
				if (reads.size() >= 2_000) {
					learners.record(TENANT, reads);
					reads.clear();
				}
			}
			learners.record(TENANT, reads);
			System.out.printf("reach benchmark: %d cores, %d children in %d classes, %d parents and guardians, "
					+ "seeded in %.1f s%n", Runtime.getRuntime().availableProcessors(), children, classes, family.size(),
					(System.nanoTime() - seedStart) / 1e9);

			Reach reach = app.getBean(Reach.class);
			ChildAccess access = app.getBean(ChildAccess.class);
			LessonDeliveries deliveries = app.getBean(LessonDeliveries.class);
			ParentingFigures figures = app.getBean(ParentingFigures.class);
			DashboardTile tile = app.getBeansOfType(DashboardTile.class).values().stream()
				.filter(t -> t.getClass().getSimpleName().startsWith("ReachTile")).findFirst().orElseThrow();
			StaffUser leader = new StaffUser("county-admin", TENANT, StaffRole.ADMIN, "", "县教育局");
			StaffUser teacher = new StaffUser("county-t0", TENANT, StaffRole.TEACHER, "t0", "老师0");
			measure(counting, rounds, "reach page, the leader (whole county)",
					() -> reach.of(TENANT, access.visibleChildren(leader)).total().reachedPercent() + "% reached");
			measure(counting, rounds, "dashboard tile, the leader", () -> tile.view(leader).value());
			measure(counting, rounds, "reach page, a teacher (one class)", () -> {
				Reach.Report r = reach.of(TENANT, access.visibleChildren(teacher, List.of("k000")).get("k000"));
				return r.total().reachedPercent() + "%, " + r.neverOpened().size() + " to follow up";
			});
			measure(counting, rounds, "the lead's school figure (ParentingFigures)",
					() -> figures.schoolReach(TENANT, "").thisWeekPercent() + "% this week");
			List<String> audience = new ArrayList<>();
			measure(counting, rounds, "weekly push's audience (50,000 adults)", () -> {
				audience.clear();
				audience.addAll(deliveries.audience(TENANT));
				return audience.size() + " people";
			});
			LocalDate friday = LocalDate.now().plusDays(7);
			measure(counting, rounds, "compose 1,000 people's lessons (a batch)", () -> {
				Map<String, org.qinqing.parenting.push.WeeklyLessons.Planned> planned = deliveries.compose(TENANT, audience.subList(0, 1_000),
						friday);
				return planned.size() + " planned";
			});
		}
		finally {
			app.close();
		}
		System.exit(0);
	}

}
