package org.qinqing.people;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.qinqing.console.AuditLog;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffUser;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.ConsoleBrowser.Page;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The archives pages as a signed-in admin or teacher sees them, through real HTTP and sign-in. */
class ArchivesPagesTests extends PortalTestSupport {

	private static final String PASSWORD = "qinqing-demo";

	/** Links to children's cards (the import page and the exports sit beside them, with dots or words). */
	private static final Pattern CHILD_LINK = Pattern.compile("href=\"/console/archives/(?!import\")([^\"/?.]+)\"");

	private static final Pattern NEXT_PAGE = Pattern.compile("rel=\"next\"\\s+href=\"([^\"]+)\"");

	@Autowired
	private SchoolRecords records;

	@Autowired
	private ContactCards cards;

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private AuditLog audit;

	@Autowired
	private Directory directory;

	private ConsoleBrowser signedIn(String username) {
		ConsoleBrowser browser = new ConsoleBrowser(this.port);
		Page answer = browser.signIn(username, PASSWORD);
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/console");
		return browser;
	}

	private List<Child> allChildren() {
		List<Child> children = new ArrayList<>();
		this.records.ids(TENANT, "child").forEach(id -> this.records.child(TENANT, id).ifPresent(children::add));
		return children;
	}

	private Person teacher(String username) {
		StaffUser user = this.accounts.find(username).orElseThrow();
		return this.records.person(TENANT, user.personId()).orElseThrow();
	}

	/** A child that is neither in a class the teacher heads nor paired with them. */
	private Child notTheirs(Person teacher) {
		return allChildren().stream()
			.filter(c -> !teacher.classIds().contains(c.classId()) && !c.pairedTeacherId().equals(teacher.id()))
			.findFirst()
			.orElseThrow();
	}

	private static Set<String> listedIds(Page page) {
		Set<String> ids = new LinkedHashSet<>();
		Matcher m = CHILD_LINK.matcher(page.body());
		while (m.find()) {
			ids.add(m.group(1));
		}
		return ids;
	}

	/** The page of a list that lists this child, following its 下一页 links. */
	static Page pageListing(ConsoleBrowser browser, String path, String childId) {
		String next = path;
		for (int pages = 0; next != null && pages < 50; pages++) {
			Page page = browser.get(next);
			if (listedIds(page).contains(childId)) {
				return page;
			}
			Matcher link = NEXT_PAGE.matcher(page.body());
			next = link.find() ? link.group(1).replace("&amp;", "&") : null;
		}
		throw new AssertionError(childId + " is on no page of " + path);
	}

	/** The children listed on every page of a list, following its 下一页 links. */
	static Set<String> listedIdsOfAllPages(ConsoleBrowser browser, String path) {
		Set<String> ids = new LinkedHashSet<>();
		String next = path;
		for (int pages = 0; next != null; pages++) {
			assertThat(pages).as("pages of " + path).isLessThan(50);
			Page page = browser.get(next);
			assertThat(page.status()).isEqualTo(200);
			ids.addAll(listedIds(page));
			Matcher link = NEXT_PAGE.matcher(page.body());
			next = link.find() ? link.group(1).replace("&amp;", "&") : null;
		}
		return ids;
	}

	@Test
	void anonymousUsersAreSentToSignIn() {
		ConsoleBrowser anonymous = new ConsoleBrowser(this.port);
		Child child = allChildren().get(0);
		for (String path : List.of("/console/archives", "/console/archives/" + child.id(),
				"/console/archives/" + child.id() + "/edit", "/console/admin/accounts")) {
			Page page = anonymous.get(path);
			assertThat(page.status()).as(path).isEqualTo(302);
			assertThat(page.location()).as(path).endsWith("/console/login");
		}
	}

	@Test
	void aTeacherOpeningAChildOfAnotherClassByUrlIsRefused() {
		Person teacher = teacher("teacher1");
		Child other = notTheirs(teacher);
		ConsoleBrowser browser = signedIn("teacher1");
		assertThat(browser.get("/console/archives/" + other.id()).status()).isEqualTo(403);
		assertThat(browser.get("/console/archives/" + other.id() + "/edit").status()).isEqualTo(403);
		browser.get("/console/archives");
		assertThat(browser.post("/console/archives/" + other.id() + "/edit", Map.of("guardian.age", "60")).status())
			.isEqualTo(403);
		assertThat(browser.get("/console/admin/accounts").status()).isEqualTo(403);
		assertThat(browser.get("/console/archives/no-such-child").status()).isEqualTo(404);

		ConsoleBrowser admin = signedIn("admin");
		assertThat(admin.get("/console/archives/" + other.id()).status()).isEqualTo(200);
		assertThat(admin.get("/console/archives/" + other.id() + "/edit").status()).isEqualTo(200);
		assertThat(admin.get("/console/admin/accounts").status()).isEqualTo(200);
	}

	@Test
	void aTeacherListsOnlyTheirClassesAndPairedChildren() {
		Person teacher = teacher("teacher1");
		Set<String> expected = new LinkedHashSet<>();
		for (Child c : allChildren()) {
			if (teacher.classIds().contains(c.classId()) || c.pairedTeacherId().equals(teacher.id())) {
				expected.add(c.id());
			}
		}
		assertThat(listedIdsOfAllPages(signedIn("teacher1"), "/console/archives?type=ALL"))
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(listedIdsOfAllPages(signedIn("admin"), "/console/archives?type=ALL")).hasSize(allChildren().size());
	}

	@Test
	void filtersByClassTypeAndIncompleteCards() {
		ConsoleBrowser admin = signedIn("admin");
		String classId = allChildren().get(0).classId();
		Set<String> inClass = listedIdsOfAllPages(admin, "/console/archives?type=ALL&class=" + classId);
		assertThat(inClass).isNotEmpty()
			.containsExactlyInAnyOrderElementsOf(
					allChildren().stream().filter(c -> c.classId().equals(classId)).map(Child::id).toList());

		Set<String> bothAway = listedIdsOfAllPages(admin, "/console/archives?type=BOTH_AWAY");
		assertThat(bothAway).isNotEmpty()
			.containsExactlyInAnyOrderElementsOf(allChildren().stream()
				.filter(c -> c.leftBehind() == LeftBehindType.BOTH_AWAY)
				.map(Child::id)
				.toList());

		List<String> expected = allChildren().stream()
			.filter(c -> c.leftBehind().isLeftBehind() && !this.cards.missing(TENANT, c).isEmpty())
			.map(Child::id)
			.toList();
		assertThat(expected).isNotEmpty();
		assertThat(this.cards.archiveRate(TENANT, null).leftBehind()
				- this.cards.archiveRate(TENANT, null).complete()).as("matches the archive-rate tile")
			.isEqualTo(expected.size());
		assertThat(listedIdsOfAllPages(admin, "/console/archives?incomplete=true"))
			.containsExactlyInAnyOrderElementsOf(expected);
		Child one = this.records.child(TENANT, expected.get(0)).orElseThrow();
		Page ofOne = pageListing(admin, "/console/archives?incomplete=true&class=" + one.classId(), one.id());
		assertThat(ofOne.body()).contains("缺 " + this.cards.missing(TENANT, one).size() + " 项");
	}

	@Test
	void theListMasksPhonesAndTheCardShowsThemInFullAndIsAudited() {
		Child child = allChildren().stream()
			.filter(c -> this.cards.card(TENANT, c.id()).containsKey(CardField.GUARDIAN_PHONE))
			.findFirst()
			.orElseThrow();
		String phone = this.cards.card(TENANT, child.id()).get(CardField.GUARDIAN_PHONE);
		String masked = phone.substring(0, 3) + "****" + phone.substring(7);
		ConsoleBrowser admin = signedIn("admin");

		Page list = pageListing(admin, "/console/archives?type=ALL&class=" + child.classId(), child.id());
		assertThat(list.body()).contains(masked).doesNotContain(phone);

		Page card = admin.get("/console/archives/" + child.id());
		assertThat(card.status()).isEqualTo(200);
		assertThat(card.body()).contains(phone, child.name(), "家人与微信绑定", "修改记录");
		assertThat(this.audit.latest(TENANT, 20)).anySatisfy(entry -> {
			assertThat(entry.username()).isEqualTo("admin");
			assertThat(entry.action()).isEqualTo("view-card");
			assertThat(entry.target()).isEqualTo(child.id());
		});
	}

	@Test
	void theCardShowsHowManyWechatUsersAreBoundToEachAdultButNoOpenids() {
		Person parent = null;
		for (String id : this.records.ids(TENANT, "person")) {
			Person p = this.records.person(TENANT, id).orElseThrow();
			if (p.role() == Role.PARENT && !p.childIds().isEmpty()) {
				parent = p;
				break;
			}
		}
		assertThat(parent).isNotNull();
		this.directory.bind(TENANT, "o-test-parent-a", parent.id());
		this.directory.bind(TENANT, "o-test-parent-b", parent.id());
		int bound = this.directory.openidsOf(TENANT, parent.id()).size();
		assertThat(bound).isGreaterThanOrEqualTo(2);
		Page card = signedIn("admin").get("/console/archives/" + parent.childIds().get(0));
		assertThat(card.body()).contains("<td>" + parent.name() + "</td><td>" + parent.relation() + "</td>")
			.contains(bound + " 个微信号")
			.doesNotContain("o-test-parent-a");
	}

	@Test
	void aWrongPhoneIsRefusedNextToTheFieldAndNothingChanges() {
		Child child = allChildren().get(3);
		Map<CardField, String> before = this.cards.card(TENANT, child.id());
		int historyBefore = this.cards.history(TENANT, child.id()).size();
		ConsoleBrowser admin = signedIn("admin");
		admin.get("/console/archives/" + child.id() + "/edit");
		Page answer = admin.post("/console/archives/" + child.id() + "/edit",
				Map.of("guardian.phone", "12345", "guardian.name", "新名字", "guardian.age", "200",
						"child.birthDate", "2016-02-30"));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("data-field=\"guardian.phone\">请填写11位手机号")
			.contains("data-field=\"guardian.age\">年龄请填 1 到 120")
			.contains("data-field=\"child.birthDate\">日期请按")
			.contains("没有保存任何内容")
			.contains("value=\"12345\"");
		assertThat(this.cards.card(TENANT, child.id())).isEqualTo(before);
		assertThat(this.cards.history(TENANT, child.id())).hasSize(historyBefore);
	}

	@Test
	void aGoodEditIsSavedAndAppearsInTheHistory() {
		Child child = allChildren().get(5);
		String oldPhone = this.cards.card(TENANT, child.id()).getOrDefault(CardField.GUARDIAN_PHONE, "");
		ConsoleBrowser admin = signedIn("admin");
		admin.get("/console/archives/" + child.id() + "/edit");
		Page answer = admin.post("/console/archives/" + child.id() + "/edit",
				Map.of("guardian.phone", "0851-12345678", "home.address", "<b>村口</b>"));
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/console/archives/" + child.id());
		assertThat(this.cards.card(TENANT, child.id())).containsEntry(CardField.GUARDIAN_PHONE, "0851-12345678");

		Page card = admin.get("/console/archives/" + child.id());
		assertThat(card.body()).contains("已保存")
			.contains("0851-12345678")
			.contains("&lt;b&gt;村口&lt;/b&gt;")
			.doesNotContain("<b>村口</b>");
		assertThat(this.audit.latest(TENANT, 20)).anySatisfy(entry -> {
			assertThat(entry.action()).isEqualTo("edit-card");
			assertThat(entry.target()).isEqualTo(child.id());
		});
		assertThat(this.cards.history(TENANT, child.id())).last()
			.satisfies(change -> assertThat(change.by()).isEqualTo("德育处"));
		String history = card.body().substring(card.body().indexOf("修改记录"));
		assertThat(history).contains("德育处", "监护人电话", oldPhone, "0851-12345678");
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefused() {
		Child child = allChildren().get(1);
		Map<CardField, String> before = this.cards.card(TENANT, child.id());
		ConsoleBrowser admin = signedIn("admin");
		Page answer = admin.postWithoutToken("/console/archives/" + child.id() + "/edit",
				Map.of("guardian.phone", "13912345678"));
		assertThat(answer.status()).isEqualTo(403);
		assertThat(this.cards.card(TENANT, child.id())).isEqualTo(before);
	}

}
