package org.qinqing.people.transfer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.qinqing.support.TestDates;
import org.qinqing.people.CardField;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.SchoolClass;

import static org.assertj.core.api.Assertions.assertThat;

/** The parser and the file readers on their own: no Spring, no Redis. */
class ArchiveSheetParserTests {

	private static final List<SchoolClass> CLASSES = List.of(new SchoolClass("c3", "s1", 3, 1, "三年级(1)班", ""),
			new SchoolClass("c4", "s1", 4, 2, "四年级(2)班", ""));

	/** A birth date still to come, whatever day the suite runs. */
	private static final String NEXT_YEAR = (TestDates.TODAY.getYear() + 1) + "-1-1";

	private final ArchiveSheetParser parser = new ArchiveSheetParser(CLASSES, TestDates.TODAY);

	private static SheetRow row(int line, String... cells) {
		return new SheetRow(line, List.of(cells));
	}

	private static final SheetRow HEADER = row(1, "学生姓名", "班级", "性别", "出生日期", "留守类型", "父亲电话", "父亲单位电话",
			"监护人年龄");

	@Test
	void classNamesAreMatchedHoweverTheyAreSpelled() {
		for (String spelling : List.of("三年级(1)班", "三年级1班", "3年级(1)班", "３年级（１）班", "三年级（一）班", " 三年级 (1) 班 ")) {
			ParsedImport parsed = this.parser.parse("x.csv", List.of(HEADER, row(2, "甲", spelling, "", "", "否")));
			assertThat(parsed.rows()).singleElement().satisfies(r -> {
				assertThat(r.problems()).as(spelling).isEmpty();
				assertThat(r.classId()).isEqualTo("c3");
			});
		}
		assertThat(this.parser.parse("x.csv", List.of(HEADER, row(2, "甲", "4年级2班", "", "", "否"))).rows().get(0).classId())
			.isEqualTo("c4");
	}

	@Test
	void valuesAreCleaned() {
		ParsedImport parsed = this.parser.parse("x.csv", List.of(HEADER,
				row(2, " 王　小明 ", "三年级(1)班", "男生", "2015/3/9", "父母都外出", "１３９ ００００ ８８８８", "0571-8888 6666", "58岁"),
				row(3, "李小红", "三年级(1)班", "女", "2015.3.9", "父亲外出", "+86 139-0000-7777", "（0571）88886666", "６０"),
				row(4, "赵小军", "三年级(1)班", "女", "2015年3月9日", "母亲外出", "", "88886666", ""),
				row(5, "钱小花", "三年级(1)班", "女", "42072", "其他", "", "", "")));
		assertThat(parsed.isClean()).isTrue();
		ImportRow first = parsed.rows().get(0);
		assertThat(first.name()).isEqualTo("王 小明");
		assertThat(first.leftBehind()).isEqualTo(LeftBehindType.BOTH_AWAY);
		assertThat(first.card()).containsExactlyInAnyOrderEntriesOf(Map.of(CardField.CHILD_GENDER, "男",
				CardField.CHILD_BIRTH_DATE, "2015-03-09", CardField.FATHER_PHONE, "13900008888",
				CardField.FATHER_WORK_UNIT_PHONE, "0571-88886666", CardField.GUARDIAN_AGE, "58"));
		ImportRow second = parsed.rows().get(1);
		assertThat(second.card()).containsEntry(CardField.FATHER_PHONE, "13900007777")
			.containsEntry(CardField.FATHER_WORK_UNIT_PHONE, "057188886666")
			.containsEntry(CardField.GUARDIAN_AGE, "60")
			.containsEntry(CardField.CHILD_BIRTH_DATE, "2015-03-09");
		assertThat(parsed.rows().get(2).card()).containsEntry(CardField.CHILD_BIRTH_DATE, "2015-03-09")
			.doesNotContainKey(CardField.FATHER_PHONE);
		assertThat(parsed.rows().get(3).card()).containsEntry(CardField.CHILD_BIRTH_DATE, "2015-03-09");
		assertThat(parsed.rows().get(3).leftBehind()).isEqualTo(LeftBehindType.OTHER);
	}

	@Test
	void everyBadRowIsReportedWithItsLineAndBlankLinesAreSkipped() {
		ParsedImport parsed = this.parser.parse("x.csv", List.of(row(1, "", ""), row(2, "学生姓名", "班级", "出生日期", "留守类型", "父亲电话", "性别", "监护人年龄"),
				row(3, "甲", "三年级(1)班", "2016-3-9", "否", "13900001111", "男", "60"),
				row(4, "", "", "", "", "", "", ""),
				row(5, "乙", "三年级(1)班", "2016-3-9", "否", "1390000", "男", "60"),
				row(6, "丙", "九年级(3)班", "2016-3-9", "否", "", "", ""),
				row(7, "甲", "3年级1班", "2016/03/09", "否", "", "", ""),
				row(8, "", "三年级(1)班", "2016-3-9", "否", "", "", ""),
				row(9, "丁", "三年级(1)班", "2016-02-30", "是", "", "不详", "两百"),
				row(10, "戊", "三年级(1)班", NEXT_YEAR, "", "", "", "")));
		Map<Integer, List<Problem>> problems = parsed.rows()
			.stream()
			.collect(Collectors.toMap(ImportRow::line, ImportRow::problems));
		assertThat(problems).containsOnlyKeys(3, 5, 6, 7, 8, 9, 10);
		assertThat(problems.get(3)).isEmpty();
		assertThat(problems.get(5)).containsExactly(Problem.of("import.error.mobile", "父亲电话", "1390000"));
		assertThat(problems.get(6)).containsExactly(Problem.of("import.error.class.unknown", "九年级(3)班"));
		assertThat(problems.get(7)).containsExactly(Problem.of("import.error.duplicate", "3"));
		assertThat(problems.get(8)).containsExactly(Problem.of("import.error.name"));
		assertThat(problems.get(9)).containsExactlyInAnyOrder(Problem.of("import.error.leftBehind", "是"),
				Problem.of("import.error.date", "出生日期", "2016-02-30"), Problem.of("import.error.gender", "不详"),
				Problem.of("import.error.age", "监护人年龄", "两百"));
		assertThat(problems.get(10)).containsExactlyInAnyOrder(Problem.of("import.error.leftBehind.missing"),
				Problem.of("import.error.date", "出生日期", NEXT_YEAR));
		assertThat(parsed.goodRows()).extracting(ImportRow::line).containsExactly(3);
		assertThat(parsed.isClean()).isFalse();
	}

	@Test
	void aFileWithoutTheNeededColumnsIsRefusedAsAWhole() {
		ParsedImport parsed = this.parser.parse("x.csv", List.of(row(1, "名字", "班级"), row(2, "甲", "三年级(1)班")));
		assertThat(parsed.fileProblems()).contains(Problem.of("import.error.missingColumn", "1", "学生姓名"),
				Problem.of("import.error.missingColumn", "1", "留守类型"));
		assertThat(parsed.goodRows()).isEmpty();
		assertThat(this.parser.parse("x.csv", List.of()).fileProblems()).containsExactly(Problem.of("import.error.empty"));
	}

	@Test
	void csvIsReadInUtf8WithOrWithoutBomAndInGbk() throws Exception {
		String text = "学生姓名,班级,留守类型,家庭住址\r\n\"王小明\",三年级(1)班,父母都外出,\"青山村3组，12号\"\r\n\r\n李小红,三年级1班,否,\"多行\n地址\"\n赵小军,三年级1班,否,\"说\"\"好\"\"\"\n";
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		byte[] bom = new byte[utf8.length + 3];
		bom[0] = (byte) 0xEF;
		bom[1] = (byte) 0xBB;
		bom[2] = (byte) 0xBF;
		System.arraycopy(utf8, 0, bom, 3, utf8.length);
		byte[] gbk = text.getBytes(Charset.forName("GBK"));
		for (byte[] bytes : List.of(utf8, bom, gbk)) {
			List<SheetRow> rows = SheetFiles.read(bytes);
			assertThat(rows).extracting(SheetRow::line).containsExactly(1, 2, 3, 4, 6);
			assertThat(rows.get(0).cells()).containsExactly("学生姓名", "班级", "留守类型", "家庭住址");
			assertThat(rows.get(1).cells()).containsExactly("王小明", "三年级(1)班", "父母都外出", "青山村3组，12号");
			assertThat(rows.get(3).cells()).containsExactly("李小红", "三年级1班", "否", "多行\n地址");
			assertThat(rows.get(4).cells()).containsExactly("赵小军", "三年级1班", "否", "说\"好\"");
		}
		assertThat(SheetFiles.detectCharset(gbk)).isEqualTo(SheetFiles.GBK);
		assertThat(SheetFiles.detectCharset(bom)).isEqualTo(StandardCharsets.UTF_8);
	}

	@Test
	void csvAndXlsxWrittenByTheExportReadBackTheSame() throws Exception {
		List<List<String>> rows = new ArrayList<>();
		rows.add(ArchiveColumn.headers());
		List<String> child = new ArrayList<>();
		for (ArchiveColumn column : ArchiveColumn.values()) {
			child.add(column == ArchiveColumn.HOME_ADDRESS ? "=1+1, \"村\"\n2组" : column.header() + "值");
		}
		rows.add(child);
		for (byte[] bytes : List.of(SheetFiles.writeCsv(rows), SheetFiles.writeXlsx("名单", rows))) {
			List<SheetRow> read = SheetFiles.read(bytes);
			assertThat(read).hasSize(2);
			assertThat(read.get(0).cells()).isEqualTo(rows.get(0));
			assertThat(read.get(1).cells()).isEqualTo(rows.get(1));
		}
		assertThat(new String(SheetFiles.writeCsv(rows), StandardCharsets.UTF_8)).contains("\"'=1+1, \"\"村\"\"\n2组\"");
	}

	@Test
	void somethingThatIsNoSpreadsheetIsUnreadable() {
		byte[] zip = { 'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6 };
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> SheetFiles.read(zip))
			.isInstanceOf(SheetFiles.UnreadableFileException.class);
	}

}
