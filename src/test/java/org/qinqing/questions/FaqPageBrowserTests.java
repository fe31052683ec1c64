package org.qinqing.questions;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.qinqing.support.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The 常见问题 page in a real Chromium at phone width: type a question, see the scores and the reply. */
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

}
