package org.qinqing.console;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.qinqing.demo.DemoData;
import org.qinqing.notify.TemplateMessage;
import org.qinqing.notify.TextMessage;
import org.qinqing.people.SchoolClass;
import org.qinqing.simulator.SimulatorOutbox;
import org.qinqing.support.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console and the simulator under the strict CSP (no 'unsafe-inline') in a real Chromium: each page
 * still works (the chart draws, the sheet prints, the preview marks bad rows, the simulator chats) and
 * the browser's console logs no Content Security Policy violation and no script error.
 */
class ContentSecurityPolicyBrowserTests extends BrowserTestSupport {

	@Autowired
	private SimulatorOutbox simulatorOutbox;

	@Autowired
	private DemoData demo;

	/** The check below is not vacuous: markup injected as a stored XSS would be, is refused and logged. */
	@Test
	void injectedInlineCodeIsRefusedAndLogged() {
		signIn(this.adminName, PASSWORD);
		consoleLog();
		js("document.querySelector('main').insertAdjacentHTML('beforeend', '<p id=\"injected\" style=\"color: rgb(255, 0, 0)\">x</p>"
				+ "<img src=\"x.png\" onerror=\"window.pwned = true\">');");
		// the style attribute is refused as it is parsed, the onerror handler when the image has failed
		List<String> violations = new ArrayList<>();
		waitFor().until(driver -> {
			consoleLog().stream().filter(line -> line.contains("Content Security Policy")).forEach(violations::add);
			return violations.size() >= 2;
		});
		assertThat(browser.findElement(By.id("injected")).getCssValue("color")).isNotEqualTo("rgba(255, 0, 0, 1)");
		assertThat(js("return window.pwned === true")).isEqualTo(false);
	}

	@Test
	void theDashboardDrawsItsChart() {
		signIn(this.adminName, PASSWORD);
		assertThat(browser.getCurrentUrl()).endsWith("/console");
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart svg")));
		assertThat(browser.findElements(By.cssSelector(".chart svg rect, .chart svg path"))).isNotEmpty();
		// ECharts' own styles reach the SVG (through the CSSOM, see echarts-csp.js): its labels' 12 px font
		WebElement label = browser.findElement(By.cssSelector(".chart svg text"));
		assertThat(label.getCssValue("font-size")).isEqualTo("12px");
		assertThat(browser.findElement(By.cssSelector(".chart svg")).getCssValue("position")).isEqualTo("absolute");
		saveScreenshot("dashboard-csp.png");
		noViolations("dashboard");
	}

	@Test
	void theBindingSheetsPrintButtonPrints() {
		signIn(this.adminName, PASSWORD);
		browser.get(url("/console/binding"));
		noViolations("binding classes");
		SchoolClass schoolClass = this.records.ids(TENANT, "class")
			.stream()
			.map(id -> this.records.schoolClass(TENANT, id).orElseThrow())
			.findFirst()
			.orElseThrow();
		browser.get(url("/console/binding/class/" + schoolClass.id()));
		assertThat(browser.findElements(By.cssSelector(".card"))).isNotEmpty();
		// the print dialog stands in for the real one: the button's handler calls window.print()
		js("window.print = function () { window.printed = (window.printed || 0) + 1; };");
		browser.findElement(By.cssSelector("button[data-print]")).click();
		assertThat(js("return window.printed")).isEqualTo(1L);
		noViolations("binding sheet");
	}

	@Test
	void theImportPreviewMarksBadRowsAndKeepsItsButtonsInline() throws Exception {
		signIn(this.adminName, PASSWORD);
		String child = "测试预览" + (System.nanoTime() % 10000);
		Path csv = Files.createTempFile("class-list", ".csv");
		Files.writeString(csv, "学生姓名,班级,性别,出生日期,留守类型,家庭住址,父亲姓名,父亲电话\n" + child
				+ ",三年级(1)班,女,2017-05-06,否,演示县青山村2组8号,测试父亲,13800138000\n" + child
				+ "乙,九年级(3)班,男,2017-05-06,否,演示县青山村2组8号,测试父亲,13800138001\n", StandardCharsets.UTF_8);
		try {
			browser.get(url("/console/archives/import"));
			noViolations("import");
			browser.findElement(By.cssSelector("input[type=file]")).sendKeys(csv.toAbsolutePath().toString());
			browser.findElement(By.cssSelector("form button[type=submit].primary")).click();
			waitFor().until(driver -> driver.getCurrentUrl().matches(".*/console/archives/import/[^/?]+$"));
		}
		finally {
			Files.deleteIfExists(csv);
		}
		WebElement good = browser.findElement(By.cssSelector("table.list tr.ok"));
		WebElement bad = browser.findElement(By.cssSelector("table.list tr.bad"));
		assertThat(bad.getText()).contains("九年级(3)班");
		assertThat(bad.getCssValue("background-color")).isEqualTo("rgba(253, 236, 234, 1)");
		assertThat(good.getCssValue("background-color")).isEqualTo("rgba(0, 0, 0, 0)");
		// not clean: only "import the good rows", beside "upload again"
		WebElement form = browser.findElement(By.cssSelector("input[name=mode][value=good]")).findElement(By.xpath(".."));
		assertThat(form.getCssValue("display")).isEqualTo("inline");
		noViolations("import preview");
	}

	@Test
	void theCallsPagesAndTheArchive() {
		signIn(this.adminName, PASSWORD);
		for (String path : List.of("/console/calls", "/console/calls/week", "/console/calls/no-shows",
				"/console/calls/never-held", "/console/calls/settings", "/console/inbox", "/console/archives",
				"/console/admin/accounts", "/console/admin/audit", "/console/incidents", "/console/incidents/new",
				// the demo school's incident of the term, the tenant's first
				"/console/incidents/E1",
				"/console/admin/faq?q=%E5%92%8B%E8%B7%9F%E5%A8%83%E8%A7%86%E9%A2%91")) {
			browser.get(url(path));
			assertThat(browser.findElement(By.tagName("h1")).getText()).as(path).isNotBlank();
			noViolations(path);
		}
		browser.get(url("/console/archives"));
		browser.findElement(By.cssSelector("table.list tbody tr a")).click();
		waitFor().until(driver -> driver.getCurrentUrl().matches(".*/console/archives/[^/?]+$"));
		noViolations("archive card");
	}

	@Test
	void theSimulatorChatsReceivesPushesAndShowsItsWording() {
		browser.get(url("/simulator"));
		js("sessionStorage.clear();");
		browser.navigate().refresh();
		// the visitor: no other test talks as it, and the picker's change is part of what is tried
		String openid = "demo-visitor";
		new Select(browser.findElement(By.id("persona"))).selectByValue(openid);
		assertThat(browser.findElement(By.id("modeText")).getText()).isEqualTo("安全模式(AES)");

		// a message and the bot's answer (passive or pushed), with the XML in the developer panel
		int before = botMessages();
		browser.findElement(By.id("text")).sendKeys("帮助");
		browser.findElement(By.id("send")).click();
		waitFor().until(driver -> botMessages() > before);
		assertThat(browser.findElement(By.cssSelector(".msg.me .bub")).getText()).isEqualTo("帮助");
		waitFor().until(driver -> driver.findElement(By.id("devMeta")).getAttribute("textContent").startsWith("状态 200"));
		assertThat(browser.findElement(By.id("devReq")).getAttribute("textContent")).contains("<xml>");

		// plain mode: the switch's wording comes from the page's data, and a send still gets its answer
		browser.findElement(By.id("enc")).click();
		assertThat(browser.findElement(By.id("modeText")).getText()).isEqualTo("明文");
		int plainBefore = botMessages();
		browser.findElement(By.cssSelector("#chips .chip")).click();
		waitFor().until(driver -> botMessages() > plainBefore);

		// voice: the recognised text is asked for in a prompt
		browser.findElement(By.id("voice")).click();
		Alert prompt = waitFor().until(ExpectedConditions.alertIsPresent());
		assertThat(prompt.getText()).isEqualTo("请输入模拟的语音识别结果（留空表示识别失败）");
		prompt.sendKeys("你好");
		prompt.accept();
		waitFor().until(driver -> driver.findElements(By.cssSelector(".msg.me .vl"))
			.stream()
			.anyMatch(vl -> vl.getText().contains("语音消息")));

		// a menu button sends its click event, shown as a line of its own
		browser.findElement(By.cssSelector("#menu button[data-key]")).click();
		waitFor().until(driver -> driver.findElements(By.cssSelector(".sys"))
			.stream()
			.anyMatch(line -> line.getText().startsWith("你点击了菜单：")));

		// pushed messages arrive by polling: a text and a template card with its link
		this.simulatorOutbox.send(new TextMessage(this.demo.tenant(), openid, "推送测试" + TENANT));
		this.simulatorOutbox.send(new TemplateMessage(this.demo.tenant(), openid, "tpl", "视频提醒",
				"https://school.example/n/csp", Map.of("time", "周三 17:15")));
		waitFor().until(driver -> driver.findElements(By.cssSelector(".card .tt"))
			.stream()
			.anyMatch(tt -> tt.getText().equals("视频提醒")));
		assertThat(browser.findElements(By.cssSelector(".msg.bot .bub"))).extracting(WebElement::getText)
			.contains("推送测试" + TENANT);
		WebElement link = browser.findElement(By.cssSelector(".card a"));
		assertThat(link.getAttribute("href")).isEqualTo("https://school.example/n/csp");
		assertThat(link.getText()).isEqualTo("详情 ›");
		assertThat(browser.findElement(By.cssSelector(".card .frow")).getText()).contains("时间：").contains("周三 17:15");

		// the page's own style sheet is applied (the phone frame and the green send button)
		assertThat(browser.findElement(By.id("send")).getCssValue("background-color")).isEqualTo("rgba(7, 193, 96, 1)");
		saveScreenshot("simulator-csp.png");
		noViolations("simulator");
	}

	private static int botMessages() {
		return browser.findElements(By.cssSelector(".msg.bot:not(.typing)")).size();
	}

	/** The console since the last look: no CSP violation, no uncaught script error (each told once, cut short). */
	private static void noViolations(String page) {
		List<String> bad = consoleLog().stream()
			.filter(line -> line.contains("Content Security Policy") || line.contains("Uncaught"))
			.map(line -> line.replaceFirst("^\\[[^]]*] ", "").replaceAll("(.{200}).*", "$1…"))
			.distinct()
			.toList();
		assertThat(bad).as(page).isEmpty();
	}

}
