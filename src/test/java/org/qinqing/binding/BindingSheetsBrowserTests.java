package org.qinqing.binding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.people.BindingCodes;
import org.qinqing.people.ChildAccess;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.support.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real headless Chromium: sign-in, the dashboard and its chart, the binding sheets
 * (QR images that load, 403 on another class, regenerating a code). Skipped where Debian's
 * {@code chromium} and {@code chromium-driver} are not installed; {@code .ci/run} installs them.
 * One browser for the class; each test starts signed out.
 */
class BindingSheetsBrowserTests extends BrowserTestSupport {

	@Autowired
	private ChildAccess access;

	@Autowired
	private BindingCodes codes;

	@Test
	void adminSignsInAndTheDashboardDrawsItsChart() throws Exception {
		signIn(this.adminName, PASSWORD);
		assertThat(browser.getCurrentUrl()).endsWith("/console");
		assertThat(browser.findElements(By.cssSelector(".tile"))).isNotEmpty();
		assertThat(browser.findElement(By.cssSelector(".tile h2")).getText()).isNotBlank();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart svg")));
		assertThat(browser.findElements(By.cssSelector(".chart svg rect, .chart svg path"))).isNotEmpty();
		Path shot = saveScreenshot("dashboard.png");
		assertThat(Files.size(shot)).isGreaterThan(1000);
	}

	@Test
	void aWrongPasswordShowsTheErrorOnTheLoginPage() {
		String name = "nobody-" + UUID.randomUUID().toString().substring(0, 6);
		signIn(name, "not-the-password");
		assertThat(browser.getCurrentUrl()).contains("/console/login?error");
		assertThat(browser.findElement(By.cssSelector("p.error")).getText()).isEqualTo("用户名或密码不对，请再试一次。");
	}

	@Test
	void aTeacherPrintsTheirClassSheetWithLoadingQrImagesButCannotOpenAnotherClass() {
		signIn(this.teacherName, PASSWORD);
		browser.get(url("/console/binding"));
		List<SchoolClass> own = this.access.visibleClasses(this.teacher);
		assertThat(browser.findElements(By.cssSelector(".binding-classes a"))).hasSize(own.size());
		String classId = this.records.person(TENANT, this.teacher.personId()).orElseThrow().classIds().get(0);
		browser.findElement(By.cssSelector("a[href$='/console/binding/class/" + classId + "']")).click();

		List<WebElement> cards = browser.findElements(By.cssSelector(".card"));
		assertThat(cards).hasSizeGreaterThan(3);
		assertThat(browser.findElements(By.id("card-" + this.teacher.personId()))).hasSize(1);
		List<WebElement> codesShown = browser.findElements(By.cssSelector(".card .code strong"));
		assertThat(codesShown).isNotEmpty().allSatisfy(code -> assertThat(code.getText()).matches("\\d{8}"));
		assertThat(browser.findElement(By.cssSelector(".card .instruction")).getText())
			.matches("微信扫码，或在公众号回复：绑定 \\d{8}");
		List<WebElement> images = browser.findElements(By.cssSelector(".card img.qr"));
		assertThat(images).hasSameSizeAs(codesShown);
		waitFor().until(driver -> images.stream().allMatch(img -> Boolean.TRUE.equals(js("return arguments[0].complete", img))));
		for (WebElement img : images) {
			assertThat(((Number) js("return arguments[0].naturalWidth", img)).intValue()).isGreaterThan(0);
		}

		saveScreenshot("binding-sheet.png");
		printedSheetHasNoNavigationAndTwoColumns();

		SchoolClass other = this.access
			.visibleClasses(new StaffUser("x", TENANT, StaffRole.ADMIN, "", "x"))
			.stream()
			.filter(c -> own.stream().noneMatch(o -> o.id().equals(c.id())))
			.findFirst()
			.orElseThrow();
		Object status = ((JavascriptExecutor) browser).executeAsyncScript(
				"var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status));",
				"/console/binding/class/" + other.id());
		assertThat(((Number) status).intValue()).isEqualTo(403);
		browser.get(url("/console/binding/class/" + other.id()));
		assertThat(browser.findElements(By.cssSelector(".card"))).isEmpty();
	}

	@Test
	void regeneratingACodeShowsANewOneAndTheOldOneNoLongerBinds() {
		signIn(this.teacherName, PASSWORD);
		String classId = this.records.person(TENANT, this.teacher.personId()).orElseThrow().classIds().get(0);
		browser.get(url("/console/binding/class/" + classId));
		WebElement card = browser.findElements(By.cssSelector(".card"))
			.stream()
			.filter(c -> !c.findElements(By.cssSelector(".code strong")).isEmpty())
			.findFirst()
			.orElseThrow();
		String personId = card.getAttribute("data-person");
		String oldCode = card.findElement(By.cssSelector(".code strong")).getText();
		card.findElement(By.cssSelector("button.regenerate")).click();

		waitFor().until(ExpectedConditions.stalenessOf(card));
		WebElement again = browser.findElement(By.id("card-" + personId));
		String newCode = again.findElement(By.cssSelector(".code strong")).getText();
		assertThat(newCode).matches("\\d{8}").isNotEqualTo(oldCode);
		assertThat(again.findElement(By.cssSelector("img.qr")).getAttribute("src")).contains("/qr/" + newCode + ".png");

		assertThat(this.codes.redeem(TENANT, "browser-" + UUID.randomUUID(), oldCode).result())
			.isEqualTo(BindingCodes.Result.REVOKED);
		BindingCodes.Redemption redemption = this.codes.redeem(TENANT, "browser-" + UUID.randomUUID(), newCode);
		assertThat(redemption.result()).isEqualTo(BindingCodes.Result.BOUND);
		assertThat(redemption.personId()).isEqualTo(personId);

		// now bound: the sheet says so and prints no code for them
		browser.get(url("/console/binding/class/" + classId));
		WebElement bound = browser.findElement(By.id("card-" + personId));
		assertThat(bound.findElement(By.cssSelector(".state.bound")).getText()).isEqualTo("已绑定");
		assertThat(bound.findElements(By.cssSelector(".code, img.qr"))).isEmpty();
	}

	@Test
	void revokingACodeLeavesTheCardWithoutOneUntilRegenerated() {
		signIn(this.teacherName, PASSWORD);
		String classId = this.records.person(TENANT, this.teacher.personId()).orElseThrow().classIds().get(0);
		browser.get(url("/console/binding/class/" + classId));
		WebElement card = browser.findElements(By.cssSelector(".card"))
			.stream()
			.filter(c -> !c.findElements(By.cssSelector("button.revoke")).isEmpty())
			.findFirst()
			.orElseThrow();
		String personId = card.getAttribute("data-person");
		String oldCode = card.findElement(By.cssSelector(".code strong")).getText();
		card.findElement(By.cssSelector("button.revoke")).click();
		waitFor().until(ExpectedConditions.stalenessOf(card));

		browser.navigate().refresh();
		WebElement revoked = browser.findElement(By.id("card-" + personId));
		assertThat(revoked.findElement(By.cssSelector(".state.revoked")).getText()).isEqualTo("已作废");
		assertThat(revoked.findElements(By.cssSelector(".code, img.qr"))).isEmpty();
		assertThat(this.codes.currentCode(TENANT, personId)).isEmpty();
		assertThat(this.codes.redeem(TENANT, "browser-" + UUID.randomUUID(), oldCode).result())
			.isEqualTo(BindingCodes.Result.REVOKED);
	}

	@Test
	void aTeacherCannotChangeCodesOfPeopleOffTheirSheet() {
		signIn(this.teacherName, PASSWORD);
		String classId = this.records.person(TENANT, this.teacher.personId()).orElseThrow().classIds().get(0);
		browser.get(url("/console/binding/class/" + classId));
		StaffUser admin = new StaffUser("x", TENANT, StaffRole.ADMIN, "", "x");
		// a parent in another class, and another teacher of the school
		Person outsider = this.records.ids(TENANT, "person")
			.stream()
			.map(id -> this.records.person(TENANT, id).orElseThrow())
			.filter(p -> p.role() == Role.PARENT && !p.childIds().isEmpty()
					&& p.childIds().stream().noneMatch(c -> this.access.child(this.teacher, c).isPresent()))
			.findFirst()
			.orElseThrow();
		Person otherTeacher = this.records.ids(TENANT, "person")
			.stream()
			.map(id -> this.records.person(TENANT, id).orElseThrow())
			.filter(p -> p.role() == Role.TEACHER && !p.id().equals(this.teacher.personId()))
			.findFirst()
			.orElseThrow();
		String outsiderClass = this.access.child(admin, outsider.childIds().get(0)).orElseThrow().classId();
		String before = this.codes.issue(TENANT, outsider.id(), "test");
		assertThat(post("/console/binding/class/" + classId + "/person/" + outsider.id() + "/regenerate"))
			.isEqualTo(403);
		assertThat(post("/console/binding/class/" + outsiderClass + "/person/" + outsider.id() + "/revoke"))
			.isEqualTo(403);
		assertThat(post("/console/binding/class/" + classId + "/person/" + otherTeacher.id() + "/regenerate"))
			.isEqualTo(403);
		assertThat(this.codes.currentCode(TENANT, outsider.id())).contains(before);
		assertThat(browser.findElements(By.id("card-" + otherTeacher.id()))).isEmpty();
		// without the CSRF token even a card on the teacher's own sheet is refused
		String own = browser.findElement(By.cssSelector(".card[data-person]")).getAttribute("data-person");
		Object status = ((JavascriptExecutor) browser).executeAsyncScript(
				"var done = arguments[arguments.length - 1]; fetch(arguments[0], {method: 'POST', redirect: 'manual'})"
						+ ".then(r => done(r.status));",
				"/console/binding/class/" + classId + "/person/" + own + "/regenerate");
		assertThat(((Number) status).intValue()).isEqualTo(403);
		// with it, the same request is accepted (a redirect, opaque to fetch): the refusals above were not CSRF's
		String ownCode = this.codes.currentCode(TENANT, own).orElse("");
		assertThat(post("/console/binding/class/" + classId + "/person/" + own + "/regenerate")).isEqualTo(0);
		assertThat(this.codes.currentCode(TENANT, own)).isPresent().get().isNotEqualTo(ownCode);
	}

	/** A form POST from the signed-in page, with its CSRF token; the HTTP status. */
	private static int post(String path) {
		Object status = ((JavascriptExecutor) browser).executeAsyncScript(
				"var done = arguments[arguments.length - 1];"
						+ "var token = document.querySelector('input[name=_csrf]').value;"
						+ "fetch(arguments[0], {method: 'POST', redirect: 'manual', body: new URLSearchParams({_csrf: token})})"
						+ ".then(r => done(r.status));",
				path);
		return ((Number) status).intValue();
	}

	@Test
	void theAdminSeesEveryClassAndTheHeadTeachersCard() {
		signIn(this.adminName, PASSWORD);
		browser.get(url("/console/binding"));
		StaffUser admin = new StaffUser("x", TENANT, StaffRole.ADMIN, "", "x");
		assertThat(browser.findElements(By.cssSelector(".binding-classes a")))
			.hasSize(this.access.visibleClasses(admin).size());
		SchoolClass schoolClass = this.access.visibleClasses(admin).get(0);
		browser.get(url("/console/binding/class/" + schoolClass.id()));
		WebElement head = browser.findElement(By.id("card-" + schoolClass.headTeacherId()));
		assertThat(head.findElement(By.cssSelector(".relation")).getText()).isEqualTo("班主任");
		assertThat(browser.findElements(By.cssSelector(".card")).size()).isGreaterThan(3);
	}

	@Test
	void onAPhoneTheDashboardDoesNotScrollSideways() {
		signIn(this.adminName, PASSWORD);
		browser.manage().window().setSize(new Dimension(390, 844));
		browser.get(url("/console"));
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart svg")));
		long scrollWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
		long innerWidth = ((Number) js("return window.innerWidth")).longValue();
		assertThat(innerWidth).isLessThanOrEqualTo(390);
		assertThat(scrollWidth).isLessThanOrEqualTo(innerWidth);
	}

	/** Print media (as Chromium prints): no navigation or buttons, two columns of cards; saved as an A4 PDF. */
	private void printedSheetHasNoNavigationAndTwoColumns() {
		ChromeDriver chrome = (ChromeDriver) browser;
		chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		try {
			assertThat(browser.findElement(By.cssSelector("header.top")).isDisplayed()).isFalse();
			assertThat(browser.findElements(By.cssSelector(".card-actions, .sheet-tools")))
				.noneMatch(WebElement::isDisplayed);
			String columns = (String) js(
					"return getComputedStyle(document.querySelector('.cards')).gridTemplateColumns");
			assertThat(columns.trim().split("\\s+")).hasSize(2);
		}
		finally {
			chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		}
		PrintOptions a4 = new PrintOptions();
		a4.setPageSize(new PageSize(29.7, 21.0));
		a4.setBackground(true);
		Pdf pdf = ((PrintsPage) browser).print(a4);
		try {
			Path file = Path.of("target", "screenshots", "binding-sheet.pdf");
			Files.write(file, java.util.Base64.getDecoder().decode(pdf.getContent()));
			System.out.println("Binding sheet PDF: " + file.toAbsolutePath());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
