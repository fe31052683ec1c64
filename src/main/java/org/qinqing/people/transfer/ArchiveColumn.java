package org.qinqing.people.transfer;

import java.util.List;

import org.qinqing.people.CardField;

/**
 * The columns of the class list, in the order of the template and the export. The headers are the
 * file format (what schools' own sheets say), so they live here rather than in a message bundle;
 * a few other spellings schools use are accepted on import.
 */
enum ArchiveColumn {

	NAME("学生姓名", null, "姓名", "学生"), SCHOOL("学校", null, "学校名称", "所在学校", "就读学校", "学校全称"),
	CLASS("班级", null, "所在班级"), GENDER("性别", CardField.CHILD_GENDER),
	BIRTH_DATE("出生日期", CardField.CHILD_BIRTH_DATE, "出生年月日", "出生年月", "生日"), LEFT_BEHIND("留守类型", null, "留守情况"),
	HOME_ADDRESS("家庭住址", CardField.HOME_ADDRESS, "家庭地址", "住址"),
	FATHER_NAME("父亲姓名", CardField.FATHER_NAME), FATHER_PHONE("父亲电话", CardField.FATHER_PHONE, "父亲手机", "父亲联系电话"),
	FATHER_WORK_CITY("父亲务工城市", CardField.FATHER_WORK_CITY, "父亲务工地"),
	FATHER_WORK_UNIT("父亲工作单位", CardField.FATHER_WORK_UNIT),
	FATHER_WORK_UNIT_ADDRESS("父亲单位地址", CardField.FATHER_WORK_UNIT_ADDRESS),
	FATHER_WORK_UNIT_PHONE("父亲单位电话", CardField.FATHER_WORK_UNIT_PHONE),
	MOTHER_NAME("母亲姓名", CardField.MOTHER_NAME), MOTHER_PHONE("母亲电话", CardField.MOTHER_PHONE, "母亲手机", "母亲联系电话"),
	MOTHER_WORK_CITY("母亲务工城市", CardField.MOTHER_WORK_CITY, "母亲务工地"),
	MOTHER_WORK_UNIT("母亲工作单位", CardField.MOTHER_WORK_UNIT),
	MOTHER_WORK_UNIT_ADDRESS("母亲单位地址", CardField.MOTHER_WORK_UNIT_ADDRESS),
	MOTHER_WORK_UNIT_PHONE("母亲单位电话", CardField.MOTHER_WORK_UNIT_PHONE),
	GUARDIAN_NAME("监护人姓名", CardField.GUARDIAN_NAME), GUARDIAN_RELATION("与孩子关系", CardField.GUARDIAN_RELATION, "与儿童关系", "监护人与孩子关系"),
	GUARDIAN_OCCUPATION("监护人职业", CardField.GUARDIAN_OCCUPATION),
	GUARDIAN_ADDRESS("监护人住址", CardField.GUARDIAN_ADDRESS, "监护人地址"),
	GUARDIAN_PHONE("监护人电话", CardField.GUARDIAN_PHONE, "监护人手机", "监护人联系电话"),
	GUARDIAN_HEALTH("监护人身体状况", CardField.GUARDIAN_HEALTH, "监护人健康状况"),
	GUARDIAN_AGE("监护人年龄", CardField.GUARDIAN_AGE);

	private final String header;

	private final CardField field;

	private final List<String> aliases;

	ArchiveColumn(String header, CardField field, String... aliases) {
		this.header = header;
		this.field = field;
		this.aliases = List.of(aliases);
	}

	String header() {
		return this.header;
	}

	/** The card field this column fills, or null for the child's own record (name, school, class, left-behind type). */
	CardField field() {
		return this.field;
	}

	static ArchiveColumn ofHeader(String text) {
		String wanted = Normalize.header(text);
		for (ArchiveColumn column : values()) {
			if (Normalize.header(column.header).equals(wanted)) {
				return column;
			}
			for (String alias : column.aliases) {
				if (Normalize.header(alias).equals(wanted)) {
					return column;
				}
			}
		}
		return null;
	}

	static List<String> headers() {
		return java.util.Arrays.stream(values()).map(ArchiveColumn::header).toList();
	}

}
