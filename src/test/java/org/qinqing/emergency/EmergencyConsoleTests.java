package org.qinqing.emergency;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qinqing.console.AuditLog;
import org.qinqing.console.StaffRole;
import org.qinqing.support.ConsoleBrowser;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's incidents through real HTTP: a teacher reports with the form (the numbers to phone reach them in
 * chat), the incident's page shows its timeline and steps, a call and the close (audited) are recorded from it, a
 * leader sees the draft report and records it sent, and the dashboard's tile counts the term's incidents.
 */
class EmergencyConsoleTests extends EmergencyTestSupport {

	@Autowired
	AuditLog audit;

	@Test
	void aTeacherReportsWithTheFormAndFollowsTheTimeline() {
		ConsoleBrowser browser = console(this.teacherId, StaffRole.TEACHER);
		assertThat(browser.get("/console/incidents/new").body()).contains("上报紧急情况", "孩子的名字");
		ConsoleBrowser.Page created = browser.post("/console/incidents", Map.of("name", "晓雨", "kind", "生病", "place",
				"教室", "otherPlace", "", "description", "上课时发烧，体温 38.5 度"));
		assertThat(created.status()).isEqualTo(302);
		String number = created.location().replaceFirst(".*/console/incidents/(E\\d+).*", "$1");
		awaitPush(this.grandmother, "晓雨在学校生病了", "上课时发烧");
		// from the console, the numbers to phone come to the teacher in chat
		awaitPush(this.teacher, "微信联系不上", "母亲 陈丽：" + MOTHER_PHONE);
		String page = browser.get("/console/incidents/" + number).body();
		assertThat(page).contains("紧急情况 " + number, "周明 上报：生病，孩子现在在教室", "微信通知 祖母（王秀英）",
				"母亲（陈丽） 微信联系不上（没有绑定微信）", "通知监护人（30 分钟）")
			.doesNotContain(MOTHER_PHONE, GRANDMOTHER_PHONE, FATHER_PHONE);
		assertThat(page).doesNotContain("上报教育局和乡镇的报告（草稿）");
		browser.post("/console/incidents/" + number + "/call", Map.of("relation", "奶奶", "at", ""));
		assertThat(browser.get("/console/incidents/" + number).body()).contains("周明 给 祖母（王秀英） 打了电话");
		assertThat(incident(number).outcome(ChainStep.GUARDIANS, java.time.Duration.ofMinutes(30)))
			.isEqualTo(Incident.Outcome.MET);
		browser.post("/console/incidents/" + number + "/close", Map.of("note", "已退烧，奶奶接回家休息"));
		assertThat(browser.get("/console/incidents/" + number).body()).contains("已结束：已退烧，奶奶接回家休息");
		assertThat(this.audit.latest(EMERGENCY, 20)).anyMatch(e -> e.action().equals(IncidentsController.CLOSE_ACTION)
				&& e.target().equals(number));
		assertThat(browser.get("/console/incidents").body()).contains(number, "已结束");
	}

	@Test
	void aNameThatFindsSeveralChildrenIsPickedFrom() {
		this.records.save(EMERGENCY, new org.qinqing.people.Child("em-c2-" + this.id, "王晓雨", this.classId,
				org.qinqing.people.LeftBehindType.NONE, "em-f2-" + this.id, ""));
		ConsoleBrowser browser = console(this.teacherId, StaffRole.TEACHER);
		browser.get("/console/incidents/new");
		ConsoleBrowser.Page page = browser.post("/console/incidents", Map.of("name", "晓雨", "kind", "受伤", "place",
				"教室", "otherPlace", "", "description", "摔倒了"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("找到几个孩子，请选一个", "name=\"childId\"");
		assertThat(incidents.open(EMERGENCY)).isEmpty();
	}

	@Test
	void aLeaderSeesTheDraftRecordsItSentAndTheTileCountsTheTerm() {
		String number = number(report());
		ConsoleBrowser browser = console(this.leaderId, StaffRole.ADMIN);
		String page = browser.get("/console/incidents/" + number).body();
		assertThat(page).contains("上报教育局和乡镇的报告（草稿）", "学生林晓雨受伤情况报告", "经过：课间在操场摔倒，右膝擦伤",
				"上报人：周明", "已采取的措施");
		browser.post("/console/incidents/" + number + "/report-sent", Map.of("at", ""));
		assertThat(incident(number).done(ChainStep.AUTHORITY)).isPresent();
		assertThat(browser.get("/console/incidents/" + number).body()).contains("记录：已上报教育局和乡镇");
		String dashboard = browser.get("/console").body();
		assertThat(dashboard).contains("紧急情况（监护人 30 分钟、家长 1 小时、上报 2 小时）", "件进行中")
			.containsPattern("上报教育局（2 小时）按时 [1-9]\\d* 件").doesNotContain("本学期没有紧急情况");
	}

	@Test
	void anotherClasssTeacherSeesNothingOfIt() {
		String number = number(report());
		ConsoleBrowser other = console(this.otherTeacherId, StaffRole.TEACHER);
		assertThat(other.get("/console/incidents/" + number).status()).isEqualTo(404);
		assertThat(other.get("/console/incidents").body()).doesNotContain(">" + number + "<");
		assertThat(other.post("/console/incidents/" + number + "/close", Map.of("note", "不是我班的")).status())
			.isEqualTo(404);
		assertThat(incident(number).open()).isTrue();
		assertThat(other.get("/console").body()).contains("本学期没有紧急情况");
		assertThat(say(this.otherTeacher, "已电话通知 " + number + " 奶奶")).contains("现在没有您负责的、还没结束的紧急情况");
		assertThat(incident(number).events()).noneMatch(e -> e.type() == IncidentEvent.Type.CALLED);
	}

}
