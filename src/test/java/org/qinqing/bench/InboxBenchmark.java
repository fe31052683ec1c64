package org.qinqing.bench;

import static org.qinqing.bench.Measured.measure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.qinqing.QinqingApplication;
import org.qinqing.console.DashboardTile;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.inbox.Inbox;
import org.qinqing.inbox.InboxThread;
import org.qinqing.inbox.Questions;
import org.qinqing.people.Child;
import org.qinqing.people.Identity;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Benchmark, not a test: a county's inbox. 20,000 children in 400 classes, each with a head teacher, and 5,000
 * questions filed this month (a few per class waiting). Prints the Redis round trips and time of what people open
 * most: a teacher's 待回答, a leader's, the dashboard's inbox tile over the month, a page of 50 recent threads. None may
 * grow with the number of threads or children.
 * <p>
 * Run: {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.main=org.qinqing.bench.InboxBenchmark}
 * (options: -Dbench.children=20000 -Dbench.questions=5000 -Dbench.rounds=5).
 */
public final class InboxBenchmark {

	private static final String TENANT = "county-inbox";

	private InboxBenchmark() {
	}

	public static void main(String[] args) {
		int children = Integer.getInteger("bench.children", 20_000);
		int questions = Integer.getInteger("bench.questions", 5_000);
		int rounds = Integer.getInteger("bench.rounds", 5);
		ConfigurableApplicationContext app = new SpringApplicationBuilder(QinqingApplication.class).run(
				"--server.port=0", "--qinqing.embedded-redis.dir=", "--wechat.tenant=bench-inbox",
				"--logging.level.root=WARN", "--spring.main.banner-mode=off", "--qinqing.notify.consumer-enabled=false");
		try {
			StringRedisTemplate redis = app.getBean(StringRedisTemplate.class);
			CountingConnectionFactory counting = new CountingConnectionFactory(redis.getConnectionFactory(), Thread.currentThread().getName());
			redis.setConnectionFactory(counting);
			SchoolRecords records = app.getBean(SchoolRecords.class);
			Inbox inbox = app.getBean(Inbox.class);
			Questions chat = app.getBean(Questions.class);
			int classes = Math.max(1, children / 50);
			long seedStart = System.nanoTime();
			List<SchoolClass> classList = new ArrayList<>();
			List<Person> teachers = new ArrayList<>();
			for (int c = 0; c < classes; c++) {
				String classId = String.format("k%03d", c);
				classList.add(new SchoolClass(classId, "", 1 + c % 6, 1 + c / 6, (1 + c % 6) + "年级(" + (1 + c / 6) + ")班",
						"t" + c));
				teachers.add(new Person("t" + c, Role.TEACHER, "老师" + c, "", List.of(), List.of(classId)));
			}
			classList.forEach(c -> records.save(TENANT, c));
			records.savePeople(TENANT, teachers);
			List<Child> kids = new ArrayList<>();
			for (int i = 0; i < children; i++) {
				kids.add(new Child(String.format("s%05d", i), "学生" + i, String.format("k%03d", i % classes),
						LeftBehindType.BOTH_AWAY, "f" + i, ""));
			}
			records.saveChildren(TENANT, kids);
			for (int q = 0; q < questions; q++) {
				Child child = kids.get((q * 7) % children);
				String number = inbox.file(TENANT, new Inbox.Filing(InboxThread.Kind.QUESTION, child.id(), child.classId(),
						"p" + q, "guardian", "", "t" + (q * 7 % children % classes), "", false, "第" + q + "个问题：孩子最近怎么样？"));
				if (q % 4 != 0) {
					inbox.answer(TENANT, inbox.thread(TENANT, number).orElseThrow(), "t0", "teacher", "挺好的。");
				}
			}
			System.out.printf("inbox benchmark: %d cores, %d children in %d classes, %d questions (%d waiting), seeded in %.1f s%n",
					Runtime.getRuntime().availableProcessors(), children, classes, questions, inbox.waitingCount(TENANT),
					(System.nanoTime() - seedStart) / 1e9);
			DashboardTile tile = app.getBeansOfType(DashboardTile.class).values().stream()
				.filter(t -> t.getClass().getSimpleName().startsWith("InboxTile")).findFirst().orElseThrow();
			StaffUser leader = new StaffUser("county-admin", TENANT, StaffRole.ADMIN, "", "县教育局");
			measure(counting, rounds, "待回答, a teacher (one class)",
					() -> chat.waiting(TENANT, new Identity(Role.TEACHER, "t0", "老师0"), 9).size() + " listed");
			measure(counting, rounds, "待回答, the leader (whole county)",
					() -> chat.waiting(TENANT, new Identity(Role.ADMIN, "", "县教育局"), 9).size() + " listed");
			measure(counting, rounds, "dashboard tile, the month's questions", () -> tile.view(leader).value() + " this month");
			measure(counting, rounds, "50 recent threads (a console page)",
					() -> inbox.filedBetween(TENANT, Instant.EPOCH, Instant.now().plusSeconds(60), 50).size() + " read");
		}
		finally {
			app.close();
		}
		System.exit(0);
	}

}
