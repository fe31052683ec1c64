package org.qinqing.binding;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.qinqing.console.AuditLog;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.people.BindingCodeFormat;
import org.qinqing.people.Person;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A class's binding sheet as CSV and xlsx: who may download which, what it holds, and that it is audited. */
class BindingSheetDownloadsTests extends PortalTestSupport {

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private SchoolRecords records;

	@Autowired
	private AuditLog audit;

	private SchoolClass demoClass(int index) {
		return this.records.schoolClass(TENANT, this.records.ids(TENANT, "class").get(index)).orElseThrow();
	}

	@Test
	void aHeadTeacherDownloadsTheirClassWithTheirOwnCardOnlyAndNoOtherClass() throws Exception {
		SchoolClass mine = demoClass(1);
		SchoolClass other = demoClass(2);
		Person head = this.records.person(TENANT, mine.headTeacherId()).orElseThrow();
		String username = "sheet-head-" + TENANT;
		if (!this.accounts.exists(username)) {
			this.accounts.save(new StaffUser(username, TENANT, StaffRole.TEACHER, head.id(), head.name()), "sheet-head-pw");
		}
		ConsoleBrowser teacher = new ConsoleBrowser(this.port);
		teacher.signIn(username, "sheet-head-pw");

		ConsoleBrowser.Download xlsx = teacher.download("/console/binding/class/" + mine.id() + "/sheet.xlsx");
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.header("Content-Type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(xlsx.header("Content-Disposition")).contains("filename*=UTF-8''");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("绑定单");
			Row header = sheet.getRow(0);
			assertThat(List.of(0, 1, 2, 3, 4, 5, 6).stream().map(c -> header.getCell(c).getStringCellValue()).toList())
				.containsExactly("学校", "班级", "姓名", "关系", "孩子", "绑定码", "是否已绑定");
			int teachers = 0;
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				assertThat(row.getCell(0).getStringCellValue()).isEqualTo("青山村小学（演示）");
				assertThat(row.getCell(1).getStringCellValue()).isEqualTo(mine.name());
				String code = row.getCell(5).getStringCellValue();
				assertThat(code.isEmpty() || BindingCodeFormat.isValid(code)).as(code).isTrue();
				String relation = row.getCell(3).getStringCellValue();
				if (relation.equals("班主任") || relation.equals("任课教师")) {
					teachers++;
					assertThat(row.getCell(2).getStringCellValue()).isEqualTo(head.name());
				}
			}
			assertThat(teachers).isEqualTo(1);
			assertThat(sheet.getLastRowNum()).isGreaterThan(1);
		}
		assertThat(teacher.download("/console/binding/class/" + other.id() + "/sheet.csv").status()).isEqualTo(403);
		assertThat(teacher.download("/console/binding/class/" + other.id() + "/sheet.xlsx").status()).isEqualTo(403);
		assertThat(this.audit.latest(TENANT, 50)).anySatisfy(e -> {
			assertThat(e.username()).isEqualTo(username);
			assertThat(e.action()).isEqualTo("binding-sheet-xlsx");
			assertThat(e.target()).isEqualTo(mine.id());
		});
		assertThat(this.audit.latest(TENANT, 50))
			.noneSatisfy(e -> assertThat(e.target()).isEqualTo(other.id()));
	}

	@Test
	void nobodySignedInGetsASheet() {
		ConsoleBrowser anonymous = new ConsoleBrowser(this.port);
		ConsoleBrowser.Download csv = anonymous.download("/console/binding/class/" + demoClass(0).id() + "/sheet.csv");
		assertThat(csv.status()).isEqualTo(302);
		assertThat(csv.header("Location")).endsWith("/console/login");
	}

}
