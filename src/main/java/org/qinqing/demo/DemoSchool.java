package org.qinqing.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.qinqing.people.Child;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;

/**
 * Generates the demo school from a fixed seed, so every run (and every test) sees the same people.
 * Names are drawn from common characters; any likeness to real people is chance.
 */
final class DemoSchool {

	static final int CLASSES = 6;

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙胡朱高林何郭罗梁宋郑谢韩唐冯";

	private static final String CHILD_CHARS = "子涵梓萱浩宇欣怡俊杰雨轩诗琪明轩佳怡思远嘉豪紫萱晨阳若曦一诺天佑";

	private static final String ADULT_MALE = "建国志强海军永红国平德明春生立新文斌";

	private static final String ADULT_FEMALE = "秀英桂兰玉梅丽华凤霞春燕红梅淑珍";

	private static final String[] GRADE_NAMES = { "一", "二", "三", "四", "五", "六" };

	private final Random random = new Random(20261128L);

	final List<SchoolClass> classes = new ArrayList<>();

	final List<Child> children = new ArrayList<>();

	final List<Person> people = new ArrayList<>();

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
			this.classes.add(new SchoolClass(id("c", grade), grade, 1, GRADE_NAMES[grade - 1] + "年级(1)班", head.id()));
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
					List.of()));
			members.add(new Person(id("p", family * 3 - 1), Role.PARENT, surname() + adult(true), "母亲", childIds,
					List.of()));
			if (type.isLeftBehind()) {
				boolean grandmother = this.random.nextBoolean();
				members.add(new Person(id("p", family * 3), Role.GUARDIAN, surname + adult(grandmother),
						grandmother ? "祖母" : "祖父", childIds, List.of()));
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
