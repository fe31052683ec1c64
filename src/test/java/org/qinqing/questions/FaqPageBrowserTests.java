package org.qinqing.questions;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.qinqing.support.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 常见问题 page in a real Chromium at phone width: type a question, see the scores and the reply; and a topic's
 * page: edit its answer (in a school of the test's own), see the history.
 */
class FaqPageBrowserTests extends BrowserTestSupport {

	@Test
	void anAdminTriesAQuestionOnAPhone() {
		signIn(this.adminName, PASSWORD);
		browser.manage().window().setSize(new Dimension(360, 800));
		browser.get(url("/console"));
		browser.findElement(By.cssSelector("header nav a[href='/console/admin/faq']")).click();
		WebElement question = waitFor().until(driver -> driver.findElement(By.id("faq-q")));
		question.sendKeys("我家孙子发烧了在学校谁管", Keys.ENTER);
		waitFor().until(driver -> !driver.findElements(By.cssSelector("table.faq-scores tbody tr")).isEmpty());
		assertThat(browser.findElement(By.cssSelector(".faq-result .notice")).getText()).startsWith("会回答：");
		assertThat(browser.findElements(By.cssSelector("table.faq-scores meter"))).hasSizeBetween(1, 3);
		assertThat(browser.findElement(By.cssSelector(".faq-answer")).getText()).contains("老师会照顾");
		long innerWidth = ((Number) js("return window.innerWidth")).longValue();
		assertThat(innerWidth).isLessThanOrEqualTo(360);
		assertThat(((Number) js("return document.documentElement.scrollWidth")).longValue()).isLessThanOrEqualTo(innerWidth);
		saveScreenshot("faq-phone.png");
		assertThat(consoleLog()).noneMatch(line -> line.contains("Content Security Policy"));
	}

	@Test
	void anAdminEditsAnAnswerOnAPhone() {
		String id = UUID.randomUUID().toString().substring(0, 8);
		String admin = "faq-phone-" + id;
		this.accounts.save(new StaffUser(admin, TENANT + "-faq-phone-" + id, StaffRole.ADMIN, "", "教务处"), PASSWORD);
		signIn(admin, PASSWORD);
		browser.manage().window().setSize(new Dimension(360, 800));
		browser.get(url("/console/admin/faq/school-hours"));
		WebElement answer = waitFor().until(driver -> driver.findElement(By.name("answer")));
		answer.clear();
		answer.sendKeys("本校夏天 7:50 上学，下午 4:30 放学；冬天晚半小时。");
		browser.findElement(By.cssSelector("form.faq-edit button[type=submit]")).click();
		waitFor().until(driver -> !driver.findElements(By.cssSelector("p.notice")).isEmpty());
		assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("第 1 版");
		assertThat(browser.findElement(By.cssSelector(".faq-history")).getText()).contains("本校夏天 7:50", "教务处");
		long innerWidth = ((Number) js("return window.innerWidth")).longValue();
		assertThat(((Number) js("return document.documentElement.scrollWidth")).longValue()).isLessThanOrEqualTo(innerWidth);
		saveScreenshot("faq-topic-phone.png");
		assertThat(consoleLog()).noneMatch(line -> line.contains("Content Security Policy"));
	}

}
