package org.qinqing.inbox;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.qinqing.console.StaffAccounts;
import org.qinqing.people.Directory;
import org.qinqing.people.Identity;
import org.qinqing.people.Role;
import org.qinqing.support.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox in Chromium: a head teacher answers from the list and the thread page (no CSP violation on either,
 * {@code target/screenshots/inbox.png}, {@code inbox-thread.png}), and the asker's page on a 360 px phone: large
 * type, nothing wider than the screen, an addition sent with the page's own form ({@code inbox-asker.png}).
 */
class InboxBrowserTests extends BrowserTestSupport {

	@Autowired
	private StaffAccounts staff;

	@Autowired
	private Directory directory;

	@Autowired
	private Inbox inbox;

	@Autowired
	private Questions questions;

	@Autowired
	private ThreadLinks links;

	private void noViolations(String page) {
		List<String> bad = consoleLog().stream()
			.filter(line -> line.contains("Content Security Policy") || line.contains("Uncaught"))
			.toList();
		assertThat(bad).as(page).isEmpty();
	}

	@Test
	void aTeacherAnswersInTheConsoleAndTheAskerAddsOnTheirPhone() {
		InboxClass mine = InboxClass.create(this.records, this.staff, TENANT, 7, "周明远");
		InboxClass.Family family = mine.family(this.records, this.directory, TENANT, "程一诺", "程建国", "父亲");
		String number = this.questions.ask(TENANT, family.openid(), family.child().id(),
				"孩子这几天晚上总说肚子疼，在学校吃饭正常吗？").orElseThrow().replaceAll("(?s).*编号 (Q\\d+).*", "$1");

		signIn(mine.username(), InboxClass.PASSWORD);
		browser.get(url("/console/inbox"));
		WebElement row = browser.findElement(By.id("thread-" + number));
		assertThat(row.getText()).contains("一诺", "六年级(7)班", "家长", "等待回复");
		noViolations("inbox");
		saveScreenshot("inbox.png");
		row.findElement(By.linkText(number)).click();
		waitFor().until(driver -> driver.getCurrentUrl().endsWith("/console/inbox/" + number));
		browser.findElement(By.name("text")).sendKeys("中午吃得不少，我明天问问校医，再告诉您。");
		browser.findElement(By.cssSelector("form.answer button[type=submit]")).click();
		waitFor().until(driver -> driver.getPageSource().contains("已回复 " + number));
		noViolations("thread");
		saveScreenshot("inbox-thread.png");
		assertThat(this.inbox.thread(TENANT, number).orElseThrow().state()).isEqualTo(InboxThread.State.ANSWERED);

		// the asker's page, opened from the push on a phone
		browser.manage().deleteAllCookies();
		browser.manage().window().setSize(new Dimension(360, 800));
		browser.get(url(this.links.path(TENANT, number, family.parent().id())));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("您的问题 " + number);
		assertThat(browser.findElement(By.cssSelector("ol.entries")).getText()).contains("周老师", "中午吃得不少")
			.doesNotContain("周明远");
		long innerWidth = ((Number) js("return window.innerWidth")).longValue();
		assertThat(((Number) js("return document.documentElement.scrollWidth")).longValue()).isLessThanOrEqualTo(innerWidth);
		assertThat(browser.findElement(By.cssSelector("ol.entries .words")).getCssValue("font-size")).isEqualTo("20px");
		WebElement send = browser.findElement(By.cssSelector("form.add button[type=submit]"));
		assertThat(send.getSize().getHeight()).isGreaterThanOrEqualTo(48);
		noViolations("asker");
		saveScreenshot("inbox-asker.png");
		browser.findElement(By.name("text")).sendKeys("好的，谢谢老师！");
		send.click();
		waitFor().until(driver -> driver.getPageSource().contains("已经发给老师了"));
		noViolations("asker after adding");
		assertThat(this.inbox.thread(TENANT, number).orElseThrow().state()).isEqualTo(InboxThread.State.OPEN);
		assertThat(this.questions.visibleTo(TENANT, new Identity(Role.TEACHER, mine.teacher().id(), ""), number))
			.get()
			.satisfies(t -> assertThat(t.entries()).hasSize(3));
	}

}
