package org.qinqing.people;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.ConsoleBrowser.Page;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive list of a school of its own (75 pupils, 45 of them left behind, in two classes), through real HTTP
 * and sign-in: left-behind children by default, 30 to a page, page links that keep the filters, a way to show
 * every pupil, and exports that take all the filters select, not only the page shown.
 */
class ArchiveListPagingTests extends PortalTestSupport {

	private static final String PASSWORD = "list-paging-pw";

	private static final Pattern CHILD_LINK = Pattern.compile("href=\"/console/archives/(a\\d{3})\"");

	@Autowired
	SchoolRecords records;

	@Autowired
	StaffAccounts accounts;

	String tenant;

	String username;

	/** Left-behind children in list order: class by class, then by id. */
	List<String> leftBehind = new ArrayList<>();

	List<String> everyone = new ArrayList<>();

	@BeforeEach
	void aSchoolOf75() {
		this.tenant = TENANT + "-list-" + UUID.randomUUID().toString().substring(0, 8);
		this.records.save(this.tenant, new SchoolClass("k1", "s", 1, 1, "一年级(1)班", ""));
		this.records.save(this.tenant, new SchoolClass("k2", "s", 2, 1, "二年级(1)班", ""));
		for (int i = 1; i <= 75; i++) {
			String classId = i <= 50 ? "k1" : "k2";
			boolean away = i <= 35 || (i > 50 && i <= 60);
			String id = String.format("a%03d", i);
			this.records.save(this.tenant, new Child(id, "名单" + id, classId,
					away ? LeftBehindType.BOTH_AWAY : LeftBehindType.NONE, "f" + id, ""));
			this.everyone.add(id);
			if (away) {
				this.leftBehind.add(id);
			}
		}
		this.username = "list-admin-" + this.tenant;
		this.accounts.save(new StaffUser(this.username, this.tenant, StaffRole.ADMIN, "", "德育处"), PASSWORD);
	}

	private ConsoleBrowser signedIn() {
		ConsoleBrowser browser = new ConsoleBrowser(this.port);
		assertThat(browser.signIn(this.username, PASSWORD).status()).isEqualTo(302);
		return browser;
	}

	private static List<String> listed(Page page) {
		List<String> ids = new ArrayList<>();
		Matcher m = CHILD_LINK.matcher(page.body());
		while (m.find()) {
			ids.add(m.group(1));
		}
		return ids;
	}

	private static String link(Page page, String rel) {
		Matcher m = Pattern.compile("rel=\"" + rel + "\"\\s+href=\"([^\"]+)\"").matcher(page.body());
		return m.find() ? m.group(1).replace("&amp;", "&") : null;
	}

	@Test
	void leftBehindChildrenByDefaultThirtyToAPageWithLinksThatKeepTheFilters() {
		ConsoleBrowser admin = signedIn();
		Page first = admin.get("/console/archives");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body()).contains("共 45 名留守儿童", "（第 1–30 名）", "显示全部学生");
		assertThat(listed(first)).containsExactlyElementsOf(this.leftBehind.subList(0, 30));
		String next = link(first, "next");
		assertThat(next).contains("type=LEFT_BEHIND").contains("page=2");
		Page second = admin.get(next);
		assertThat(listed(second)).containsExactlyElementsOf(this.leftBehind.subList(30, 45));
		assertThat(link(second, "next")).isNull();
		assertThat(link(second, "prev")).contains("page=1");

		// every pupil, on three pages
		Set<String> all = new LinkedHashSet<>();
		String page = "/console/archives?type=ALL";
		int pages = 0;
		for (; page != null; pages++) {
			Page shown = admin.get(page);
			if (pages == 0) {
				assertThat(shown.body()).contains("共 75 名学生").doesNotContain("显示全部学生");
			}
			all.addAll(listed(shown));
			page = link(shown, "next");
			assertThat(page == null || page.contains("type=ALL")).as(page).isTrue();
		}
		assertThat(pages).isEqualTo(3);
		assertThat(all).containsExactlyElementsOf(this.everyone);

		// a class filter is kept by the page links; a page past the end shows the last
		Page ofClass = admin.get("/console/archives?class=k1&type=ALL");
		assertThat(listed(ofClass)).hasSize(30);
		assertThat(link(ofClass, "next")).contains("class=k1").contains("type=ALL").contains("page=2");
		assertThat(listed(admin.get("/console/archives?class=k1&type=ALL&page=99")))
			.containsExactlyElementsOf(this.everyone.subList(30, 50));
	}

	@Test
	void theExportsTakeEveryChildTheFiltersSelectNotOnlyThePage() {
		ConsoleBrowser admin = signedIn();
		String export = exportLink(admin.get("/console/archives"));
		assertThat(export).contains("type=LEFT_BEHIND");
		assertThat(exportedNames(admin, export)).containsExactlyInAnyOrderElementsOf(
				this.leftBehind.stream().map(id -> "名单" + id).toList());

		String ofClass = exportLink(admin.get("/console/archives?class=k2&type=ALL&page=1"));
		assertThat(exportedNames(admin, ofClass)).containsExactlyInAnyOrderElementsOf(
				this.everyone.subList(50, 75).stream().map(id -> "名单" + id).toList());
	}

	private static String exportLink(Page page) {
		Matcher m = Pattern.compile("href=\"(/console/archives/export\\.csv[^\"]*)\"").matcher(page.body());
		assertThat(m.find()).as("the CSV export link").isTrue();
		return m.group(1).replace("&amp;", "&");
	}

	/** The first column (the pupil's name) of each line of the CSV after its header. */
	private static List<String> exportedNames(ConsoleBrowser browser, String path) {
		Page csv = browser.get(path);
		assertThat(csv.status()).isEqualTo(200);
		return csv.body()
			.lines()
			.skip(1)
			.filter(line -> !line.isBlank())
			.map(line -> line.split(",", -1)[0])
			.toList();
	}

}
