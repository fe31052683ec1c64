package org.qinqing.talks;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.qinqing.support.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compliance matrix in Chromium on a 360 px phone, as a leader opens it from the dashboard on the demo school's
 * seeded months: every class with its rate, the months as columns, the matrix scrolling inside its own box and never
 * the page, no CSP violation ({@code target/screenshots/talks-matrix.png}).
 */
class TalksBrowserTests extends BrowserTestSupport {

	@Test
	void aLeaderReadsTheMatrixOnAPhone() {
		signIn(this.adminName, PASSWORD);
		browser.manage().window().setSize(new Dimension(360, 800));
		browser.get(url("/console"));
		assertThat(browser.getPageSource()).contains("本月谈心");
		browser.get(url("/console/talks"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("每月谈心");
		assertThat(browser.findElements(By.cssSelector("section.talks-class"))).isNotEmpty();
		assertThat(browser.findElement(By.cssSelector("section.talks-class h2 .rate")).getText()).contains("%");
		assertThat(browser.findElements(By.cssSelector("section.talks-class:first-of-type table.matrix thead th"))).hasSize(1 + TalksMatrix.MONTHS);
		long innerWidth = ((Number) js("return window.innerWidth")).longValue();
		assertThat(((Number) js("return document.documentElement.scrollWidth")).longValue())
			.isLessThanOrEqualTo(innerWidth);
		List<String> bad = consoleLog().stream()
			.filter(line -> line.contains("Content Security Policy") || line.contains("Uncaught"))
			.toList();
		assertThat(bad).isEmpty();
		saveScreenshot("talks-matrix.png");
	}

}
