package org.qinqing.emergency;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.qinqing.people.CareScope;
import org.qinqing.support.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo school's incident of the term in Chromium at 360 px: the leader's page with its steps, timeline and draft
 * ({@code target/screenshots/incident-phone.png}), and the grandmother's page of her notice
 * ({@code incident-ack-phone.png}); nothing wider than the screen, no CSP violation.
 */
class EmergencyBrowserTests extends BrowserTestSupport {

	@Autowired
	private Incidents incidents;

	@Autowired
	private IncidentLinks links;

	private void fitsAndIsClean(String page) {
		long innerWidth = ((Number) js("return window.innerWidth")).longValue();
		assertThat(((Number) js("return document.documentElement.scrollWidth")).longValue()).as(page)
			.isLessThanOrEqualTo(innerWidth);
		List<String> bad = consoleLog().stream()
			.filter(line -> line.contains("Content Security Policy") || line.contains("Uncaught"))
			.toList();
		assertThat(bad).as(page).isEmpty();
	}

	@Test
	void theDemosIncidentOnAPhone() {
		Incident demo = this.incidents.since(TENANT, CareScope.EVERYONE, java.time.Instant.EPOCH)
			.stream()
			.filter(i -> i.description().startsWith("课间在操场跑步摔倒"))
			.findFirst()
			.orElseThrow();
		browser.manage().window().setSize(new Dimension(360, 800));
		signIn(this.adminName, PASSWORD);
		browser.get(url("/console/incidents/" + demo.number()));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("紧急情况 " + demo.number());
		assertThat(browser.findElement(By.cssSelector("table.steps")).getText()).contains("通知监护人（30 分钟）", "按时");
		assertThat(browser.findElement(By.cssSelector("ol.timeline")).getText()).contains("确认收到", "打了电话",
				"已上报教育局和乡镇", "结束了这件事");
		assertThat(browser.findElement(By.cssSelector("textarea.draft")).getAttribute("value")).contains("已采取的措施");
		fitsAndIsClean("incident");
		saveScreenshot("incident-phone.png");

		Incident full = this.incidents.incident(TENANT, demo.number()).orElseThrow();
		String guardian = full.told(ChainStep.GUARDIANS).get(0);
		browser.manage().deleteAllCookies();
		browser.get(url(this.links.ackPath(TENANT, demo.number(), guardian)));
		assertThat(browser.findElement(By.tagName("h1")).getText()).endsWith("在学校受伤了");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("孩子现在在：学校医务室", "学校电话");
		fitsAndIsClean("acknowledgement");
		saveScreenshot("incident-ack-phone.png");
	}

}
