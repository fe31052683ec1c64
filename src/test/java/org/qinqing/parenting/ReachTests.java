package org.qinqing.parenting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.qinqing.console.AuditLog;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.people.Child;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.ConsoleBrowser.Page;
import org.qinqing.system.SchoolTime;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reach figures on a known data set in a tenant of its own (who read this term, this week, answered right, never
 * opened; per class and in all), the figures for the lead, and the console page: a teacher sees their class, the
 * families to follow up without phone numbers, and 提醒未读 reaches each unread parent once however often it is tapped.
 */
class ReachTests extends ParentingTestSupport {

	@Autowired
	Reach reach;

	@Autowired
	ParentingFigures figures;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	AuditLog audit;

	/** A child and its adults in {@code tenant}; the adults bound unless said. */
	private Child child(String tenant, String classId, LeftBehindType type, Person... adults) {
		String id = UUID.randomUUID().toString().substring(0, 8);
		Child child = new Child("rk-" + id, "孩子" + id.substring(0, 2), classId, type, "rf-" + id, "");
		this.records.save(tenant, child);
		for (Person adult : adults) {
			this.records.save(tenant, adult.withChildren(List.of(child.id())));
		}
		return child;
	}

	private Person adult(String tenant, Role role, boolean bound) {
		String id = "ra-" + UUID.randomUUID().toString().substring(0, 8);
		if (bound) {
			this.directory.bind(tenant, "reach-" + id, id);
		}
		return new Person(id, role, "林" + id.substring(3, 5), role == Role.PARENT ? "父亲" : "祖母", List.of(), List.of());
	}

	@Test
	void figuresOnAKnownDataSet() {
		String tenant = "reach-" + UUID.randomUUID().toString().substring(0, 8);
		// six weeks into the term, on a Tuesday morning
		Term term = Term.of(SchoolTime.today(this.clock));
		this.clock.set(term.start().plusWeeks(6).with(java.time.temporal.TemporalAdjusters.nextOrSame(
				java.time.DayOfWeek.TUESDAY)).atTime(10, 0));
		Instant now = this.clock.instant();
		this.records.save(tenant, new org.qinqing.people.School("s1", "青山小学"));
		this.records.save(tenant, new SchoolClass("a", "s1", 3, 1, "三年级(1)班", ""));
		this.records.save(tenant, new SchoolClass("b", "s1", 5, 2, "五年级(2)班", ""));
		Person g1 = adult(tenant, Role.GUARDIAN, true);
		Person p2 = adult(tenant, Role.PARENT, true);
		Person g2 = adult(tenant, Role.GUARDIAN, true);
		Person g3 = adult(tenant, Role.GUARDIAN, true);
		Person g4 = adult(tenant, Role.GUARDIAN, false);
		Person p4 = adult(tenant, Role.PARENT, true);
		Person g5 = adult(tenant, Role.GUARDIAN, true);
		Person g6 = adult(tenant, Role.GUARDIAN, true);
		Person stay = adult(tenant, Role.PARENT, true);
		List<Child> children = new ArrayList<>();
		children.add(child(tenant, "a", LeftBehindType.BOTH_AWAY, g1));
		children.add(child(tenant, "a", LeftBehindType.FATHER_AWAY, p2, g2));
		children.add(child(tenant, "a", LeftBehindType.MOTHER_AWAY, g3));
		Child c4 = child(tenant, "a", LeftBehindType.BOTH_AWAY, g4, p4);
		children.add(c4);
		children.add(child(tenant, "a", LeftBehindType.NONE, stay));
		children.add(child(tenant, "b", LeftBehindType.BOTH_AWAY, g5));
		Child c6 = child(tenant, "b", LeftBehindType.OTHER, g6);
		children.add(c6);
		// c1: read yesterday and right; c2: the parent read last week, wrong; c3: read only last term;
		// c4 and c6: never; c5: read today; the child who is not left behind does not count
		this.learners.answered(tenant, g1.id(), "fixture-phone", 2, true, now.minus(Duration.ofDays(1)));
		this.learners.answered(tenant, p2.id(), "fixture-call", 1, false, now.minus(Duration.ofDays(9)));
		this.learners.read(tenant, g3.id(), "fixture-phone", SchoolTime.instant(term.start().minusDays(20).atTime(20, 0)));
		this.learners.read(tenant, g5.id(), "fixture-phone", now.minus(Duration.ofHours(2)));
		this.learners.read(tenant, stay.id(), "fixture-call", now);

		Reach.Report report = this.reach.of(tenant, children);
		assertThat(report.total()).isEqualTo(new Reach.Figures(6, 3, 2, 1, 2));
		assertThat(report.total().reachedPercent()).isEqualTo(50.0);
		assertThat(report.total().thisWeekPercent()).isEqualTo(33.3);
		assertThat(report.total().answeredRightPercent()).isEqualTo(16.7);
		assertThat(report.classes()).extracting(Reach.Row::label).containsExactly("三年级(1)班", "五年级(2)班");
		assertThat(report.classes().get(0).figures()).isEqualTo(new Reach.Figures(4, 2, 1, 1, 1));
		assertThat(report.classes().get(1).figures()).isEqualTo(new Reach.Figures(2, 1, 1, 0, 1));
		assertThat(report.schools()).singleElement().satisfies(row -> {
			assertThat(row.label()).isEqualTo("青山小学");
			assertThat(row.figures()).isEqualTo(report.total());
		});
		assertThat(report.neverOpened()).extracting(f -> f.child().id()).containsExactlyInAnyOrder(c4.id(), c6.id());
		Reach.FollowUp four = report.neverOpened().stream().filter(f -> f.child().id().equals(c4.id())).findFirst()
			.orElseThrow();
		assertThat(four.className()).isEqualTo("三年级(1)班");
		assertThat(four.adults()).extracting(Reach.Adult::personId, Reach.Adult::bound)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(g4.id(), false),
					org.assertj.core.groups.Tuple.tuple(p4.id(), true));
		assertThat(report.notReached()).containsExactlyInAnyOrder(g3.id(), g4.id(), p4.id(), g6.id());

		// the lead's figures: the school's reach, and a child's adults' reads this month
		assertThat(this.figures.schoolReach(tenant, "s1").reachedPercent()).isEqualTo(50.0);
		assertThat(this.figures.schoolReach(tenant, "").leftBehind()).isEqualTo(6);
		assertThat(this.figures.lessonsReadThisMonth(tenant, c4.id())).isZero();
		assertThat(this.figures.lessonsReadThisMonth(tenant, children.get(0).id())).isEqualTo(
				SchoolTime.local(now.minus(Duration.ofDays(1))).getMonth() == SchoolTime.local(now).getMonth() ? 1 : 0);
	}

	@Test
	void aTeacherSeesTheirClassAndRemindsTheUnreadOnce() {
		String id = UUID.randomUUID().toString().substring(0, 8);
		SchoolClass mine = new SchoolClass("rc-" + id, "", 4, 9, "四年级(9)班", "rt-" + id);
		SchoolClass other = new SchoolClass("ro-" + id, "", 4, 8, "四年级(8)班", "");
		this.records.save(SCHOOL, mine);
		this.records.save(SCHOOL, other);
		this.records.save(SCHOOL, new Person("rt-" + id, Role.TEACHER, "周明", "", List.of(), List.of(mine.id())));
		this.accounts.save(new StaffUser("reach-" + id, SCHOOL, StaffRole.TEACHER, "rt-" + id, "周明"), "reach-pw-1");
		Family read = familyIn(mine, Role.GUARDIAN, LeftBehindType.BOTH_AWAY);
		Family unread = familyIn(mine, Role.GUARDIAN, LeftBehindType.BOTH_AWAY);
		Family elsewhere = familyIn(other, Role.GUARDIAN, LeftBehindType.BOTH_AWAY);
		this.learners.read(SCHOOL, read.adult().id(), "fixture-phone", this.clock.instant());
		// the unread grandmother wrote lately: the reminder goes as a customer-service message
		say(unread.openid(), "菜单");

		ConsoleBrowser teacher = new ConsoleBrowser(this.port);
		assertThat(teacher.signIn("reach-" + id, "reach-pw-1").location()).endsWith("/console");
		Page page = teacher.get("/console/parenting");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("四年级(9)班", "50.0%", unread.child().name(), unread.adult().name(), "已绑定微信",
				"提醒未读").doesNotContain("四年级(8)班", elsewhere.child().name(), read.child().name() + "</td>");
		Page dashboard = teacher.get("/console");
		assertThat(dashboard.body()).contains("家长学校普及率", "50.0%");

		for (int tap = 0; tap < 2; tap++) {
			Page reminded = teacher.post("/console/parenting/remind", Map.of("class", ""));
			assertThat(reminded.status()).isEqualTo(302);
			assertThat(teacher.get("/console/parenting").body()).contains("已提醒 1 位");
		}
		awaitPush(unread.openid(), "家长课堂");
		Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
		assertThat(pushes(unread.openid(), "家长课堂")).hasSize(1);
		assertThat(pushes(read.openid(), "家长课堂")).isEmpty();
		assertThat(pushes(elsewhere.openid(), "家长课堂")).isEmpty();
		assertThat(this.audit.latest(SCHOOL, 20)).filteredOn(e -> e.action().equals("parenting-remind")
				&& e.username().equals("reach-" + id)).hasSize(2);
		// another class's page is not the teacher's: nothing of it is shown
		assertThat(teacher.get("/console/parenting?class=" + other.id()).body()).doesNotContain(elsewhere.child().name())
			.contains("还没有留守儿童的档案");
	}

}
