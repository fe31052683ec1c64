package org.qinqing.parenting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qinqing.people.Role;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.ConsoleBrowser.Page;
import org.qinqing.system.SchoolTime;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lesson's signed page through real HTTP: opening it marks the lesson read once; the question posted without any
 * CSRF token marks it learned and the page says kindly whether it was right; a tampered, another person's or unknown
 * link is a clear Chinese 404 that records nothing. And the weekly push's message: its key, the way to answer in chat,
 * the link that opens the page; the same lesson for a retried week, the next for the next week.
 */
class LessonPageTests extends ParentingTestSupport {

	@Autowired
	LessonLinks links;

	@Autowired
	LessonDeliveries deliveries;

	private ConsoleBrowser phone() {
		return new ConsoleBrowser(this.port);
	}

	@Test
	void openingThePageMarksTheLessonReadOnce() {
		Family grandma = family(Role.GUARDIAN, 3);
		String path = this.links.path(SCHOOL, "fixture-phone", grandma.adult().id());
		Page page = phone().get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("孩子玩手机，怎么管", "和孩子约好：作业写完再玩。", "答一答", "1. 给他玩，不然他哭",
				"提交答案").doesNotContain("<script");
		assertThat(page.header("Set-Cookie")).isNull();
		var first = this.learners.history(SCHOOL, grandma.adult().id()).read().get("fixture-phone");
		assertThat(first).isNotNull();
		this.clock.advance(Duration.ofHours(3));
		assertThat(phone().get(path).status()).isEqualTo(200);
		assertThat(this.learners.history(SCHOOL, grandma.adult().id()).read().get("fixture-phone")).isEqualTo(first);
	}

	@Test
	void answeringOnThePageMarksItLearnedAndSaysKindlyWhetherItWasRight() {
		Family grandma = family(Role.GUARDIAN, 3);
		String path = this.links.path(SCHOOL, "fixture-phone", grandma.adult().id());
		String p = grandma.adult().id();
		String s = path.substring(path.indexOf("&s=") + 3);
		ConsoleBrowser phone = phone();
		Page nothing = phone.postWithoutToken("/lessons/" + SCHOOL + "/fixture-phone/answer", Map.of("p", p, "s", s));
		assertThat(nothing.status()).isEqualTo(400);
		assertThat(nothing.body()).contains("请先选一个答案");
		Page wrong = phone.postWithoutToken("/lessons/" + SCHOOL + "/fixture-phone/answer",
				Map.of("p", p, "s", s, "choice", "1"));
		assertThat(wrong.status()).isEqualTo(302);
		assertThat(phone.get(path).body()).contains("不要紧，正确的是第2个", "您选的是：1. 给他玩，不然他哭", "重新答一次");
		phone.postWithoutToken("/lessons/" + SCHOOL + "/fixture-phone/answer", Map.of("p", p, "s", s, "choice", "2"));
		assertThat(phone.get(path).body()).contains("答对了！先写作业再玩");
		History history = this.learners.history(SCHOOL, p);
		assertThat(history.answers().get("fixture-phone").right()).isTrue();
		assertThat(history.read()).containsKey("fixture-phone");
	}

	@Test
	void aWrongLinkIsAClearPageAndRecordsNothing() {
		Family grandma = family(Role.GUARDIAN, 3);
		Family other = family(Role.GUARDIAN, 3);
		String p = grandma.adult().id();
		String good = this.links.path(SCHOOL, "fixture-phone", p);
		String signature = good.substring(good.indexOf("&s=") + 3);
		List<String> bad = List.of(good.substring(0, good.length() - 2) + "xx",
				"/lessons/" + SCHOOL + "/fixture-phone?p=" + other.adult().id() + "&s=" + signature,
				"/lessons/" + SCHOOL + "/fixture-call?p=" + p + "&s=" + signature,
				"/lessons/" + SCHOOL + "/no-such-lesson?p=" + p + "&s=" + signature, "/lessons/" + SCHOOL + "/fixture-phone");
		for (String path : bad) {
			Page page = phone().get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.body()).as(path).contains("打不开这一课", "回复「家长课堂」");
		}
		Page forged = phone().postWithoutToken("/lessons/" + SCHOOL + "/fixture-phone/answer",
				Map.of("p", other.adult().id(), "s", signature, "choice", "2"));
		assertThat(forged.status()).isEqualTo(404);
		assertThat(this.learners.history(SCHOOL, p).read()).isEmpty();
		assertThat(this.learners.history(SCHOOL, other.adult().id()).read()).isEmpty();
		assertThat(this.learners.history(SCHOOL, other.adult().id()).answers()).isEmpty();
	}

	@Test
	void theAudienceIsTheBoundParentsAndGuardiansOfChildren() {
		Family bound = family(Role.GUARDIAN, 2);
		Family unbound = family(Role.PARENT, 2);
		this.directory.unbindAll(SCHOOL, unbound.openid());
		String teacher = "pt-" + bound.adult().id();
		this.records.save(SCHOOL, new org.qinqing.people.Person(teacher, Role.TEACHER, "周明", "", List.of(),
				List.of(bound.schoolClass().id())));
		this.directory.bind(SCHOOL, "parenting-t-" + teacher, teacher);
		List<String> audience = this.deliveries.audience(SCHOOL);
		assertThat(audience).contains(bound.adult().id()).doesNotContain(unbound.adult().id(), teacher).isSorted();
	}

	@Test
	void theWeeklyPushesMessageTellsHowToAnswerAndLinksThePage() {
		Family parent = family(Role.PARENT, 2);
		String p = parent.adult().id();
		LocalDate friday = SchoolTime.today(this.clock).with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.FRIDAY));
		Map<String, org.qinqing.parenting.push.WeeklyLessons.Planned> planned = this.deliveries.compose(SCHOOL, List.of(p, "nobody"), friday);
		assertThat(planned).containsOnlyKeys(p);
		org.qinqing.parenting.push.WeeklyLessons.Planned mine = planned.get(p);
		Lesson lesson = this.catalogue.find(mine.lessonId()).orElseThrow();
		assertThat(lesson.audience()).isNotEqualTo(Audience.GUARDIAN);
		assertThat(mine.message().kind()).isEqualTo("lesson");
		assertThat(mine.message().key()).isEqualTo("lesson:" + SCHOOL + ":" + friday + ":" + p);
		assertThat(mine.message().urgent()).isFalse();
		assertThat(mine.message().text()).contains(lesson.summary(), lesson.question().ask(), "回复「家长课堂」");
		assertThat(mine.message().fields()).containsEntry("lesson", lesson.title());
		String url = mine.message().url();
		assertThat(url).startsWith("http://").contains("/lessons/" + SCHOOL + "/" + lesson.id());
		assertThat(phone().get(url.substring(url.indexOf("/lessons/"))).status()).isEqualTo(200);

		// composing marks nothing; once sent, a retry of the week gets the same lesson and the next week another
		assertThat(this.learners.history(SCHOOL, p).had()).isEmpty();
		this.deliveries.recordSent(SCHOOL, friday, Map.of(p, lesson.id()), this.clock.instant());
		assertThat(this.deliveries.compose(SCHOOL, List.of(p), friday).get(p).lessonId()).isEqualTo(lesson.id());
		assertThat(this.deliveries.compose(SCHOOL, List.of(p), friday.plusWeeks(1)).get(p).lessonId())
			.isNotEqualTo(lesson.id());
		// a parent has two fixture lessons: after both, the weekly lesson is one of them again, to go over
		String next = this.deliveries.compose(SCHOOL, List.of(p), friday.plusWeeks(1)).get(p).lessonId();
		this.deliveries.recordSent(SCHOOL, friday.plusWeeks(1), Map.of(p, next), this.clock.instant());
		assertThat(this.deliveries.compose(SCHOOL, List.of(p), friday.plusWeeks(2)).get(p).lessonId())
			.isIn(lesson.id(), next);
	}

}
