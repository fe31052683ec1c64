package org.qinqing.bench;

import static org.qinqing.bench.Measured.measure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.qinqing.QinqingApplication;
import org.qinqing.console.DashboardTile;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.people.Child;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.SchoolTime;
import org.qinqing.talks.TalkCard;
import org.qinqing.talks.TalkCards;
import org.qinqing.talks.TalksCompliance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Benchmark, not a test: a county's monthly talks. 1,000 teachers (500 head teachers of classes with 6 left-behind
 * children among 12, 500 paired teachers with 3 children each) and 3,000 left-behind children, about 60% of them
 * talked to this month. Prints the time and Redis round trips of one month's compliance with every teacher's owed
 * list ({@link TalksCompliance#owedThisMonth}, what the talk-time reminder computes too) and of the dashboard tile
 * (per class). Neither may grow with the number of children: run it with -Dbench.left=6000 to see.
 * <p>
 * Run: {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.main=org.qinqing.bench.TalksBenchmark}
 * (options: -Dbench.left=3000 -Dbench.rounds=5).
 */
public final class TalksBenchmark {

	private static final String TENANT = "county-talks";

	private TalksBenchmark() {
	}

	public static void main(String[] args) {
		int left = Integer.getInteger("bench.left", 3_000);
		int rounds = Integer.getInteger("bench.rounds", 5);
		ConfigurableApplicationContext app = new SpringApplicationBuilder(QinqingApplication.class).run(
				"--server.port=0", "--qinqing.embedded-redis.dir=", "--wechat.tenant=bench-talks",
				"--logging.level.root=WARN", "--spring.main.banner-mode=off", "--qinqing.notify.consumer-enabled=false");
		try {
			StringRedisTemplate redis = app.getBean(StringRedisTemplate.class);
			CountingConnectionFactory counting = new CountingConnectionFactory(redis.getConnectionFactory(),
					Thread.currentThread().getName());
			redis.setConnectionFactory(counting);
			SchoolRecords records = app.getBean(SchoolRecords.class);
			TalkCards cards = app.getBean(TalkCards.class);
			TalksCompliance compliance = app.getBean(TalksCompliance.class);
			int classes = Math.max(1, left / 6);
			int paired = classes;
			long seedStart = System.nanoTime();
			List<Person> teachers = new ArrayList<>();
			for (int c = 0; c < classes; c++) {
				String classId = String.format("k%04d", c);
				records.save(TENANT, new SchoolClass(classId, "", 1 + c % 6, 1 + c / 6,
						(1 + c % 6) + "年级(" + (1 + c / 6) + ")班", "h" + c));
				teachers.add(new Person("h" + c, Role.TEACHER, "班主任" + c, "", List.of(), List.of(classId)));
			}
			List<Child> kids = new ArrayList<>();
			List<List<String>> pairs = new ArrayList<>();
			for (int p = 0; p < paired; p++) {
				pairs.add(new ArrayList<>());
			}
			for (int i = 0; i < left * 2; i++) {
				boolean behind = i % 2 == 0;
				String pairedTeacher = behind && i % 4 == 0 ? "p" + (i / 4 % paired) : "";
				Child child = new Child(String.format("s%05d", i), "学生" + i, String.format("k%04d", i / 12 % classes),
						behind ? LeftBehindType.BOTH_AWAY : LeftBehindType.NONE, "f" + i, pairedTeacher);
				kids.add(child);
				if (!pairedTeacher.isEmpty()) {
					pairs.get(i / 4 % paired).add(child.id());
				}
			}
			for (int p = 0; p < paired; p++) {
				teachers.add(new Person("p" + p, Role.TEACHER, "帮扶" + p, "", pairs.get(p), List.of()));
			}
			records.saveChildren(TENANT, kids);
			records.savePeople(TENANT, teachers);
			LocalDate today = SchoolTime.today(java.time.Clock.systemUTC());
			int talked = 0;
			for (Child child : kids) {
				if (child.leftBehind().isLeftBehind() && Math.floorMod(child.id().hashCode(), 5) < 3) {
					String teacher = "h" + (Integer.parseInt(child.id().substring(1)) / 12 % classes);
					cards.save(TENANT, new TalkCard("", child.id(), child.classId(), teacher, today, 4, List.of("学习"),
							"", false, false, teacher, Instant.now(), "", null));
					talked++;
				}
			}
			System.out.printf("talks benchmark: %d cores, %d teachers, %d children (%d left-behind) in %d classes, "
					+ "%d talked to this month, seeded in %.1f s%n", Runtime.getRuntime().availableProcessors(),
					teachers.size(), kids.size(), left, classes, talked, (System.nanoTime() - seedStart) / 1e9);
			DashboardTile tile = app.getBeansOfType(DashboardTile.class).values().stream()
				.filter(t -> t.getClass().getSimpleName().startsWith("TalksTile")).findFirst().orElseThrow();
			StaffUser leader = new StaffUser("county-admin", TENANT, StaffRole.ADMIN, "", "县教育局");
			measure(counting, rounds, "month's compliance and owed lists", () -> {
				TalksCompliance.OwedSummary s = compliance.owedThisMonth(TENANT);
				return s.children() + " still owed of " + s.owed() + ", " + s.teachersBehind() + " teachers behind";
			});
			measure(counting, rounds, "dashboard tile (per class)", () -> tile.view(leader).value());
		}
		finally {
			app.close();
		}
		System.exit(0);
	}

}
