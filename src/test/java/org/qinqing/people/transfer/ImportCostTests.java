package org.qinqing.people.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.people.Child;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.School;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a class list of 200 families and its class's binding sheet cost in Redis, in a county of 20,000
 * pupils (40,000 parents) and in an empty school with the same 500 classes: the same, and a handful of round
 * trips. Redis counts the commands it ran ({@code total_commands_processed}) and the reads it made from its
 * clients ({@code total_reads_processed}): one per round trip, except that a large pipeline arrives in several
 * 16 KB reads, so the reads are an upper bound of the round trips. Both include the app's own background work
 * while the test runs, which is small next to the margins.
 */
class ImportCostTests extends PortalTestSupport {

	private static final int CLASSES = 500;

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private SchoolRecords records;

	/** Commands and round trips of one step. */
	record Cost(long commands, long roundTrips, long millis) {

		@Override
		public String toString() {
			return String.format("%,d commands, %,d reads (round trips or fewer), %,d ms", this.commands, this.roundTrips,
					this.millis);
		}

	}

	/** The costs of uploading, previewing and importing the list, then of the class's sheet opened twice. */
	record Costs(Cost upload, Cost preview, Cost apply, Cost firstSheet, Cost sheet) {
	}

	private long[] redisCounts() {
		try (RedisConnection connection = this.redis.getConnectionFactory().getConnection()) {
			Properties stats = connection.serverCommands().info("stats");
			return new long[] { Long.parseLong(stats.getProperty("total_commands_processed").trim()),
					Long.parseLong(stats.getProperty("total_reads_processed").trim()), System.nanoTime() };
		}
	}

	private static Cost since(long[] before, long[] after) {
		// the INFO call that reads the counters is one command and one read itself
		return new Cost(after[0] - before[0] - 1, after[1] - before[1] - 1, (after[2] - before[2]) / 1_000_000);
	}

	/** A tenant of 500 classes and {@code pupils} children, each with a father and a mother. */
	private String county(String name, int pupils) {
		String tenant = TENANT + "-" + name;
		this.records.save(tenant, new School("s1", "县" + name + "小学"));
		for (int k = 0; k < CLASSES; k++) {
			this.records.save(tenant, new SchoolClass("k" + k, "s1", 1 + k % 6, 10 + k / 6,
					(1 + k % 6) + "年级(" + (10 + k / 6) + ")班", ""));
		}
		List<Child> children = new ArrayList<>();
		List<Person> parents = new ArrayList<>();
		for (int i = 0; i < pupils; i++) {
			// everyone but the class the list fills
			children.add(new Child("x" + i, "学生" + i, "k" + (1 + i % (CLASSES - 1)), LeftBehindType.NONE, "f" + i, ""));
			parents.add(new Person("xf" + i, Role.PARENT, "父" + i, "父亲", List.of("x" + i), List.of(),
					String.format("186%08d", i)));
			parents.add(new Person("xm" + i, Role.PARENT, "母" + i, "母亲", List.of("x" + i), List.of(),
					String.format("187%08d", i)));
		}
		for (int from = 0; from < children.size(); from += 5000) {
			this.records.saveChildren(tenant, children.subList(from, Math.min(children.size(), from + 5000)));
			this.records.savePeople(tenant, parents.subList(2 * from, Math.min(parents.size(), 2 * from + 10000)));
		}
		this.accounts.save(new StaffUser("cost-" + tenant, tenant, StaffRole.ADMIN, "", "县教育局"), "cost-admin-pw");
		return tenant;
	}

	private Costs importAndOpenTheSheet(String tenant) {
		ConsoleBrowser admin = new ConsoleBrowser(this.port);
		admin.signIn("cost-" + tenant, "cost-admin-pw");
		// the class indexes are built once per tenant (a county's data from before them): not part of the import
		long[] built = redisCounts();
		assertThat(admin.get("/console/binding/class/k1").status()).isEqualTo(200);
		System.out.println(tenant + ": first class page (the indexes built once): " + since(built, redisCounts()));
		admin.get("/console/archives/import");
		byte[] list = ClassLists.csv(ClassLists.families(200, "1年级(10)班", "费", 60).stream()
			.map(f -> new ClassLists.Family(f.child(), f.className(), f.birthDate(), f.father(), f.fatherPhone(), "苏" + f.father(),
					ClassLists.phone(61, Integer.parseInt(f.fatherPhone().substring(4))), "林" + f.father(), "祖母",
					ClassLists.phone(62, Integer.parseInt(f.fatherPhone().substring(4)))))
			.toList());
		long[] a = redisCounts();
		ConsoleBrowser.Page uploaded = admin.upload("/console/archives/import", "file", "名单.csv", list);
		long[] b = redisCounts();
		String preview = admin.get(uploaded.location()).body();
		long[] c = redisCounts();
		String done = admin.post(uploaded.location(), Map.of("mode", "all")).location();
		long[] d = redisCounts();
		String sheet = admin.get("/console/binding/class/k0").body();
		long[] e = redisCounts();
		admin.get("/console/binding/class/k0");
		long[] f = redisCounts();
		assertThat(preview).contains("家人：新家庭 200 个，添加 600 位家人");
		assertThat(done).endsWith("created=200&updated=0&unchanged=0&skipped=0&families=200&adults=600&linked=0&changed=0");
		assertThat(sheet).contains("共 600 张卡片");
		Costs costs = new Costs(since(a, b), since(b, c), since(c, d), since(d, e), since(e, f));
		System.out.println(tenant + ": upload " + costs.upload() + "; preview " + costs.preview() + "; import "
				+ costs.apply() + "; sheet (600 codes issued) " + costs.firstSheet() + "; sheet again " + costs.sheet());
		return costs;
	}

	@Test
	void importingAClassListAndOpeningItsSheetCostTheSameInACountyAsInAnEmptySchool() {
		Costs empty = importAndOpenTheSheet(county("empty", 0));
		Costs county = importAndOpenTheSheet(county("county", 20_000));
		for (int step = 0; step < 5; step++) {
			Cost small = List.of(empty.upload(), empty.preview(), empty.apply(), empty.firstSheet(), empty.sheet()).get(step);
			Cost large = List.of(county.upload(), county.preview(), county.apply(), county.firstSheet(), county.sheet()).get(step);
			// the county's size does not show: what differs is the app's background work meanwhile
			assertThat(large.commands()).as("commands of step " + step).isLessThan(small.commands() + small.commands() / 10 + 100);
			// reads vary more than commands (how a pipeline's bytes arrive), so they get a wider margin
			assertThat(large.roundTrips()).as("round trips of step " + step).isLessThan(2 * small.roundTrips() + 40);
		}
		// a few dozen round trips for 200 rows and 600 adults, where one per record read or written was ~4,000 for
		// the import alone, and the county's sheet read all its 20,000 children one by one
		assertThat(county.preview().roundTrips()).isLessThan(80);
		assertThat(county.apply().roundTrips()).isLessThan(250);
		assertThat(county.sheet().roundTrips()).isLessThan(80);
	}

}
