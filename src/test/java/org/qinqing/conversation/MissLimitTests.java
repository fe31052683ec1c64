package org.qinqing.conversation;

import org.junit.jupiter.api.Test;
import org.qinqing.calls.CallFamily;
import org.qinqing.people.Directory;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** After three wrong answers in a row, each user is pointed to someone they can actually turn to. */
class MissLimitTests extends PortalTestSupport {

	@Autowired
	SchoolRecords records;

	@Autowired
	Directory directory;

	/** Three answers that fit no question; the third reply. */
	private String missThreeTimes(String openid) {
		say(openid, "7");
		say(openid, "好的");
		return say(openid, "啊");
	}

	private String classId() {
		return this.records.ids(TENANT, "class").get(0);
	}

	@Test
	void aTeacherIsPointedToTheSchoolOfficeNotToAHeadTeacher() {
		String teacher = CallFamily.teacher(this.records, this.directory, TENANT, classId());
		resetSession(teacher);
		assertThat(say(teacher, "解除绑定")).contains("确定要解除绑定吗");
		String third = missThreeTimes(teacher);
		assertThat(third).contains("好像不太顺利", "学校管理员或德育处", "回复「帮助」").doesNotContain("班主任");
	}

	@Test
	void aParentAndAGrandparentArePointedToTheHeadTeacher() {
		for (Role role : new Role[] { Role.PARENT, Role.GUARDIAN }) {
			CallFamily family = CallFamily.create(this.records, this.directory, TENANT, role, classId());
			resetSession(family.openid());
			assertThat(say(family.openid(), "给学校留言")).contains("哪方面");
			assertThat(missThreeTimes(family.openid())).as(role.code()).contains("好像不太顺利", "直接联系班主任");
		}
	}

	@Test
	void aVisitorIsPointedToTheSchool() {
		String visitor = "miss-visitor-" + System.nanoTime();
		resetSession(visitor);
		assertThat(say(visitor, "给学校留言")).contains("哪方面");
		assertThat(missThreeTimes(visitor)).contains("好像不太顺利", "直接联系学校").doesNotContain("班主任");
	}

}
