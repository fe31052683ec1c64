package org.qinqing.parenting;

import org.junit.jupiter.api.Test;
import org.qinqing.people.Role;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 家长课堂 through the real portal: this week's lesson (summary, link, numbered answers), the answer by its number
 * marks it learned and says kindly whether it was right; a keyword pulls its lesson; 上一课/下一课 move through them;
 * 退订 (confirmed) takes the person out of the weekly push's audience and 订阅 brings them back; visitors and staff
 * hear where they stand; voice works as typed.
 */
class ParentingChatTests extends ParentingTestSupport {

	@Autowired
	LessonDeliveries deliveries;

	@Test
	void aGrandmotherGetsThisWeeksLessonByVoiceAndAnswersByNumber() {
		Family grandma = family(Role.GUARDIAN, 3);
		Lesson expected = this.catalogue.selection().next(learner(grandma), org.qinqing.system.SchoolTime.today(this.clock))
			.orElseThrow();
		String reply = speak(grandma.openid(), "家长课堂。");
		assertThat(reply).contains("这周的家长课堂", expected.title(), expected.summary(), expected.question().ask(),
				"1. " + expected.question().options().get(0), "/lessons/" + SCHOOL + "/" + expected.id() + "?p=");
		// the same lesson again within the week, not the next one
		assertThat(say(grandma.openid(), "家长课堂")).contains(expected.title());
		String right = String.valueOf(expected.question().answer());
		assertThat(say(grandma.openid(), right)).contains(expected.question().right()).contains("下一课");
		History history = this.learners.history(SCHOOL, grandma.adult().id());
		assertThat(history.answers().get(expected.id()).right()).isTrue();
		assertThat(history.read()).containsKey(expected.id());
		// the answer is over: a digit is a menu item again
		assertThat(say(grandma.openid(), "1")).doesNotContain(expected.question().right());
	}

	@Test
	void aWrongAnswerIsToldKindlyWithTheRightOne() {
		Family parent = family(Role.PARENT, 4);
		assertThat(say(parent.openid(), "溺水")).contains("您要的这一课", "防溺水");
		assertThat(say(parent.openid(), "1")).contains("不要紧，正确的是第2个");
		History history = this.learners.history(SCHOOL, parent.adult().id());
		assertThat(history.answers().get("fixture-drowning").right()).isFalse();
		assertThat(history.had()).containsKey("fixture-drowning");
		// something else typed at the question leaves it and is read as at the menu
		say(parent.openid(), "家长课堂 溺水");
		assertThat(say(parent.openid(), "手机")).doesNotContain("请回复答案前面的数字");
	}

	@Test
	void previousAndNextMoveThroughTheLessons() {
		Family grandma = family(Role.GUARDIAN, 2);
		String first = say(grandma.openid(), "家长课堂");
		assertThat(say(grandma.openid(), "上一课")).contains("前面没有学过的课了");
		String second = say(grandma.openid(), "下一课");
		assertThat(second).contains("下一课：");
		assertThat(say(grandma.openid(), "上一课")).contains("上一课：").contains(title(first));
		assertThat(say(grandma.openid(), "下一课")).contains(title(second));
		// the guardian's fixtures are two (the phone lesson, and the drowning one out of season or in it)
		assertThat(say(grandma.openid(), "下一课")).contains("都学过了");
		assertThat(this.learners.history(SCHOOL, grandma.adult().id()).had()).hasSize(2);
	}

	@Test
	void unsubscribingStopsTheWeeklyPushAndSubscribingResumesIt() {
		Family grandma = family(Role.GUARDIAN, 5);
		String person = grandma.adult().id();
		assertThat(this.deliveries.audience(SCHOOL)).contains(person);
		assertThat(say(grandma.openid(), "退订")).contains("确定退订吗", "1. 确定退订", "2. 不退订");
		assertThat(say(grandma.openid(), "2")).contains("没有退订");
		assertThat(this.deliveries.audience(SCHOOL)).contains(person);
		say(grandma.openid(), "退订");
		assertThat(say(grandma.openid(), "1")).contains("已退订", "回复「订阅」");
		assertThat(this.deliveries.audience(SCHOOL)).doesNotContain(person);
		assertThat(say(grandma.openid(), "退订")).contains("已经退订");
		// the lessons are still there to pull
		assertThat(say(grandma.openid(), "家长课堂")).contains("这周的家长课堂");
		assertThat(speak(grandma.openid(), "订阅。")).contains("已订阅", "回复「退订」");
		assertThat(this.deliveries.audience(SCHOOL)).contains(person);
		assertThat(say(grandma.openid(), "订阅")).contains("已经订阅");
	}

	@Test
	void theGuardiansMenuItemOpensTheLessonAndVisitorsAndStaffAreToldWhereTheyStand() {
		Family grandma = family(Role.GUARDIAN, 1);
		say(grandma.openid(), "菜单");
		assertThat(say(grandma.openid(), "2")).contains("这周的家长课堂").doesNotContain("即将开放");
		resetSession("parenting-visitor");
		assertThat(say("parenting-visitor", "家长课堂")).contains("请先回复「绑定」");
		String teacher = "parenting-teacher-" + grandma.adult().id();
		this.records.save(SCHOOL, new org.qinqing.people.Person("t-" + grandma.adult().id(), Role.TEACHER, "周明", "",
				java.util.List.of(), java.util.List.of(grandma.schoolClass().id())));
		this.directory.bind(SCHOOL, teacher, "t-" + grandma.adult().id());
		resetSession(teacher);
		assertThat(say(teacher, "家长课堂")).contains("管理后台的「家长课堂」页");
		assertThat(say(teacher, "退订")).contains("管理后台");
	}

	/** The 【title】 of a chat lesson. */
	private static String title(String reply) {
		return reply.replaceAll("(?s).*?【(.*?)】.*", "$1");
	}

}
