package org.qinqing.parenting;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.qinqing.people.Child;
import org.qinqing.people.Directory;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.support.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lesson's page in Chromium on a 360 px phone: large type, nothing wider than the screen, no script or CSP
 * violation, the answer chosen and sent with the page's own form ({@code target/screenshots/lesson.png},
 * {@code lesson-answered.png}); and the console's reach page for the school's leader ({@code reach.png}).
 */
class LessonPageBrowserTests extends BrowserTestSupport {

	@Autowired
	private LessonLinks links;

	@Autowired
	private LessonCatalogue catalogue;

	@Autowired
	private Directory directory;

	@Autowired
	private Learners learners;

	private void noViolations(String page) {
		assertThat(consoleLog().stream()
			.filter(line -> line.contains("Content Security Policy") || line.contains("Uncaught"))
			.toList()).as(page).isEmpty();
	}

	private void fitsThePhone() {
		long innerWidth = ((Number) js("return window.innerWidth")).longValue();
		assertThat(((Number) js("return document.documentElement.scrollWidth")).longValue()).isLessThanOrEqualTo(innerWidth);
	}

	@Test
	void aGrandmotherReadsAndAnswersOnA360PixelPhone() {
		String id = UUID.randomUUID().toString().substring(0, 8);
		Child child = new Child("lb-c-" + id, "林晓雨", "", LeftBehindType.BOTH_AWAY, "lb-f-" + id, "");
		this.records.save(TENANT, child);
		Person grandma = new Person("lb-p-" + id, Role.GUARDIAN, "林秀英", "祖母", List.of(child.id()), List.of());
		this.records.save(TENANT, grandma);
		this.directory.bind(TENANT, "lesson-browser-" + id, grandma.id());
		// the lesson with the longest body and three answers: the hardest to fit
		Lesson lesson = this.catalogue.all().stream()
			.filter(l -> l.question().options().size() == 3)
			.max(java.util.Comparator.comparingInt(l -> l.body().length()))
			.orElseThrow();

		browser.manage().deleteAllCookies();
		browser.manage().window().setSize(new Dimension(360, 800));
		browser.get(url(this.links.path(TENANT, lesson.id(), grandma.id())));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(lesson.title());
		assertThat(browser.findElement(By.cssSelector(".body")).getText()).contains(lesson.lines().get(0));
		assertThat(browser.findElement(By.cssSelector(".body p")).getCssValue("font-size")).isEqualTo("21px");
		assertThat(browser.findElements(By.tagName("script"))).isEmpty();
		fitsThePhone();
		noViolations("lesson");
		saveScreenshot("lesson.png");
		assertThat(this.learners.history(TENANT, grandma.id()).read()).containsKey(lesson.id());

		int right = lesson.question().answer();
		WebElement option = browser.findElements(By.cssSelector("label.option")).get(right - 1);
		assertThat(option.getSize().getHeight()).isGreaterThanOrEqualTo(48);
		option.click();
		WebElement submit = browser.findElement(By.cssSelector("form button[type=submit]"));
		assertThat(submit.getSize().getHeight()).isGreaterThanOrEqualTo(48);
		submit.click();
		waitFor().until(driver -> !driver.findElements(By.cssSelector(".verdict.right")).isEmpty());
		assertThat(browser.findElement(By.cssSelector(".verdict")).getText()).isEqualTo(lesson.question().right());
		fitsThePhone();
		noViolations("lesson answered");
		saveScreenshot("lesson-answered.png");
		assertThat(this.learners.history(TENANT, grandma.id()).answers().get(lesson.id()).right()).isTrue();
	}

	@Test
	void theLeaderSeesTheSchoolsReachAgainstTheTarget() {
		browser.manage().window().setSize(new Dimension(1280, 900));
		signIn(this.adminName, PASSWORD);
		browser.get(url(ReachController.PATH));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("家长课堂");
		assertThat(browser.findElement(By.cssSelector("dl.figures .reached")).getText()).endsWith("%");
		assertThat(browser.findElements(By.cssSelector("table.reach tbody tr"))).hasSizeGreaterThanOrEqualTo(6);
		assertThat(browser.findElement(By.cssSelector("form.remind")).getText()).contains("提醒未读");
		noViolations("reach");
		saveScreenshot("reach.png");
		browser.get(url("/console"));
		assertThat(browser.getPageSource()).contains("家长学校普及率").doesNotContain("即将开放</");
		noViolations("dashboard");
		saveScreenshot("dashboard-parenting.png");
	}

}
