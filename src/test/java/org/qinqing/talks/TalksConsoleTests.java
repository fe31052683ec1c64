package org.qinqing.talks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.people.Child;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.TestDates;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The talks' console pages through real HTTP: a class's head teacher sees the matrix and the card, edits it; another
 * class's teacher gets 404 for the same card and child; a leader exports the month and prints it; the dashboard's tile
 * shows this month's share. Each test makes its own classes and teachers in the demo school.
 */
class TalksConsoleTests extends PortalTestSupport {

	private static final String PASSWORD = "talks-console-pw";

	@Autowired
	SchoolRecords records;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	org.qinqing.people.Directory directory;

	@Autowired
	TalkCards cards;

	@Autowired
	IndividualPlans plans;

	@Autowired
	org.qinqing.jobs.DueJobs jobs;

	@Autowired
	org.qinqing.console.AuditLog audit;

	String mine;

	String other;

	String admin;

	TalkCard card;

	String childId;

	@BeforeEach
	void school() {
		String id = UUID.randomUUID().toString().substring(0, 6);
		this.records.save(TENANT, new SchoolClass("tc-" + id, "", 5, 7, "五年级(7)班", "t-tc-" + id));
		this.records.save(TENANT, new SchoolClass("tc-o-" + id, "", 5, 8, "五年级(8)班", "t-tc-o-" + id));
		this.records.save(TENANT, new Person("t-tc-" + id, Role.TEACHER, "黄丽", "", List.of(), List.of("tc-" + id)));
		this.records.save(TENANT, new Person("t-tc-o-" + id, Role.TEACHER, "吴芳", "", List.of(), List.of("tc-o-" + id)));
		this.childId = "c-tc-" + id;
		this.records.save(TENANT, new Child(this.childId, "王一诺", "tc-" + id, LeftBehindType.BOTH_AWAY, "f-tc-" + id, ""));
		this.records.save(TENANT, new Child("c-tc2-" + id, "李小明", "tc-" + id, LeftBehindType.BOTH_AWAY, "f-tc2-" + id, ""));
		// bound like real teachers: the demo tenant is shared, and other tests look for its unbound people
		this.directory.bind(TENANT, "talks-console-t-tc-" + id, "t-tc-" + id);
		this.directory.bind(TENANT, "talks-console-t-tc-o-" + id, "t-tc-o-" + id);
		this.mine = account("talks-t-" + id, StaffRole.TEACHER, "t-tc-" + id);
		this.other = account("talks-o-" + id, StaffRole.TEACHER, "t-tc-o-" + id);
		this.admin = account("talks-a-" + id, StaffRole.ADMIN, "");
		this.card = this.cards.save(TENANT, new TalkCard("", this.childId, "tc-" + id, "t-tc-" + id, TestDates.TODAY, 4,
				List.of("学习", "家庭"), "说想妈妈了", false, false, "t-tc-" + id, Instant.now(), "", null));
	}

	@Test
	void theHeadTeacherSeesTheMatrixAndEditsTheCard() {
		ConsoleBrowser teacher = signedIn(this.mine);
		ConsoleBrowser.Page matrix = teacher.get("/console/talks");
		assertThat(matrix.status()).isEqualTo(200);
		assertThat(matrix.body()).contains("五年级(7)班", "王一诺", "李小明").doesNotContain("五年级(8)班");
		ConsoleBrowser.Page page = teacher.get("/console/talks/cards/" + this.card.id());
		assertThat(page.body()).contains("说想妈妈了", "王一诺");
		ConsoleBrowser.Page saved = teacher.post("/console/talks/cards/" + this.card.id(),
				Map.of("date", TestDates.TODAY.toString(), "mood", "2", "topics", "心理", "note", "想妈妈，睡不好"));
		assertThat(saved.location()).contains("/console/talks/cards/" + this.card.id());
		TalkCard edited = this.cards.card(TENANT, this.card.id()).orElseThrow();
		assertThat(edited.mood()).isEqualTo(2);
		assertThat(edited.topics()).containsExactly("心理");
		assertThat(edited.note()).isEqualTo("想妈妈，睡不好");
		assertThat(edited.editedBy()).isNotEmpty();
		// a date in another month is refused, the card kept
		ConsoleBrowser.Page refused = teacher.post("/console/talks/cards/" + this.card.id(), Map.of("date",
				TestDates.TODAY.minusMonths(1).toString(), "mood", "3", "topics", "学习", "note", ""));
		assertThat(refused.body()).contains("日期要在这张卡的月份里");
		assertThat(this.cards.card(TENANT, this.card.id()).orElseThrow().mood()).isEqualTo(2);
	}

	@Test
	void anotherClassesTeacherGets404ForTheCardAndTheChild() {
		ConsoleBrowser teacher = signedIn(this.other);
		assertThat(teacher.get("/console/talks/cards/" + this.card.id()).status()).isEqualTo(404);
		assertThat(teacher.get("/console/talks/children/" + this.childId).status()).isEqualTo(404);
		assertThat(teacher.post("/console/talks/cards/" + this.card.id(), Map.of("date", TestDates.TODAY.toString(),
				"mood", "1", "topics", "学习")).status()).isIn(403, 404);
		assertThat(teacher.get("/console/talks/cards").body()).doesNotContain("王一诺");
		assertThat(this.cards.card(TENANT, this.card.id()).orElseThrow().mood()).isEqualTo(4);
	}

	@Test
	void aLeaderExportsAndPrintsTheMonthAndTheTileShowsIt() throws Exception {
		ConsoleBrowser leader = signedIn(this.admin);
		YearMonth month = YearMonth.from(TestDates.TODAY);
		ConsoleBrowser.Download xlsx = leader.download("/console/talks/export.xlsx?month=" + month);
		assertThat(xlsx.status()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
			var sheet = book.getSheetAt(0);
			boolean found = false;
			for (var row : sheet) {
				if (row.getCell(0).getStringCellValue().equals(this.card.id())) {
					found = true;
					assertThat(row.getCell(3).getStringCellValue()).isEqualTo("王一诺");
					assertThat(row.getCell(7).getStringCellValue()).isEqualTo("说想妈妈了");
				}
			}
			assertThat(found).isTrue();
		}
		assertThat(leader.get("/console/talks/print?month=" + month).body()).contains(this.card.id(), "说想妈妈了",
				"教师签名");
		// a figure against 100% in term time; in a holiday month the tile says no talks are owed
		assertThat(leader.get("/console").body()).contains("本月谈心", "留守儿童").doesNotContain("该功能正在开发，上线后这里显示实时数字。本月谈心");
		assertThat(leader.get("/console/talks/settings").status()).isEqualTo(200);
		assertThat(signedIn(this.mine).get("/console/talks/settings").status()).isEqualTo(404);
	}

	@Test
	void aPlanGetsItsGoalAndFollowUpsAndClosesOnlyWithANote() {
		IndividualPlan plan = this.plans.open(TENANT, this.card, Instant.now());
		ConsoleBrowser teacher = signedIn(this.mine);
		assertThat(teacher.get("/console/talks/plans").body()).contains(plan.id(), "王一诺", "待填写");
		LocalDate followUp = TestDates.TODAY.plusDays(7);
		ConsoleBrowser.Page saved = teacher.post("/console/talks/plans/" + plan.id(),
				Map.of("goal", "把作业跟上", "measures", "每周谈一次", "followUps", followUp.toString()));
		assertThat(saved.location()).contains("/console/talks/plans/" + plan.id());
		assertThat(this.jobs.dueAt(TENANT, IndividualPlans.FOLLOW_UP, IndividualPlans.subject(plan.id(), followUp)))
			.isPresent();
		assertThat(teacher.post("/console/talks/plans/" + plan.id() + "/close", Map.of("note", "")).body())
			.contains("结束方案要写几句说明");
		assertThat(this.plans.plan(TENANT, plan.id()).orElseThrow().open()).isTrue();
		teacher.post("/console/talks/plans/" + plan.id() + "/close", Map.of("note", "作业跟上了，孩子开朗多了"));
		IndividualPlan closed = this.plans.plan(TENANT, plan.id()).orElseThrow();
		assertThat(closed.open()).isFalse();
		assertThat(closed.closeNote()).isEqualTo("作业跟上了，孩子开朗多了");
		assertThat(this.jobs.dueAt(TENANT, IndividualPlans.FOLLOW_UP, IndividualPlans.subject(plan.id(), followUp)))
			.isEmpty();
		assertThat(this.audit.latest(TENANT, 50)).anyMatch(e -> e.action().equals("talk-plan-close")
				&& e.target().equals(plan.id()));
		assertThat(signedIn(this.other).get("/console/talks/plans/" + plan.id()).status()).isEqualTo(404);
	}

	private String account(String username, StaffRole role, String personId) {
		if (!this.accounts.exists(username)) {
			this.accounts.save(new StaffUser(username, TENANT, role, personId, username), PASSWORD);
		}
		return username;
	}

	private ConsoleBrowser signedIn(String username) {
		ConsoleBrowser browser = new ConsoleBrowser(this.port);
		assertThat(browser.signIn(username, PASSWORD).location()).endsWith("/console");
		return browser;
	}


}
