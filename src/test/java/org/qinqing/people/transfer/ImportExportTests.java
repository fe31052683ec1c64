package org.qinqing.people.transfer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinqing.console.AuditLog;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.people.CardField;
import org.qinqing.people.Child;
import org.qinqing.people.ContactCards;
import org.qinqing.people.Families;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Import and export through the real controllers, security and Redis. */
class ImportExportTests extends PortalTestSupport {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private StaffAccounts staff;

	@Autowired
	private SchoolRecords records;

	@Autowired
	private ContactCards cards;

	@Autowired
	private AuditLog audit;

	@Autowired
	private ArchiveTransfer transfer;

	@Autowired
	private Families families;

	private MockMvc mvc;

	private UserDetails admin;

	private UserDetails teacher;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		String adminName = "import-admin-" + TENANT;
		String teacherName = "import-teacher-" + TENANT;
		if (!this.staff.exists(adminName)) {
			this.staff.save(new StaffUser(adminName, TENANT, StaffRole.ADMIN, "", "德育处李主任"), "import-test-pw");
			String teacherId = this.records.ids(TENANT, "class")
				.stream()
				.map(id -> this.records.schoolClass(TENANT, id).orElseThrow().headTeacherId())
				.findFirst()
				.orElse("");
			this.staff.save(new StaffUser(teacherName, TENANT, StaffRole.TEACHER, teacherId, "王老师"), "import-test-pw");
		}
		this.admin = this.staff.loadUserByUsername(adminName);
		this.teacher = this.staff.loadUserByUsername(teacherName);
	}

	/** A sheet as schools really keep them: a blank line, full-width digits, a duplicate, a wrong phone, an unknown class, a date cell. */
	private static byte[] messySheet(String tag) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("三年级名单");
			CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
			Object[][] rows = {
					{ "学生姓名", "班级", "性别", "出生日期", "留守类型", "家庭住址", "父亲姓名", "父亲电话", "母亲姓名", "母亲电话",
							"监护人姓名", "与孩子关系", "监护人电话", "监护人年龄" },
					{ "甲" + tag, "三年级(1)班", "男", LocalDate.of(2016, 3, 9), "父母都外出", "青山村3组12号", "甲父", 13900001111.0,
							"甲母", "13900002222", "甲奶奶", "祖母", "13900003333", 63.0 },
					{},
					{ "乙" + tag, "３年级（１）班", "女", "2015/3/9", "父亲外出", "青山村4组", "乙父", "１３９ ０000 ４４４４", "", "",
							"乙爷爷", "祖父", "139-0000-5555", "６６" },
					{ "丙" + tag, "三年级1班", "男", "2016.5.1", "母亲外出", "", "丙父", "1390000", "", "", "", "", "", "" },
					{ "丁" + tag, "九年级(3)班", "女", "2016-06-01", "否", "", "", "", "", "", "", "", "", "" },
					{ "甲" + tag, "3年级1班", "男", "2016-3-9", "父母都外出", "", "", "", "", "", "", "", "", "" },
					{ "", "", "", "", "", "", "", "", "", "", "", "", "", "" },
					{ "", "三年级(1)班", "女", "2016-01-01", "否", "", "", "", "", "", "", "", "", "" },
					{ "戊" + tag, "三年级(1)班", "女", "2016-02-30", "否", "", "", "", "", "", "", "", "", "" } };
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					Cell cell = row.createCell(c);
					Object value = rows[r][c];
					if (value instanceof LocalDate date) {
						cell.setCellValue(date);
						cell.setCellStyle(dateStyle);
					}
					else if (value instanceof Double number) {
						cell.setCellValue(number);
					}
					else {
						cell.setCellValue((String) value);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private String upload(byte[] bytes, String fileName, UserDetails who) throws Exception {
		MvcResult result = this.mvc
			.perform(multipart("/console/archives/import").file(new MockMultipartFile("file", fileName, null, bytes))
				.with(user(who))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).matches("/console/archives/import/[0-9a-f]{32}");
		return location;
	}

	@SuppressWarnings("unchecked")
	private List<TransferController.PreviewRow> preview(String location) throws Exception {
		MvcResult result = this.mvc.perform(get(location).with(user(this.admin))).andExpect(status().isOk()).andReturn();
		return (List<TransferController.PreviewRow>) result.getModelAndView().getModel().get("rows");
	}

	private String confirm(String location, String mode) throws Exception {
		return this.mvc.perform(post(location).param("mode", mode).with(user(this.admin)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private Map<String, Child> childrenNamed(String tag) {
		return this.records.ids(TENANT, "child")
			.stream()
			.map(id -> this.records.child(TENANT, id).orElseThrow())
			.filter(c -> c.name().endsWith(tag))
			.collect(Collectors.toMap(Child::name, c -> c));
	}

	@Test
	void aMessySheetIsCheckedRowByRowAndOnlyWhatTheUserChoosesIsWritten() throws Exception {
		String tag = "测" + Long.toString(System.nanoTime() % 100000, 36);
		byte[] sheet = messySheet(tag);
		long childrenBefore = this.records.count(TENANT, "child");

		String location = upload(sheet, "三年级名单.xlsx", this.admin);
		List<TransferController.PreviewRow> rows = preview(location);
		Map<Integer, List<String>> problems = new LinkedHashMap<>();
		rows.forEach(row -> problems.put(row.line(), row.problems()));
		assertThat(problems).containsExactly(Map.entry(2, List.of()), Map.entry(4, List.of()),
				Map.entry(5, List.of("父亲电话不是有效的手机号")), Map.entry(6, List.of("没有「九年级(3)班」这个班级")),
				Map.entry(7, List.of("与第2行重复")), Map.entry(9, List.of("缺少学生姓名")),
				Map.entry(10, List.of("出生日期「2016-02-30」不是有效的日期")));
		assertThat(rows).filteredOn(row -> row.problems().isEmpty())
			.extracting(TransferController.PreviewRow::status)
			.containsOnly("新增");
		String page = this.mvc.perform(get(location).with(user(this.admin)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("父亲电话不是有效的手机号", "与第2行重复", "只导入没有问题的行");

		// the file has problems: a plain "import" writes nothing
		assertThat(confirm(location, "all")).isEqualTo(location + "?notClean");
		assertThat(this.records.count(TENANT, "child")).isEqualTo(childrenBefore);
		assertThat(childrenNamed(tag)).isEmpty();

		// "only the good rows" writes exactly rows 2 and 4
		assertThat(confirm(location, "good")).isEqualTo(
				"/console/archives/import?created=2&updated=0&unchanged=0&skipped=5&families=2&adults=5&linked=0&changed=0");
		assertThat(this.records.count(TENANT, "child")).isEqualTo(childrenBefore + 2);
		Map<String, Child> imported = childrenNamed(tag);
		assertThat(imported).containsOnlyKeys("甲" + tag, "乙" + tag);
		Child jia = imported.get("甲" + tag);
		assertThat(jia.classId()).isEqualTo("c3");
		assertThat(jia.leftBehind()).isEqualTo(LeftBehindType.BOTH_AWAY);
		assertThat(this.cards.card(TENANT, jia.id())).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
				Map.entry(CardField.CHILD_GENDER, "男"), Map.entry(CardField.CHILD_BIRTH_DATE, "2016-03-09"),
				Map.entry(CardField.HOME_ADDRESS, "青山村3组12号"), Map.entry(CardField.FATHER_NAME, "甲父"),
				Map.entry(CardField.FATHER_PHONE, "13900001111"), Map.entry(CardField.MOTHER_NAME, "甲母"),
				Map.entry(CardField.MOTHER_PHONE, "13900002222"), Map.entry(CardField.GUARDIAN_NAME, "甲奶奶"),
				Map.entry(CardField.GUARDIAN_RELATION, "祖母"), Map.entry(CardField.GUARDIAN_PHONE, "13900003333"),
				Map.entry(CardField.GUARDIAN_AGE, "63")));
		Child yi = imported.get("乙" + tag);
		assertThat(this.cards.card(TENANT, yi.id())).containsEntry(CardField.CHILD_BIRTH_DATE, "2015-03-09")
			.containsEntry(CardField.FATHER_PHONE, "13900004444")
			.containsEntry(CardField.GUARDIAN_PHONE, "13900005555")
			.containsEntry(CardField.GUARDIAN_AGE, "66");
		assertThat(this.cards.history(TENANT, yi.id())).allSatisfy(change -> assertThat(change.by()).isEqualTo("德育处李主任"));
		// the upload is gone once imported
		assertThat(confirm(location, "good")).isEqualTo("/console/archives/import?expired");

		// the same file again: the two children are known, nothing is added
		String again = upload(sheet, "三年级名单.xlsx", this.admin);
		assertThat(preview(again)).filteredOn(row -> row.problems().isEmpty())
			.extracting(TransferController.PreviewRow::status)
			.containsOnly("没有变化");
		assertThat(confirm(again, "good")).isEqualTo(
				"/console/archives/import?created=0&updated=0&unchanged=2&skipped=5&families=0&adults=0&linked=0&changed=0");
		assertThat(this.records.count(TENANT, "child")).isEqualTo(childrenBefore + 2);
		assertThat(childrenNamed(tag)).isEqualTo(imported);
	}

	/**
	 * A school of its own (another tenant), so what other tests write into the demo school cannot
	 * make its archive differ: every field filled, some with commas, quotes, line breaks and a
	 * leading "=", every left-behind type, children without a birth date.
	 */
	private StaffUser roundTripSchool() {
		String tenant = TENANT + "-rt";
		StaffUser user = new StaffUser("rt-admin-" + TENANT, tenant, StaffRole.ADMIN, "", "校长");
		if (!this.records.ids(tenant, "class").isEmpty()) {
			return user;
		}
		String[] grades = { "一", "二", "三", "四", "五", "六" };
		for (int g = 1; g <= 6; g++) {
			for (int n = 1; n <= 2; n++) {
				this.records.save(tenant, new org.qinqing.people.SchoolClass("k" + g + n, "s1", g, n,
						grades[g - 1] + "年级(" + n + ")班", ""));
			}
		}
		LeftBehindType[] types = LeftBehindType.values();
		for (int i = 0; i < 30; i++) {
			String id = "rt" + i;
			Map<CardField, String> card = new java.util.EnumMap<>(CardField.class);
			for (CardField field : CardField.values()) {
				card.put(field, field.key() + "值" + i);
			}
			card.put(CardField.CHILD_GENDER, i % 2 == 0 ? "男" : "女");
			card.put(CardField.CHILD_BIRTH_DATE, i % 7 == 3 ? "" : "201" + (i % 6) + "-0" + (1 + i % 9) + "-2" + (i % 8));
			card.put(CardField.GUARDIAN_AGE, String.valueOf(50 + i));
			card.put(CardField.FATHER_PHONE, String.format("1990000%04d", i * 5 + 1));
			card.put(CardField.MOTHER_PHONE, i % 5 == 0 ? "" : String.format("1990000%04d", i * 5 + 2));
			card.put(CardField.GUARDIAN_PHONE, i % 4 == 0 ? "0571-8888" + String.format("%04d", i) : String.format("1990000%04d", i * 5 + 3));
			card.put(CardField.FATHER_WORK_UNIT_PHONE, "0" + (571 + i) + "-8765432" + (i % 10));
			card.put(CardField.MOTHER_WORK_UNIT_PHONE, String.format("1990000%04d", i * 5 + 4));
			card.put(CardField.HOME_ADDRESS, i % 3 == 0 ? "=青山村, \"老屋\"\n" + i + "号" : "青山村" + i + "组");
			card.put(CardField.GUARDIAN_HEALTH, i % 6 == 0 ? "" : "良好，偶有咳嗽");
			this.cards.update(tenant, id, card, "测试");
			this.records.save(tenant, new Child(id, "学生" + (char) ('甲' + i), "k" + (1 + i % 6) + (1 + i % 2),
					types[i % types.length], "f" + i, ""));
		}
		// the families the cards name, as an import makes them: the round trip then changes nobody
		List<Child> children = new ArrayList<>(allChildren(tenant).values());
		Families.Batch batch = this.families.batch(tenant, children,
				children.stream().map(c -> this.cards.card(tenant, c.id())).toList(), "测试");
		children.forEach(c -> this.families.fromCard(batch, c, this.cards.card(tenant, c.id())));
		this.families.commit(batch);
		return user;
	}

	@Test
	void exportThenImportLosesNothing() throws Exception {
		StaffUser user = roundTripSchool();
		UserDetails principal = this.staff.find(user.username()).isPresent() ? this.staff.loadUserByUsername(user.username())
				: loadAfterSave(user);
		Map<String, Child> childrenBefore = allChildren(user.tenant());
		Map<String, Map<CardField, String>> cardsBefore = allCards(user.tenant(), childrenBefore);
		assertThat(childrenBefore).hasSize(30);
		int auditBefore = this.audit.latest(user.tenant(), 10_000).size();

		for (String format : List.of("xlsx", "csv")) {
			byte[] exported = this.mvc.perform(get("/console/archives/export." + format).with(user(principal)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			List<SheetRow> rows = SheetFiles.read(exported);
			assertThat(rows).hasSize(childrenBefore.size() + 1);
			assertThat(rows.get(0).cells()).isEqualTo(ArchiveColumn.headers());

			MvcResult uploaded = this.mvc
				.perform(multipart("/console/archives/import")
					.file(new MockMultipartFile("file", "archive." + format, null, exported))
					.with(user(principal))
					.with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andReturn();
			String location = uploaded.getResponse().getRedirectedUrl();
			@SuppressWarnings("unchecked")
			List<TransferController.PreviewRow> preview = (List<TransferController.PreviewRow>) this.mvc
				.perform(get(location).with(user(principal)))
				.andReturn()
				.getModelAndView()
				.getModel()
				.get("rows");
			assertThat(preview).hasSize(childrenBefore.size());
			assertThat(preview).allSatisfy(row -> {
				assertThat(row.problems()).as("line " + row.line()).isEmpty();
				assertThat(row.status()).isEqualTo("没有变化");
				assertThat(row.family()).isEqualTo("家人不变");
			});
			String done = this.mvc.perform(post(location).param("mode", "all").with(user(principal)).with(csrf()))
				.andReturn()
				.getResponse()
				.getRedirectedUrl();
			assertThat(done).isEqualTo(
					"/console/archives/import?created=0&updated=0&unchanged=30&skipped=0&families=0&adults=0&linked=0&changed=0");
			assertThat(allChildren(user.tenant())).isEqualTo(childrenBefore);
			assertThat(allCards(user.tenant(), childrenBefore)).isEqualTo(cardsBefore);
		}
		List<AuditLog.Entry> entries = this.audit.latest(user.tenant(), 10_000);
		assertThat(entries.subList(0, entries.size() - auditBefore))
			.filteredOn(e -> e.action().equals("export") && e.target().equals("archive"))
			.hasSize(2);

		// and into an empty school: every child comes back with every field
		String emptyTenant = user.tenant() + "-empty";
		StaffUser other = new StaffUser("rt-admin2-" + TENANT, emptyTenant, StaffRole.ADMIN, "", "校长");
		for (String id : this.records.ids(user.tenant(), "class")) {
			this.records.save(emptyTenant, this.records.schoolClass(user.tenant(), id).orElseThrow());
		}
		byte[] exported = SheetFiles.writeXlsx("x", this.transfer.export(user));
		ParsedImport parsed = this.transfer.parse(other, "x.xlsx", exported);
		assertThat(parsed.isClean()).isTrue();
		ArchiveTransfer.Outcome intoEmpty = this.transfer.apply(other, parsed.goodRows());
		assertThat(intoEmpty.created()).isEqualTo(30);
		assertThat(intoEmpty.families().newFamilies()).isEqualTo(30);
		assertThat(intoEmpty.families().added()).isEqualTo(90);
		assertThat(this.transfer.export(other)).isEqualTo(this.transfer.export(user));
	}

	private UserDetails loadAfterSave(StaffUser user) {
		this.staff.save(user, "round-trip-pw");
		return this.staff.loadUserByUsername(user.username());
	}

	@Test
	void theFilteredListExportsWithTheArchiveListsParameters() throws Exception {
		StaffUser user = roundTripSchool();
		UserDetails principal = this.staff.find(user.username()).isPresent() ? this.staff.loadUserByUsername(user.username())
				: loadAfterSave(user);
		List<SheetRow> rows = SheetFiles.read(this.mvc
			.perform(get("/console/archives/export.csv").param("class", "k11").param("type", "BOTH_AWAY").with(user(principal)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		List<Child> expected = allChildren(user.tenant()).values()
			.stream()
			.filter(c -> c.classId().equals("k11") && c.leftBehind() == LeftBehindType.BOTH_AWAY)
			.toList();
		assertThat(expected).isNotEmpty();
		assertThat(rows.subList(1, rows.size())).extracting(row -> row.cell(0))
			.containsExactlyInAnyOrderElementsOf(expected.stream().map(Child::name).toList());

		String incompleteId = "rt4";
		this.cards.update(user.tenant(), incompleteId, Map.of(CardField.GUARDIAN_AGE, ""), "测试");
		List<SheetRow> incomplete = SheetFiles.read(this.mvc
			.perform(get("/console/archives/export.xlsx").param("incomplete", "true").with(user(principal)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		List<String> expectedIncomplete = allChildren(user.tenant()).values()
			.stream()
			.filter(c -> c.leftBehind().isLeftBehind() && !this.cards.missing(user.tenant(), c).isEmpty())
			.map(Child::name)
			.toList();
		assertThat(expectedIncomplete).contains(this.records.child(user.tenant(), incompleteId).orElseThrow().name())
			.hasSizeLessThan(allChildren(user.tenant()).size());
		assertThat(incomplete.subList(1, incomplete.size())).extracting(row -> row.cell(0))
			.containsExactlyInAnyOrderElementsOf(expectedIncomplete);
		this.cards.update(user.tenant(), incompleteId, Map.of(CardField.GUARDIAN_AGE, "54"), "测试");
	}

	@Test
	void csvInGbkAndInUtf8WithBomAreBothRead() throws Exception {
		String tag = "码" + Long.toString(System.nanoTime() % 100000, 36);
		String text = "学生姓名,班级,性别,出生日期,留守类型,监护人姓名\r\n" + "钱" + tag + ",四年级(1)班,女,2014/9/1,父母都外出,钱奶奶\r\n";
		byte[] gbk = text.getBytes(Charset.forName("GBK"));
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		byte[] bom = new byte[utf8.length + 3];
		bom[0] = (byte) 0xEF;
		bom[1] = (byte) 0xBB;
		bom[2] = (byte) 0xBF;
		System.arraycopy(utf8, 0, bom, 3, utf8.length);
		for (byte[] bytes : List.of(gbk, bom)) {
			List<TransferController.PreviewRow> rows = preview(upload(bytes, "名单.csv", this.admin));
			assertThat(rows).singleElement().satisfies(row -> {
				assertThat(row.name()).isEqualTo("钱" + tag);
				assertThat(row.className()).isEqualTo("四年级(1)班");
				assertThat(row.problems()).isEmpty();
				assertThat(row.status()).isEqualTo("新增");
			});
		}
	}

	@Test
	void teachersCannotImportButExportWhatTheyMaySee() throws Exception {
		this.mvc.perform(get("/console/archives/import").with(user(this.teacher))).andExpect(status().isForbidden());
		this.mvc
			.perform(multipart("/console/archives/import")
				.file(new MockMultipartFile("file", "x.csv", null, "学生姓名,班级\r\n".getBytes(StandardCharsets.UTF_8)))
				.with(user(this.teacher))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/console/archives/import/0123456789abcdef0123456789abcdef").param("mode", "good")
			.with(user(this.teacher))
			.with(csrf())).andExpect(status().isForbidden());
		this.mvc.perform(get("/console/archives/import")).andExpect(status().is3xxRedirection());

		byte[] exported = this.mvc.perform(get("/console/archives/export.csv").with(user(this.teacher)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		int all = allChildren(TENANT).size();
		List<SheetRow> rows = SheetFiles.read(exported);
		assertThat(rows.size() - 1).isGreaterThan(0).isLessThan(all);
	}

	@Test
	void anUploadOverTheLimitIsRefusedWithAMessage() throws Exception {
		byte[] big = new byte[2 * 1024 * 1024 + 1];
		java.util.Arrays.fill(big, (byte) 'a');
		String page = this.mvc
			.perform(multipart("/console/archives/import").file(new MockMultipartFile("file", "big.csv", null, big))
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("文件太大：最大 2 MB");
		String template = this.mvc.perform(get("/console/archives/import?tooLarge").with(user(this.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(template).contains("文件太大：最大 2 MB");
	}

	@Test
	void theTemplatesHaveTheImportColumns() throws Exception {
		for (String format : List.of("xlsx", "csv")) {
			byte[] template = this.mvc.perform(get("/console/archives/import/template." + format).with(user(this.admin)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			assertThat(SheetFiles.read(template)).singleElement()
				.satisfies(row -> assertThat(row.cells()).isEqualTo(ArchiveColumn.headers()));
		}
	}

	private Map<String, Child> allChildren(String tenant) {
		Map<String, Child> children = new HashMap<>();
		for (String id : this.records.ids(tenant, "child")) {
			children.put(id, this.records.child(tenant, id).orElseThrow());
		}
		return children;
	}

	private Map<String, Map<CardField, String>> allCards(String tenant, Map<String, Child> children) {
		Map<String, Map<CardField, String>> all = new HashMap<>();
		for (String id : new ArrayList<>(children.keySet())) {
			all.put(id, this.cards.card(tenant, id));
		}
		return all;
	}

}
