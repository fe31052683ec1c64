package org.qinqing.people.transfer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Class lists as a school's admin would upload them: one row per child with the father, often the mother
 * and a grandparent guardian, each with their own phone. Phones are {@code 13<base><row>}: a test picks a
 * base of its own, so its families never meet another test's by phone.
 */
final class ClassLists {

	static final List<String> HEADER = List.of("学生姓名", "班级", "性别", "出生日期", "留守类型", "父亲姓名", "父亲电话", "母亲姓名",
			"母亲电话", "监护人姓名", "与孩子关系", "监护人电话");

	/** One child's row and the adults it names. */
	record Family(String child, String className, String birthDate, String father, String fatherPhone, String mother,
			String motherPhone, String guardian, String relation, String guardianPhone) {

		List<String> cells() {
			return List.of(this.child, this.className, "女", this.birthDate, "父母都外出", this.father, this.fatherPhone,
					this.mother, this.motherPhone, this.guardian, this.relation, this.guardianPhone);
		}

		/** The adults this row names, by name. */
		List<String> adults() {
			List<String> adults = new ArrayList<>();
			for (String name : List.of(this.father, this.mother, this.guardian)) {
				if (!name.isEmpty()) {
					adults.add(name);
				}
			}
			return adults;
		}

	}

	private ClassLists() {
	}

	/**
	 * {@code count} families of one class: every father, every other child's mother, every third child's
	 * grandmother as guardian (so 1 to 3 adults a child). {@code tag} keeps names apart between runs' tests.
	 */
	static List<Family> families(int count, String className, String tag, int phoneBase) {
		List<Family> families = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			boolean mother = i % 2 == 0;
			boolean guardian = i % 3 == 0;
			families.add(new Family("林" + tag + "童" + i, className, "2016-0" + (1 + i % 9) + "-1" + (i % 10),
					"林" + tag + "父" + i, phone(phoneBase, 3 * i), mother ? "苏" + tag + "母" + i : "",
					mother ? phone(phoneBase, 3 * i + 1) : "", guardian ? "林" + tag + "奶" + i : "", guardian ? "祖母" : "",
					guardian ? phone(phoneBase, 3 * i + 2) : ""));
		}
		return families;
	}

	/** A mobile number no other test uses: 13, the base's two digits (50..99), then seven digits. */
	static String phone(int base, int n) {
		return String.format("13%02d%07d", base, n);
	}

	static int adults(List<Family> families) {
		return families.stream().mapToInt(f -> f.adults().size()).sum();
	}

	static byte[] csv(List<Family> families) {
		StringBuilder text = new StringBuilder(String.join(",", HEADER)).append("\r\n");
		for (Family family : families) {
			text.append(String.join(",", family.cells())).append("\r\n");
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The same rows as an Excel file whose phones are number cells, as a spreadsheet makes them. */
	static byte[] xlsx(List<Family> families) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("名单");
			Row header = sheet.createRow(0);
			for (int c = 0; c < HEADER.size(); c++) {
				header.createCell(c).setCellValue(HEADER.get(c));
			}
			for (int r = 0; r < families.size(); r++) {
				Row row = sheet.createRow(r + 1);
				List<String> cells = families.get(r).cells();
				for (int c = 0; c < cells.size(); c++) {
					String value = cells.get(c);
					if (HEADER.get(c).endsWith("电话") && !value.isEmpty()) {
						row.createCell(c).setCellValue(Double.parseDouble(value));
					}
					else {
						row.createCell(c).setCellValue(value);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
