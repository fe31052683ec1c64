package org.qinqing.people;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.qinqing.support.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The archive in a real browser: from the list to a child's full card, and importing a class list. */
class ArchivesBrowserTests extends BrowserTestSupport {

	@Test
	void adminOpensAChildsCardFromTheList() {
		signIn(this.adminName, PASSWORD);
		browser.get(url("/console/archives?incomplete=true"));
		// other tests add children without cards to the same school: take the first with a phone on file,
		// on whichever page of the list it is
		var row = browser.findElements(By.cssSelector("table.list tbody tr"))
			.stream()
			.filter(tr -> tr.getText().contains("****"))
			.findFirst();
		while (row.isEmpty() && !browser.findElements(By.cssSelector("nav.pages a[rel=next]")).isEmpty()) {
			browser.findElement(By.cssSelector("nav.pages a[rel=next]")).click();
			row = browser.findElements(By.cssSelector("table.list tbody tr"))
				.stream()
				.filter(tr -> tr.getText().contains("****"))
				.findFirst();
		}
		var firstChild = row.orElseThrow().findElement(By.tagName("a"));
		String name = firstChild.getText();
		firstChild.click();
		waitFor().until(driver -> driver.getCurrentUrl().matches(".*/console/archives/[^/?]+$"));
		String card = browser.findElement(By.tagName("main")).getText();
		assertThat(card).contains(name).contains("199000");
		saveScreenshot("archive-card.png");
	}

	@Test
	void adminImportsAClassListAfterAPreview() throws Exception {
		signIn(this.adminName, PASSWORD);
		String child = "测试导入" + (System.nanoTime() % 10000);
		Path csv = Files.createTempFile("class-list", ".csv");
		Files.writeString(csv, "学生姓名,班级,性别,出生日期,留守类型,家庭住址,父亲姓名,父亲电话\n" + child
				+ ",三年级(1)班,女,2017-05-06,否,演示县青山村2组8号,测试父亲,13800138000\n", StandardCharsets.UTF_8);
		browser.get(url("/console/archives/import"));
		browser.findElement(By.cssSelector("input[type=file]")).sendKeys(csv.toAbsolutePath().toString());
		browser.findElement(By.cssSelector("form button[type=submit].primary")).click();
		waitFor().until(driver -> driver.getCurrentUrl().matches(".*/console/archives/import/[^/?]+$"));
		assertThat(browser.findElement(By.cssSelector("table.list")).getText()).contains(child);
		browser.findElement(By.cssSelector("input[name=mode][value=all] ~ button")).click();
		waitFor().ignoring(StaleElementReferenceException.class)
			.until(driver -> driver.findElement(By.tagName("main")).getText().contains("导入完成"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("新增 1 人");
		// a pupil who is not left behind: listed among all pupils of the class
		String classId = this.records.ids(TENANT, "class")
			.stream()
			.filter(id -> this.records.schoolClass(TENANT, id).orElseThrow().name().equals("三年级(1)班"))
			.findFirst()
			.orElseThrow();
		browser.get(url("/console/archives?type=ALL&class=" + classId));
		assertThat(pagesText()).contains(child);
		Files.deleteIfExists(csv);
	}

	/** The list's table on this page and the next ones (other tests add pupils to the same classes). */
	private static String pagesText() {
		StringBuilder text = new StringBuilder(browser.findElement(By.cssSelector("table.list")).getText());
		while (!browser.findElements(By.cssSelector("nav.pages a[rel=next]")).isEmpty()) {
			browser.findElement(By.cssSelector("nav.pages a[rel=next]")).click();
			text.append('\n').append(browser.findElement(By.cssSelector("table.list")).getText());
		}
		return text.toString();
	}

	@Test
	void theListFitsAPhoneLeftBehindChildrenAPageAtATime() {
		signIn(this.adminName, PASSWORD);
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(360, 740));
		browser.get(url("/console/archives"));
		long innerWidth = ((Number) js("return window.innerWidth")).longValue();
		assertThat(((Number) js("return document.documentElement.scrollWidth")).longValue()).isLessThanOrEqualTo(innerWidth);
		assertThat(browser.findElements(By.cssSelector("table.list tbody tr"))).hasSizeLessThanOrEqualTo(30);
		// every listed child is left behind, and the page links are there to go on
		assertThat(browser.findElements(By.cssSelector("table.list tbody tr td:nth-child(3)")))
			.extracting(org.openqa.selenium.WebElement::getText)
			.isNotEmpty()
			.doesNotContain("留守类型：非留守", "非留守");
		assertThat(browser.findElement(By.cssSelector("nav.pages a[rel=next]")).isDisplayed()).isTrue();
		long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
		// 136 pupils on one page made 26,000 px; a page of 30 is a few screens
		assertThat(height).isLessThan(9_000);
		saveScreenshot("archives-phone.png");
	}

}
