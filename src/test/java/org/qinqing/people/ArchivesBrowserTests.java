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
		// other tests add children without cards to the same school: take the first with a phone on file
		var row = browser.findElements(By.cssSelector("table.list tbody tr"))
			.stream()
			.filter(tr -> tr.getText().contains("****"))
			.findFirst()
			.orElseThrow();
		var firstChild = row.findElement(By.tagName("a"));
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
		browser.get(url("/console/archives"));
		assertThat(browser.findElement(By.cssSelector("table.list")).getText()).contains(child);
		Files.deleteIfExists(csv);
	}

}
