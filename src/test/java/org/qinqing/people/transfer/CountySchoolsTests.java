package org.qinqing.people.transfer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.people.Child;
import org.qinqing.people.School;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A county's account: two schools, each with a 三年级(1)班. The class list says which school a row is for
 * (学校), a class name two schools share is a problem without it, and every page says which school it shows.
 * A tenant of its own, so the demo school stays one school.
 */
class CountySchoolsTests extends PortalTestSupport {

	private static final String PASSWORD = "county-admin-pw";

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private SchoolRecords records;

	private String tenant;

	private ConsoleBrowser admin;

	private final SchoolClass qingshan = new SchoolClass("qs-3-1", "qs", 3, 1, "三年级(1)班", "");

	private final SchoolClass baiyun = new SchoolClass("by-3-1", "by", 3, 1, "三年级(1)班", "");

	private final SchoolClass baiyunFour = new SchoolClass("by-4-2", "by", 4, 2, "四年级(2)班", "");

	@BeforeEach
	void county() {
		this.tenant = TENANT + "-county-" + UUID.randomUUID().toString().substring(0, 6);
		this.records.save(this.tenant, new School("qs", "青山镇中心小学"));
		this.records.save(this.tenant, new School("by", "白云村小学"));
		List.of(this.qingshan, this.baiyun, this.baiyunFour).forEach(c -> this.records.save(this.tenant, c));
		String username = "county-" + this.tenant;
		this.accounts.save(new StaffUser(username, this.tenant, StaffRole.ADMIN, "", "县教育局"), PASSWORD);
		this.admin = new ConsoleBrowser(this.port);
		this.admin.signIn(username, PASSWORD);
	}

	private String upload(String csv) {
		this.admin.get("/console/archives/import");
		ConsoleBrowser.Page uploaded = this.admin.upload("/console/archives/import", "file", "全县名单.csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(uploaded.status()).isEqualTo(302);
		return uploaded.location();
	}

	private static List<SheetRow> table(byte[] bytes) {
		try {
			return SheetFiles.read(bytes);
		}
		catch (SheetFiles.UnreadableFileException ex) {
			throw new AssertionError(ex);
		}
	}

	private Map<String, Child> children() {
		Map<String, Child> children = new java.util.HashMap<>();
		this.records.childrenOf(this.tenant, List.of(this.qingshan.id(), this.baiyun.id(), this.baiyunFour.id()))
			.values()
			.forEach(list -> list.forEach(c -> children.put(c.name(), c)));
		return children;
	}

	@Test
	void theSchoolColumnTellsTwoClassesOfTheSameNameApart() {
		String preview = upload("""
				学生姓名,学校名称,班级,出生日期,留守类型,父亲姓名,父亲电话
				陈一,青山镇中心小学,三年级(1)班,2016-01-01,父母都外出,陈父,13560000001
				李二,白云村小学,三年级（1）班,2016-02-02,父亲外出,李父,13560000002
				王三, 白云村小学 ,四年级2班,2015-03-03,否,王父,13560000003
				""");
		String page = this.admin.get(preview).body();
		assertThat(page).contains("全部没有问题", "<th>学校</th>", "青山镇中心小学", "白云村小学");
		assertThat(this.admin.post(preview, Map.of("mode", "all")).location())
			.endsWith("?created=3&updated=0&unchanged=0&skipped=0&families=3&adults=3&linked=0&changed=0");
		Map<String, Child> children = children();
		assertThat(children.get("陈一").classId()).isEqualTo(this.qingshan.id());
		assertThat(children.get("李二").classId()).isEqualTo(this.baiyun.id());
		assertThat(children.get("王三").classId()).isEqualTo(this.baiyunFour.id());

		// the archive names each class with its school; so do the card, the sheets and the header
		String list = this.admin.get("/console/archives").body();
		assertThat(list).contains("青山镇中心小学 三年级(1)班", "白云村小学 三年级(1)班", "白云村小学 四年级(2)班", "2 所学校");
		assertThat(this.admin.get("/console/archives/" + children.get("李二").id()).body())
			.contains("李二（白云村小学 三年级(1)班）的联系卡");
		String sheets = this.admin.get("/console/binding").body();
		assertThat(sheets).contains("<h2>青山镇中心小学</h2>", "<h2>白云村小学</h2>");
		assertThat(sheets.indexOf("by-4-2")).isGreaterThan(sheets.indexOf("<h2>白云村小学</h2>"));
		String sheet = this.admin.get("/console/binding/class/" + this.baiyun.id()).body();
		assertThat(sheet).contains("学校：白云村小学", "李父", "孩子：二（白云村小学 三年级(1)班）").doesNotContain("陈父");
		List<SheetRow> table = table(
				this.admin.download("/console/binding/class/" + this.baiyun.id() + "/sheet.csv").body());
		assertThat(table.get(1).cells().subList(0, 3)).containsExactly("白云村小学", "三年级(1)班", "李父");
	}

	@Test
	void aClassNameTwoSchoolsShareIsAProblemWithoutTheSchoolAndAnUnknownSchoolIsOne() {
		String preview = upload("""
				学生姓名,班级,出生日期,留守类型
				赵四,三年级(1)班,2016-01-01,否
				钱五,四年级(2)班,2015-01-01,否
				""");
		String page = this.admin.get(preview).body();
		assertThat(page).contains("「三年级(1)班」在 2 所学校都有（白云村小学、青山镇中心小学），请加一列「学校」写明是哪所学校")
			.doesNotContain("全部没有问题");
		// the class only one school has needs no school
		assertThat(page).contains("<td>钱五</td>");
		assertThat(this.admin.post(preview, Map.of("mode", "all")).location()).endsWith("?notClean");
		assertThat(children()).isEmpty();

		String unknown = this.admin.get(upload("""
				学生姓名,所在学校,班级,出生日期,留守类型
				孙六,黑山小学,三年级(1)班,2016-01-01,否
				周七,青山镇中心小学,四年级(2)班,2016-01-01,否
				吴八,青山镇中心小学,三年级(1)班,2016-01-01,否
				""")).body();
		assertThat(unknown).contains("没有「黑山小学」这所学校，请写学校的全称", "「青山镇中心小学」没有「四年级(2)班」这个班级");
		assertThat(this.admin.post(upload("""
				学生姓名,所在学校,班级,出生日期,留守类型
				孙六,黑山小学,三年级(1)班,2016-01-01,否
				周七,青山镇中心小学,四年级(2)班,2016-01-01,否
				吴八,青山镇中心小学,三年级(1)班,2016-01-01,否
				"""), Map.of("mode", "good")).location()).contains("created=1&", "skipped=2");
		assertThat(children()).containsOnlyKeys("吴八");
		assertThat(children().get("吴八").classId()).isEqualTo(this.qingshan.id());
	}

	@Test
	void theExportNamesTheSchoolSoItImportsBackUnchanged() {
		this.admin.post(upload("""
				学生姓名,学校,班级,出生日期,留守类型,母亲姓名,母亲电话
				郑九,青山镇中心小学,三年级(1)班,2016-01-01,母亲外出,郑母,13560000009
				冯十,白云村小学,三年级(1)班,2016-01-01,母亲外出,冯母,13560000010
				"""), Map.of("mode", "all"));
		byte[] exported = this.admin.download("/console/archives/export.csv").body();
		List<SheetRow> rows = table(exported);
		assertThat(rows.get(0).cells()).startsWith("学生姓名", "学校", "班级");
		assertThat(rows.subList(1, rows.size())).extracting(r -> r.cell(0) + "/" + r.cell(1) + "/" + r.cell(2))
			.containsExactlyInAnyOrder("郑九/青山镇中心小学/三年级(1)班", "冯十/白云村小学/三年级(1)班");
		this.admin.get("/console/archives/import");
		String again = this.admin.upload("/console/archives/import", "file", "导出.csv", exported).location();
		assertThat(this.admin.get(again).body()).contains("全部没有问题", "家人不变").doesNotContain("新增</td>");
		assertThat(this.admin.post(again, Map.of("mode", "all")).location())
			.endsWith("?created=0&updated=0&unchanged=2&skipped=0&families=0&adults=0&linked=0&changed=0");
		// and the template has the column
		assertThat(table(this.admin.download("/console/archives/import/template.csv").body())
			.get(0)
			.cells()).contains("学校");
	}

}
