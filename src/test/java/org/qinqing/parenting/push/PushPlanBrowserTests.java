package org.qinqing.parenting.push;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.qinqing.support.BrowserTestSupport;
import org.qinqing.support.TestDates;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The 家长课堂推送 page in a real Chromium at 360 px: reached from 定时任务, the figures readable, no sideways scroll. */
class PushPlanBrowserTests extends BrowserTestSupport {

	@Autowired
	PushStore store;

	@Test
	void anAdminReadsThePushPlanOnAPhone() {
		// a week far ahead of the real clock, so it is this context's latest and nothing runs it
		LocalDate week = TestDates.TODAY.with(TemporalAdjusters.next(DayOfWeek.FRIDAY)).plusWeeks(40);
		List<String> ids = IntStream.range(0, 250).mapToObj(i -> "browser-" + i).toList();
		PushPlan plan = PushPlan.of(java.util.Map.of(), week, 90, 90, 250);
		this.store.snapshot(TENANT, week, ids, plan, java.time.Instant.now());
		this.store.startDay(TENANT, week, week, 90, plan);
		this.store.advance(TENANT, week, 0, 40, 40, 38, 2, 0, week);

		signIn(this.adminName, PASSWORD);
		browser.manage().window().setSize(new Dimension(360, 800));
		browser.get(url("/console/admin/jobs"));
		browser.findElement(By.cssSelector("main a[href='/console/parenting/push']")).click();
		waitFor().until(driver -> driver.getCurrentUrl().endsWith("/console/parenting/push"));
		String page = browser.findElement(By.tagName("main")).getText();
		assertThat(page).contains("家长课堂推送", "已处理 40 / 250 人（16%）", "每天的计划", "联系不上的人");
		assertThat(browser.findElements(By.cssSelector("main progress"))).hasSize(1);
		long innerWidth = ((Number) js("return window.innerWidth")).longValue();
		assertThat(innerWidth).isLessThanOrEqualTo(360);
		assertThat(((Number) js("return document.documentElement.scrollWidth")).longValue()).isLessThanOrEqualTo(innerWidth);
		saveScreenshot("push-plan-phone.png");
		assertThat(consoleLog()).noneMatch(line -> line.contains("Content Security Policy"));
	}

}
