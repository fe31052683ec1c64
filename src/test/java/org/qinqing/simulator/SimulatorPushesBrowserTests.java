package org.qinqing.simulator;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.Select;
import org.qinqing.demo.DemoData;
import org.qinqing.notify.TemplateMessage;
import org.qinqing.support.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A template message in the simulator looks as WeChat shows it: the template's Chinese labels (孩子, 时间,
 * 地点, 状态), never the API's field keys, and the time it came in school time, in a browser whose zone is
 * not the school's.
 */
class SimulatorPushesBrowserTests extends BrowserTestSupport {

	/** Far from the school's zone: the same instant is another day or hour there. */
	private static final String BROWSER_ZONE = "America/Los_Angeles";

	@Autowired
	private SimulatorOutbox outbox;

	@Autowired
	private DemoData demo;

	@Test
	void aTemplatePushShowsTheTemplatesLabelsAndSchoolTime() {
		browser.get(url("/simulator"));
		((HasCdp) browser).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", BROWSER_ZONE));
		js("sessionStorage.clear();");
		browser.navigate().refresh();
		assertThat(js("return Intl.DateTimeFormat().resolvedOptions().timeZone")).isEqualTo(BROWSER_ZONE);
		// a persona no other browser test chats as
		String openid = "demo-guardian-2";
		new Select(browser.findElement(By.id("persona"))).selectByValue(openid);

		String title = "亲情视频提醒 " + UUID.randomUUID().toString().substring(0, 6);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("child", "晓雨");
		fields.put("time", "周三 12月2日 17:15");
		fields.put("place", "亲情室电话");
		fields.put("status", "30分钟后开始");
		this.outbox.send(new TemplateMessage(this.demo.tenant(), openid, "tpl", title, null, fields));
		WebElement card = waitFor().until(driver -> driver.findElements(By.cssSelector(".card"))
			.stream()
			.filter(c -> c.findElement(By.cssSelector(".tt")).getText().equals(title))
			.findFirst()
			.orElse(null));

		List<String> rows = card.findElements(By.cssSelector(".frow"))
			.stream()
			.map(row -> row.findElement(By.cssSelector(".fk")).getText() + row.findElement(By.cssSelector(".fv")).getText())
			.toList();
		assertThat(rows).containsExactly("孩子：晓雨", "时间：周三 12月2日 17:15", "地点：亲情室电话", "状态：30分钟后开始");
		assertThat(card.getText()).doesNotContain("child").doesNotContain("status:");

		String at = (String) this.outbox.since(this.demo.tenant(), openid, 0)
			.stream()
			.filter(m -> title.equals(m.get("title")))
			.findFirst()
			.orElseThrow()
			.get("at");
		assertThat(card.findElement(By.cssSelector(".at")).getText()).isEqualTo(inSchoolTime(at));

		// a push kept in the page from before (keys and an instant only) is shown in school time too
		String kept = "{\"hist\":{\"" + openid + "\":[{\"w\":\"b\",\"k\":\"tpl\",\"title\":\"旧的推送\","
				+ "\"fields\":{\"时间\":\"周一\"},\"at\":\"" + at + "\"}]},\"after\":{\"" + openid + "\":999999},"
				+ "\"seen\":{\"" + openid + "\":999999},\"persona\":\"" + openid + "\",\"enc\":true}";
		js("sessionStorage.setItem('qinqing.simulator.v1', arguments[0]);", kept);
		browser.navigate().refresh();
		WebElement old = waitFor().until(driver -> driver.findElements(By.cssSelector(".card"))
			.stream()
			.filter(c -> c.findElement(By.cssSelector(".tt")).getText().equals("旧的推送"))
			.findFirst()
			.orElse(null));
		assertThat(old.findElement(By.cssSelector(".at")).getText()).isEqualTo(inSchoolTime(at));
		saveScreenshot("simulator-template.png");
	}

	private static String inSchoolTime(String at) {
		return OffsetDateTime.parse(at)
			.atZoneSameInstant(ZoneId.of("Asia/Shanghai"))
			.format(DateTimeFormatter.ofPattern("M月d日 HH:mm"));
	}

}
