package org.qinqing.people.transfer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.people.BindingCodeFormat;
import org.qinqing.people.CardField;
import org.qinqing.people.Child;
import org.qinqing.people.ContactCards;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problem a school found: a class list imported, the archive full, and the binding sheet without a card
 * for any new family. Here a class list goes in through the console as an admin uploads it, the class's
 * binding sheet (page, CSV, xlsx) has a code for every adult it names, each adult binds in chat, and one
 * books a family video call; the same file again changes nobody. Each test fills a class of its own in the
 * demo school, with phones of its own.
 */
class ImportedFamiliesTests extends PortalTestSupport {

	private static final String PASSWORD = "imported-families-pw";

	private static final Pattern SHEET_CODE = Pattern.compile("<strong>(\\d{8})</strong>");

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private SchoolRecords records;

	@Autowired
	private ContactCards cards;

	private ConsoleBrowser admin;

	private String tag;

	@BeforeEach
	void signedInAdmin() {
		String username = "imp-admin-" + TENANT;
		if (!this.accounts.exists(username)) {
			this.accounts.save(new StaffUser(username, TENANT, StaffRole.ADMIN, "", "德育处"), PASSWORD);
		}
		this.admin = new ConsoleBrowser(this.port);
		assertThat(this.admin.signIn(username, PASSWORD).location()).endsWith("/console");
		this.tag = Long.toString(System.nanoTime() % 1_000_000, 36);
	}

	/** A class of the demo school that only this test fills; its name is unlike any demo class's. */
	private SchoolClass newClass(int number) {
		SchoolClass schoolClass = new SchoolClass("imp-" + this.tag + "-" + number, "sch1", 6, number,
				"六年级(" + number + ")班", "");
		this.records.save(TENANT, schoolClass);
		return schoolClass;
	}

	/** Upload → preview → import, as the admin clicks it; returns the preview page and where the import led. */
	private record Imported(String preview, String done) {
	}

	private Imported importFile(String fileName, byte[] content) {
		this.admin.get("/console/archives/import");
		ConsoleBrowser.Page uploaded = this.admin.upload("/console/archives/import", "file", fileName, content);
		assertThat(uploaded.status()).isEqualTo(302);
		assertThat(uploaded.location()).matches(".*/console/archives/import/[0-9a-f]{32}");
		ConsoleBrowser.Page preview = this.admin.get(uploaded.location());
		assertThat(preview.status()).isEqualTo(200);
		ConsoleBrowser.Page done = this.admin.post(uploaded.location(), Map.of("mode", "all"));
		assertThat(done.status()).isEqualTo(302);
		return new Imported(preview.body(), done.location());
	}

	/** The rows of the class's binding sheet as a table (CSV or xlsx), header first. */
	private List<SheetRow> sheetTable(SchoolClass schoolClass, String format) throws Exception {
		ConsoleBrowser.Download download = this.admin.download("/console/binding/class/" + schoolClass.id() + "/sheet." + format);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.header("Cache-Control")).isEqualTo("no-store");
		assertThat(download.header("Content-Disposition")).startsWith("attachment");
		return SheetFiles.read(download.body());
	}

	/** Name → code of each card of the sheet's table that has one. */
	private static Map<String, String> codes(List<SheetRow> table) {
		Map<String, String> codes = new LinkedHashMap<>();
		for (SheetRow row : table.subList(1, table.size())) {
			if (!row.cell(5).isEmpty()) {
				codes.put(row.cell(2), row.cell(5));
			}
		}
		return codes;
	}

	/** The number of the first listed option that is not full (other tests book the same school). */
	private static String firstFree(String list) {
		for (String line : list.lines().toList()) {
			if (line.matches("^\\d+\\. .*") && !line.contains("已约满")) {
				return line.substring(0, line.indexOf('.'));
			}
		}
		throw new AssertionError("nothing free in " + list);
	}

	@Test
	void aClassListOfNewFamiliesGivesEachAdultACodeThatBindsInChatAndOneBooksACall() throws Exception {
		SchoolClass schoolClass = newClass(21);
		List<ClassLists.Family> families = ClassLists.families(22, schoolClass.name(), this.tag, 51);
		int adults = ClassLists.adults(families);
		assertThat(adults).isEqualTo(22 + 11 + 8);

		Imported imported = importFile("六年级名单.csv", ClassLists.csv(families));
		assertThat(imported.preview()).contains("新家庭：添加 3 位家人", "新家庭：添加 2 位家人", "新家庭：添加 1 位家人",
				"家人：新家庭 22 个，添加 " + adults + " 位家人，与已有家庭（兄弟姐妹）相连 0 位，更新 0 位。");
		assertThat(imported.done())
			.endsWith("?created=22&updated=0&unchanged=0&skipped=0&families=22&adults=" + adults + "&linked=0&changed=0");
		assertThat(this.admin.get(imported.done()).body()).contains("新增 22 人",
				"家人：新家庭 22 个，新增家人 " + adults + " 位", "打开绑定单");

		// the sheet: a card with a code for every adult, the same codes in its CSV, with the school and class
		ConsoleBrowser.Page sheet = this.admin.get("/console/binding/class/" + schoolClass.id());
		assertThat(sheet.status()).isEqualTo(200);
		assertThat(sheet.body()).contains("学校：青山村小学（演示）", "共 " + adults + " 张卡片", "sheet.csv", "sheet.xlsx");
		List<String> pageCodes = new ArrayList<>();
		Matcher m = SHEET_CODE.matcher(sheet.body());
		while (m.find()) {
			pageCodes.add(m.group(1));
		}
		List<SheetRow> table = sheetTable(schoolClass, "csv");
		assertThat(table.get(0).cells()).containsExactly("学校", "班级", "姓名", "关系", "孩子", "绑定码", "是否已绑定");
		assertThat(table).hasSize(adults + 1);
		assertThat(table.subList(1, table.size())).allSatisfy(row -> {
			assertThat(row.cell(0)).isEqualTo("青山村小学（演示）");
			assertThat(row.cell(1)).isEqualTo(schoolClass.name());
			assertThat(BindingCodeFormat.isValid(row.cell(5))).as(row.cells().toString()).isTrue();
			assertThat(row.cell(6)).isEqualTo("未绑定");
		});
		Map<String, String> codes = codes(table);
		assertThat(codes.keySet())
			.containsExactlyInAnyOrderElementsOf(families.stream().flatMap(f -> f.adults().stream()).toList());
		assertThat(pageCodes).containsExactlyInAnyOrderElementsOf(codes.values());
		ClassLists.Family first = families.get(0);
		assertThat(table).anySatisfy(row -> assertThat(row.cells()).containsExactly("青山村小学（演示）", schoolClass.name(),
				first.guardian(), "祖母", first.child().substring(1), codes.get(first.guardian()), "未绑定"));
		// the downloads are audited as the sheet is
		assertThat(this.admin.get("/console/admin/audit").body()).contains("binding-sheet-csv", schoolClass.id());

		// every adult binds with the code on their card
		Map<String, String> openids = new LinkedHashMap<>();
		for (Map.Entry<String, String> card : codes.entrySet()) {
			String openid = "o-imp-" + System.nanoTime();
			resetSession(openid);
			String reply = say(openid, "绑定 " + card.getValue());
			assertThat(reply).as(card.getKey()).contains("绑定成功！" + card.getKey() + "，您好。", schoolClass.name());
			openids.put(card.getKey(), openid);
		}
		assertThat(sheetTable(schoolClass, "csv").subList(1, adults + 1)).allSatisfy(row -> {
			assertThat(row.cell(5)).isEmpty();
			assertThat(row.cell(6)).isEqualTo("已绑定");
		});

		// a father books a family video call for his child
		String father = openids.get(first.father());
		String days = say(father, "预约视频");
		assertThat(days).contains(first.child().substring(1), "哪一天方便");
		String times = say(father, firstFree(days));
		assertThat(say(father, firstFree(times))).contains("请确认", "孩子：" + first.child().substring(1));
		assertThat(say(father, "1")).contains("约好了！预约号 V", "会带" + first.child().substring(1));

		// the same file again: nobody new, no new code, every card still bound
		long people = this.records.count(TENANT, "person");
		Imported again = importFile("六年级名单.csv", ClassLists.csv(families));
		assertThat(again.preview()).contains("家人不变", "家人：新家庭 0 个，添加 0 位家人，与已有家庭（兄弟姐妹）相连 0 位，更新 0 位。")
			.doesNotContain("新家庭：", "位家人的信息");
		assertThat(again.done())
			.endsWith("?created=0&updated=0&unchanged=22&skipped=0&families=0&adults=0&linked=0&changed=0");
		assertThat(this.records.count(TENANT, "person")).isEqualTo(people);
		List<SheetRow> after = sheetTable(schoolClass, "csv");
		assertThat(after).hasSize(adults + 1);
		assertThat(after.subList(1, after.size())).allSatisfy(row -> assertThat(row.cell(6)).isEqualTo("已绑定"));
	}

	@Test
	void anExcelClassListGivesCodesInTheSheetsExcelDownloadThatBind() throws Exception {
		SchoolClass schoolClass = newClass(22);
		List<ClassLists.Family> families = ClassLists.families(20, schoolClass.name(), this.tag, 52);
		int adults = ClassLists.adults(families);

		Imported imported = importFile("名单.xlsx", ClassLists.xlsx(families));
		assertThat(imported.done()).contains("created=20", "families=20&adults=" + adults + "&linked=0");

		List<SheetRow> table = sheetTable(schoolClass, "xlsx");
		assertThat(table).hasSize(adults + 1);
		Map<String, String> codes = codes(table);
		assertThat(codes).hasSize(adults);
		for (Map.Entry<String, String> card : codes.entrySet()) {
			String openid = "o-imp-" + System.nanoTime();
			resetSession(openid);
			assertThat(say(openid, "绑定 " + card.getValue())).contains("绑定成功！" + card.getKey());
		}
		// phones typed as numbers in Excel are kept as the digits they are
		Child child = this.records.childrenOf(TENANT, List.of(schoolClass.id())).get(schoolClass.id()).get(0);
		assertThat(this.cards.card(TENANT, child.id()).get(CardField.FATHER_PHONE)).matches("1352\\d{7}");
	}

	@Test
	void siblingsInTwoClassesShareOneFatherWhetherInOneFileOrInTwo() throws Exception {
		SchoolClass older = newClass(23);
		SchoolClass younger = newClass(24);
		SchoolClass youngest = newClass(25);
		String fatherPhone = ClassLists.phone(53, 1);
		String motherPhone = ClassLists.phone(53, 2);
		String father = "周" + this.tag + "父";
		String mother = "吴" + this.tag + "母";
		ClassLists.Family elder = new ClassLists.Family("周" + this.tag + "大", older.name(), "2014-03-01", father,
				fatherPhone, mother, motherPhone, "", "", "");
		// the younger one's sheet spells the phone with dashes and leaves the mother's name out
		ClassLists.Family second = new ClassLists.Family("周" + this.tag + "二", younger.name(), "2016-05-01", father,
				"135-3000-0001", "", motherPhone, "周" + this.tag + "爷", "祖父", ClassLists.phone(53, 3));

		Imported both = importFile("两个班.csv", ClassLists.csv(List.of(elder, second)));
		assertThat(both.preview()).contains("新家庭：添加 2 位家人", "与已有家庭（兄弟姐妹）相连，添加 1 位家人");
		assertThat(both.done()).endsWith("&families=1&adults=3&linked=2&changed=0");

		// a third child, in a later file of another class, with the father's phone
		ClassLists.Family third = new ClassLists.Family("周" + this.tag + "三", youngest.name(), "2018-09-01", father,
				fatherPhone, "", "", "", "", "");
		Imported later = importFile("一个班.csv", ClassLists.csv(List.of(third)));
		assertThat(later.preview()).contains("与已有家庭（兄弟姐妹）相连");
		assertThat(later.done()).endsWith("&families=0&adults=0&linked=1&changed=0");

		// one father on all three sheets, with one code: binding it once reaches all three children
		String code = null;
		for (SchoolClass schoolClass : List.of(older, younger, youngest)) {
			List<SheetRow> fathers = sheetTable(schoolClass, "csv").stream().filter(r -> r.cell(2).equals(father)).toList();
			assertThat(fathers).as(schoolClass.name()).singleElement();
			code = code == null ? fathers.get(0).cell(5) : code;
			assertThat(fathers.get(0).cell(5)).isEqualTo(code);
		}
		String openid = "o-imp-" + System.nanoTime();
		resetSession(openid);
		assertThat(say(openid, "绑定 " + code)).contains("绑定成功！" + father, this.tag + "大（六年级(23)班）",
				this.tag + "二（六年级(24)班）", this.tag + "三（六年级(25)班）");
		// the three children are one family: their calls count together
		List<String> familyIds = this.records.childrenOf(TENANT, List.of(older.id(), younger.id(), youngest.id()))
			.values()
			.stream()
			.flatMap(List::stream)
			.map(Child::familyId)
			.distinct()
			.toList();
		assertThat(familyIds).hasSize(1);
	}

	@Test
	void aClassImportedBeforeFamiliesWereMadeGetsThemWhenItsListIsImportedAgain() throws Exception {
		// what the old import left: children and their cards, and nobody on the binding sheet
		SchoolClass schoolClass = newClass(26);
		List<ClassLists.Family> families = ClassLists.families(20, schoolClass.name(), this.tag, 54);
		List<Child> children = new ArrayList<>();
		for (int i = 0; i < families.size(); i++) {
			ClassLists.Family f = families.get(i);
			Child child = new Child("old-" + this.tag + "-" + i, f.child(), schoolClass.id(), LeftBehindType.BOTH_AWAY,
					"old-fam-" + this.tag + "-" + i, "");
			Map<CardField, String> card = new EnumMap<>(CardField.class);
			card.put(CardField.CHILD_GENDER, "女");
			card.put(CardField.CHILD_BIRTH_DATE, f.birthDate());
			card.put(CardField.FATHER_NAME, f.father());
			card.put(CardField.FATHER_PHONE, f.fatherPhone());
			if (!f.mother().isEmpty()) {
				card.put(CardField.MOTHER_NAME, f.mother());
				card.put(CardField.MOTHER_PHONE, f.motherPhone());
			}
			if (!f.guardian().isEmpty()) {
				card.put(CardField.GUARDIAN_NAME, f.guardian());
				card.put(CardField.GUARDIAN_RELATION, f.relation());
				card.put(CardField.GUARDIAN_PHONE, f.guardianPhone());
			}
			this.cards.update(TENANT, child.id(), card, "旧导入");
			children.add(child);
		}
		this.records.saveChildren(TENANT, children);
		assertThat(this.admin.get("/console/binding/class/" + schoolClass.id()).body()).contains("这个班级没有可打印的卡片");
		assertThat(this.admin.get("/console/archives/" + children.get(0).id()).body()).contains("还没有登记家人");

		Imported imported = importFile("旧名单.csv", ClassLists.csv(families));
		assertThat(imported.preview()).contains("新家庭：添加 3 位家人").doesNotContain("新增</td>");
		int adults = ClassLists.adults(families);
		assertThat(imported.done())
			.endsWith("?created=0&updated=20&unchanged=0&skipped=0&families=20&adults=" + adults + "&linked=0&changed=0");
		assertThat(sheetTable(schoolClass, "csv")).hasSize(adults + 1);
		assertThat(this.admin.get("/console/archives/" + children.get(0).id()).body()).contains(families.get(0).father(),
				families.get(0).guardian()).doesNotContain("还没有登记家人");
		// the children keep their records: nobody was added twice
		assertThat(this.records.childrenOf(TENANT, List.of(schoolClass.id())).get(schoolClass.id()))
			.extracting(Child::id)
			.containsExactlyInAnyOrderElementsOf(children.stream().map(Child::id).toList());
	}

	@Test
	void aFamilySharingOnePhoneIsStillTwoPeopleAndAParentAtHomeIsNotCountedTwice() throws Exception {
		SchoolClass schoolClass = newClass(27);
		String shared = ClassLists.phone(55, 1);
		String t = this.tag;
		// the mother is on the father's phone; the grandmother has none of her own; a father at home is the guardian
		ClassLists.Family sharedPhone = new ClassLists.Family("何" + t + "甲", schoolClass.name(), "2016-01-01", "何" + t + "父",
				shared, "马" + t + "母", shared, "何" + t + "奶", "祖母", shared);
		ClassLists.Family fatherAtHome = new ClassLists.Family("陶" + t + "乙", schoolClass.name(), "2016-02-02",
				"陶" + t + "父", ClassLists.phone(55, 2), "", "", "陶" + t + "父", "父亲", ClassLists.phone(55, 2));
		byte[] list = ClassLists.csv(List.of(sharedPhone, fatherAtHome));

		Imported imported = importFile("同一个电话.csv", list);
		assertThat(imported.preview()).contains("新家庭：添加 3 位家人", "新家庭：添加 1 位家人");
		assertThat(imported.done()).endsWith("&families=2&adults=4&linked=0&changed=0");
		List<SheetRow> table = sheetTable(schoolClass, "csv");
		assertThat(table.subList(1, table.size())).extracting(row -> row.cell(2) + "/" + row.cell(3))
			.containsExactlyInAnyOrder("何" + t + "父/父亲", "马" + t + "母/母亲", "何" + t + "奶/祖母", "陶" + t + "父/父亲");

		// and the same file again changes nobody: the mother is not mistaken for the father by their phone
		Imported again = importFile("同一个电话.csv", list);
		assertThat(again.preview()).contains("家人不变").doesNotContain("相连，", "新家庭：");
		assertThat(again.done()).endsWith("&families=0&adults=0&linked=0&changed=0");
		assertThat(sheetTable(schoolClass, "csv")).hasSize(5);
	}

}
