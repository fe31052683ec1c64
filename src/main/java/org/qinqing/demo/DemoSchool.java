package org.qinqing.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.qinqing.people.CardField;
import org.qinqing.people.Child;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.School;
import org.qinqing.people.SchoolClass;

/**
 * Generates the demo school from a fixed seed, so every run (and every test) sees the same people.
 * Names are drawn from common characters; any likeness to real people is chance.
 */
final class DemoSchool {

	static final int CLASSES = 6;

	static final School SCHOOL = new School("sch1", "青山村小学（演示）");

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙胡朱高林何郭罗梁宋郑谢韩唐冯";

	private static final String CHILD_CHARS = "子涵梓萱浩宇欣怡俊杰雨轩诗琪明轩佳怡思远嘉豪紫萱晨阳若曦一诺天佑";

	private static final String ADULT_MALE = "建国志强海军永红国平德明春生立新文斌";

	private static final String ADULT_FEMALE = "秀英桂兰玉梅丽华凤霞春燕红梅淑珍";

	private static final String[] GRADE_NAMES = { "一", "二", "三", "四", "五", "六" };

	private final Random random = new Random(20261128L);

	final List<SchoolClass> classes = new ArrayList<>();

	final List<Child> children = new ArrayList<>();

	final List<Person> people = new ArrayList<>();

	/** Contact cards by child id. */
	final Map<String, Map<CardField, String>> cards = new LinkedHashMap<>();

	private static final String[] CITIES = { "广州", "深圳", "东莞", "杭州", "宁波", "上海", "苏州", "佛山" };

	private static final String[] WORK_UNITS = { "电子厂", "建筑工地", "服装厂", "物流公司", "餐馆", "家具厂" };

	private static final String[] OCCUPATIONS = { "务农", "务农", "务农", "打零工", "在家" };

	private static final String[] HEALTH = { "良好", "良好", "一般", "高血压，能照顾孩子" };

	/** Per family: which person plays which part, to pick simulator personas. */
	final Map<String, List<Person>> families = new LinkedHashMap<>();

	static DemoSchool generate() {
		DemoSchool school = new DemoSchool();
		school.build();
		return school;
	}

	private void build() {
		List<Person> teachers = new ArrayList<>();
		for (int i = 1; i <= 14; i++) {
			teachers.add(new Person(id("t", i), Role.TEACHER, surname() + adult(i % 2 == 0), "", List.of(), List.of()));
		}
		for (int grade = 1; grade <= CLASSES; grade++) {
			Person head = teachers.get(grade - 1);
			this.classes.add(new SchoolClass(id("c", grade), SCHOOL.id(), grade, 1, GRADE_NAMES[grade - 1] + "年级(1)班", head.id()));
		}
		int childCount = 0;
		int family = 0;
		int leftBehind = 0;
		// 126 families, every 12th with a younger sibling two grades below: ~137 pupils
		for (int f = 1; f <= 126; f++) {
			family++;
			String familyId = id("f", family);
			String surname = surname();
			int grade = 1 + (f - 1) % CLASSES;
			boolean twoChildren = f % 12 == 0 && grade > 2;
			LeftBehindType type = leftBehindType(f);
			List<String> childIds = new ArrayList<>();
			int[] grades = twoChildren ? new int[] { grade, grade - 2 } : new int[] { grade };
			for (int g : grades) {
				childCount++;
				String childId = id("s", childCount);
				String teacher = type.isLeftBehind() ? teachers.get(leftBehind++ / 3 % teachers.size()).id() : "";
				this.children.add(new Child(childId, surname + childName(), id("c", g), type, familyId, teacher));
				childIds.add(childId);
			}
			List<Person> members = new ArrayList<>();
			members.add(new Person(id("p", family * 3 - 2), Role.PARENT, surname + adult(false), "父亲", childIds,
					List.of(), fakePhone(family, 1)));
			members.add(new Person(id("p", family * 3 - 1), Role.PARENT, surname() + adult(true), "母亲", childIds,
					List.of(), fakePhone(family, 2)));
			if (type.isLeftBehind()) {
				boolean grandmother = this.random.nextBoolean();
				members.add(new Person(id("p", family * 3), Role.GUARDIAN, surname + adult(grandmother),
						grandmother ? "祖母" : "祖父", childIds, List.of(), fakePhone(family, 5)));
			}
			for (String childId : childIds) {
				this.cards.put(childId, card(family, type, members, childIds.indexOf(childId)));
			}
			this.families.put(familyId, members);
			this.people.addAll(members);
		}
		for (Person teacher : teachers) {
			List<String> paired = this.children.stream()
				.filter(c -> c.pairedTeacherId().equals(teacher.id()))
				.map(Child::id)
				.toList();
			List<String> headOf = this.classes.stream()
				.filter(c -> c.headTeacherId().equals(teacher.id()))
				.map(SchoolClass::id)
				.toList();
			this.people.add(new Person(teacher.id(), Role.TEACHER, teacher.name(), "", paired, headOf));
		}
		this.people.add(new Person("a1", Role.ADMIN, surname() + adult(false), "", List.of(),
				this.classes.stream().map(SchoolClass::id).toList()));
	}

	/** A filled-in card; about one left-behind card in eight misses a field, as real archives do. */
	private Map<CardField, String> card(int family, LeftBehindType type, List<Person> members, int sibling) {
		Map<CardField, String> card = new LinkedHashMap<>();
		card.put(CardField.CHILD_GENDER, this.random.nextBoolean() ? "男" : "女");
		card.put(CardField.CHILD_BIRTH_DATE, (2014 + this.random.nextInt(6)) + "-0" + (1 + this.random.nextInt(9))
				+ "-1" + this.random.nextInt(10));
		card.put(CardField.HOME_ADDRESS, "演示县青山村" + (1 + family % 9) + "组" + (family + 10) + "号");
		card.put(CardField.FATHER_NAME, members.get(0).name());
		card.put(CardField.FATHER_PHONE, fakePhone(family, 1));
		card.put(CardField.MOTHER_NAME, members.get(1).name());
		card.put(CardField.MOTHER_PHONE, fakePhone(family, 2));
		String city = CITIES[family % CITIES.length];
		String unit = city + "某" + WORK_UNITS[family % WORK_UNITS.length];
		if (type == LeftBehindType.FATHER_AWAY || type == LeftBehindType.BOTH_AWAY) {
			card.put(CardField.FATHER_WORK_CITY, city);
			card.put(CardField.FATHER_WORK_UNIT, unit);
			card.put(CardField.FATHER_WORK_UNIT_ADDRESS, city + "市工业区" + (family % 20 + 1) + "号");
			card.put(CardField.FATHER_WORK_UNIT_PHONE, fakePhone(family, 3));
		}
		if (type == LeftBehindType.MOTHER_AWAY || type == LeftBehindType.BOTH_AWAY) {
			card.put(CardField.MOTHER_WORK_CITY, city);
			card.put(CardField.MOTHER_WORK_UNIT, unit);
			card.put(CardField.MOTHER_WORK_UNIT_ADDRESS, city + "市工业区" + (family % 20 + 1) + "号");
			card.put(CardField.MOTHER_WORK_UNIT_PHONE, fakePhone(family, 4));
		}
		if (type.isLeftBehind()) {
			Person guardian = members.get(2);
			card.put(CardField.GUARDIAN_NAME, guardian.name());
			card.put(CardField.GUARDIAN_RELATION, guardian.relation());
			card.put(CardField.GUARDIAN_OCCUPATION, OCCUPATIONS[family % OCCUPATIONS.length]);
			card.put(CardField.GUARDIAN_ADDRESS, "同家庭住址");
			card.put(CardField.GUARDIAN_PHONE, fakePhone(family, 5));
			card.put(CardField.GUARDIAN_HEALTH, HEALTH[family % HEALTH.length]);
			card.put(CardField.GUARDIAN_AGE, String.valueOf(55 + family % 15));
			if (family % 8 == 1 && sibling == 0) {
				card.remove(family % 16 == 1 ? CardField.GUARDIAN_HEALTH : CardField.FATHER_WORK_UNIT_PHONE);
			}
		}
		return card;
	}

	/** 199 0000 xxxx: a range no real subscriber has, so demo data never reaches a real phone. */
	private static String fakePhone(int family, int member) {
		return String.format("1990000%04d", (family * 7 + member) % 10000);
	}

	/** About 30% of families work away: ~40 left-behind pupils, mostly both parents away, as in the plans. */
	private LeftBehindType leftBehindType(int family) {
		return switch (family % 10) {
			case 1, 4 -> LeftBehindType.BOTH_AWAY;
			case 7 -> this.random.nextBoolean() ? LeftBehindType.FATHER_AWAY : LeftBehindType.MOTHER_AWAY;
			default -> LeftBehindType.NONE;
		};
	}

	private String surname() {
		return String.valueOf(SURNAMES.charAt(this.random.nextInt(SURNAMES.length())));
	}

	private String childName() {
		int at = this.random.nextInt(CHILD_CHARS.length() / 2) * 2;
		return CHILD_CHARS.substring(at, at + 2);
	}

	private String adult(boolean female) {
		String chars = female ? ADULT_FEMALE : ADULT_MALE;
		int at = this.random.nextInt(chars.length() / 2) * 2;
		return chars.substring(at, at + 2);
	}

	private static String id(String prefix, int n) {
		return prefix + n;
	}

}
