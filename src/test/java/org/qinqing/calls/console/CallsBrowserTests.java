package org.qinqing.calls.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.qinqing.calls.Booking;
import org.qinqing.calls.CallSettingsStore;
import org.qinqing.calls.CallsTestData;
import org.qinqing.calls.Slot;
import org.qinqing.calls.SlotCalendar;
import org.qinqing.people.Child;
import org.qinqing.people.Person;
import org.qinqing.support.BrowserTestSupport;
import org.qinqing.system.SchoolTime;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 亲情视频 in a real browser, as a teacher: the day's list, marking a call, the week calendar, the
 * dashboard tile, and the day's list at phone width (360 px).
 */
class CallsBrowserTests extends BrowserTestSupport {

	@Autowired
	private CallSettingsStore settings;

	@Autowired
	private SlotCalendar calendar;

	@Autowired
	private CallStats stats;

	private LocalDate day;

	private Booking call;

	private Child child;

	/**
	 * A call that has begun (so it may be marked, and no notice or reminder of it goes out while the suite
	 * runs) in the last four weeks, for a child of the teacher's class.
	 */
	@BeforeEach
	void aCallOfTheirClass() {
		CallsTestData data = new CallsTestData(this.redis, this.settings, this.records);
		Person person = this.records.person(TENANT, this.teacher.personId()).orElseThrow();
		List<Child> theirs = data.children(TENANT)
			.stream()
			.filter(c -> person.classIds().contains(c.classId()))
			.toList();
		java.time.LocalDateTime now = ZonedDateTime.now(SchoolTime.ZONE).toLocalDateTime();
		LocalDate today = now.toLocalDate();
		for (LocalDate d = today; this.call == null && d.isAfter(today.minusDays(28)); d = d.minusDays(1)) {
			for (Slot slot : this.calendar.slotsOn(TENANT, d)) {
				for (Child c : theirs) {
					if (this.call == null && slot.free() > 0 && slot.start().isBefore(now)) {
						try {
							this.call = data.book(TENANT, c, slot.start());
							this.child = c;
							this.day = d;
						}
						catch (IllegalStateException ex) {
							// that family is at its weekly cap or has the slot: try the next
						}
					}
				}
			}
		}
		assertThat(this.call).as("a call that has begun could be booked in the last four weeks").isNotNull();
	}

	private WebElement row() {
		return browser.findElement(By.id("call-" + this.call.number()));
	}

	@Test
	void aTeacherMarksACallAndSeesItOnTheWeekAndTheDashboard() {
		signIn(this.teacherName, PASSWORD);
		browser.findElement(By.linkText("亲情视频")).click();
		waitFor().until(driver -> driver.getCurrentUrl().endsWith("/console/calls"));
		browser.get(url("/console/calls?date=" + this.day));
		assertThat(row().getText()).contains(this.child.name()).contains(this.call.station()).contains("未登记");

		row().findElement(By.cssSelector("button[value=HELD]")).click();
		waitFor().ignoring(StaleElementReferenceException.class)
			.until(driver -> !row().findElements(By.cssSelector(".outcome-HELD")).isEmpty());
		// the mark names the teacher as the school knows them, not their sign-in
		assertThat(row().getText()).contains("已通话").contains(this.teacher.displayName()).doesNotContain(this.teacherName);
		assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains(this.call.number());
		saveScreenshot("calls.png");

		browser.get(url("/console/calls/week?date=" + this.day + "&station="
				+ URLEncoder.encode(this.call.station(), StandardCharsets.UTF_8)));
		WebElement week = browser.findElement(By.cssSelector("table.week"));
		assertThat(week.isDisplayed()).isTrue();
		assertThat(week.findElements(By.cssSelector("td.BOOKED"))).extracting(WebElement::getText)
			.contains(this.child.name());
		assertThat(week.findElements(By.cssSelector("thead th"))).hasSize(8);
		saveScreenshot("calls-week.png");

		browser.get(url("/console"));
		WebElement tile = browser.findElements(By.cssSelector("article.tile"))
			.stream()
			.filter(t -> t.findElement(By.tagName("h2")).getText().equals("本月已通话的亲情视频"))
			.findFirst()
			.orElseThrow();
		int expected = this.stats.summary(this.teacher).heldThisMonth();
		assertThat(expected).isGreaterThanOrEqualTo(this.day.getMonth() == LocalDate.now(SchoolTime.ZONE).getMonth() ? 1 : 0);
		assertThat(tile.findElement(By.cssSelector(".figure span")).getText()).isEqualTo(String.valueOf(expected));
		assertThat(tile.findElement(By.cssSelector(".detail")).getText()).startsWith("截至");
		// last month beside this month, in the figure and as a second series of bars with a legend
		CallStats.Summary summary = this.stats.summary(this.teacher);
		int lastMonth = summary.asOf().minusMonths(1).getMonthValue();
		assertThat(tile.findElement(By.cssSelector(".figure .compared")).getText())
			.isEqualTo("上月（" + lastMonth + "月）" + summary.heldLastMonth() + " 次");
		waitFor().until(driver -> !tile.findElements(By.cssSelector(".chart svg")).isEmpty());
		assertThat(tile.findElements(By.cssSelector(".chart svg text"))).extracting(WebElement::getText)
			.contains(lastMonth + "月", summary.asOf().getMonthValue() + "月");
	}

	@Test
	void theDaysCallsFitAPhone() {
		signIn(this.teacherName, PASSWORD);
		browser.manage().window().setSize(new Dimension(360, 800));
		browser.get(url("/console/calls?date=" + this.day));
		long innerWidth = ((Number) js("return window.innerWidth")).longValue();
		assertThat(innerWidth).isLessThanOrEqualTo(360);
		assertThat(((Number) js("return document.documentElement.scrollWidth")).longValue()).isLessThanOrEqualTo(innerWidth);
		WebElement button = row().findElement(By.cssSelector("button[value=PARENT_NO_SHOW]"));
		assertThat(button.isDisplayed()).isTrue();
		assertThat(button.getRect().getX() + button.getRect().getWidth()).isLessThanOrEqualTo((int) innerWidth);
		js("arguments[0].scrollIntoView()", row());
		saveScreenshot("calls-phone.png");

		// the week is wider than a phone: its table scrolls in its box, the page itself does not
		browser.get(url("/console/calls/week?date=" + this.day));
		assertThat(((Number) js("return document.documentElement.scrollWidth")).longValue()).isLessThanOrEqualTo(innerWidth);
		assertThat((Boolean) js("var box = document.querySelector('.week-scroll'); return box.scrollWidth > box.clientWidth;"))
			.isTrue();
	}

	@Test
	void theSettingsFormFitsAPhoneAndShowsMistakesInPlace() {
		signIn(this.adminName, PASSWORD);
		browser.manage().window().setSize(new Dimension(360, 800));
		browser.get(url("/console/calls/settings"));
		long innerWidth = ((Number) js("return window.innerWidth")).longValue();
		assertThat(((Number) js("return document.documentElement.scrollWidth")).longValue()).isLessThanOrEqualTo(innerWidth);
		WebElement slot = browser.findElement(By.name("slotLength"));
		slot.clear();
		slot.sendKeys("0");
		browser.findElement(By.cssSelector("form.settings button.primary")).click();
		waitFor().until(driver -> !driver.findElements(By.cssSelector("[data-field=slotLength]")).isEmpty());
		assertThat(browser.findElement(By.cssSelector("[data-field=slotLength]")).getText()).contains("5 到 120");
		assertThat(browser.findElement(By.name("slotLength")).getAttribute("value")).isEqualTo("0");
		js("arguments[0].scrollIntoView()", browser.findElement(By.name("slotLength")));
		saveScreenshot("calls-settings-phone.png");
	}

}
