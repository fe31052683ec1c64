package org.qinqing.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.springframework.beans.factory.annotation.Autowired;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Console tests in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver};
 * {@code .ci/run} installs them, and the tests report themselves skipped where they are missing).
 * One browser per test class; each test starts signed out, with this run's own admin and teacher.
 */
public abstract class BrowserTestSupport extends PortalTestSupport {

	/** Debian's paths; the properties exist to try the skip without uninstalling anything. */
	protected static final Path CHROMIUM = Path.of(System.getProperty("qinqing.chromium", "/usr/bin/chromium"));

	protected static final Path CHROMEDRIVER = Path.of(System.getProperty("qinqing.chromedriver", "/usr/bin/chromedriver"));

	protected static final String PASSWORD = "browser-test-pw";

	protected static WebDriver browser;

	private static Path profile;

	@Autowired
	protected StaffAccounts accounts;

	@Autowired
	protected SchoolRecords records;

	/** This run's own accounts: a shared Redis may hold the demo accounts of another run's tenant. */
	protected String adminName;

	protected String teacherName;

	protected StaffUser teacher;

	@BeforeAll
	static void startBrowser() throws Exception {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			return; // each test then reports itself skipped
		}
		profile = Files.createTempDirectory("qinqing-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
		// the page's console (CSP violations among it) for consoleLog()
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
	}

	@AfterAll
	static void stopBrowser() throws Exception {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
		if (profile != null) {
			try (var files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	@BeforeEach
	void signedOutWithAccounts() {
		assumeTrue(browser != null, "no " + CHROMIUM + " and " + CHROMEDRIVER
				+ " (apt-get install chromium chromium-driver; .ci/run does): browser tests skipped");
		this.adminName = "admin-" + TENANT;
		this.teacherName = "teacher1-" + TENANT;
		if (!this.accounts.exists(this.adminName)) {
			this.accounts.save(new StaffUser(this.adminName, TENANT, StaffRole.ADMIN, "", "德育处"), PASSWORD);
		}
		// the demo's teacher1: the head of the school's first class (other tests add teachers to its
		// classes, so "the first teacher with classes" is not a stable choice); one account per run
		this.teacher = this.accounts.find(this.teacherName).orElseGet(() -> {
			String head = this.records.ids(TENANT, "class")
				.stream()
				.map(id -> this.records.schoolClass(TENANT, id).orElseThrow())
				.map(SchoolClass::headTeacherId)
				.filter(id -> !id.isEmpty())
				.findFirst()
				.orElseThrow();
			StaffUser user = new StaffUser(this.teacherName, TENANT, StaffRole.TEACHER, head, "测试老师");
			this.accounts.save(user, PASSWORD);
			return user;
		});
		browser.manage().window().setSize(new Dimension(1280, 900));
		browser.get(url("/console/login"));
		browser.manage().deleteAllCookies();
	}

	protected static Path saveScreenshot(String name) {
		try {
			Path shot = Path.of("target", "screenshots", name);
			Files.createDirectories(shot.getParent());
			Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
					StandardCopyOption.REPLACE_EXISTING);
			System.out.println("Screenshot: " + shot.toAbsolutePath());
			return shot;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	protected void signIn(String username, String password) {
		browser.get(url("/console/login"));
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(password);
		browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
		waitFor().until(driver -> !driver.getCurrentUrl().endsWith("/console/login"));
	}

	protected String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	protected static Object js(String script, Object... args) {
		return ((JavascriptExecutor) browser).executeScript(script, args);
	}

	/** What the pages wrote to the browser's console since the last call (reading it empties it). */
	protected static List<String> consoleLog() {
		return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
	}

	protected static WebDriverWait waitFor() {
		return new WebDriverWait(browser, Duration.ofSeconds(10));
	}

}
