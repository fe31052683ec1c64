package org.qinqing.people;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.qinqing.calls.Bookings;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.ConsoleBrowser.Page;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A child's family in the console, through real sign-in and the portal: a guardian added in the console binds
 * with the code the page shows and books; removed in the console, she is refused at her very next message;
 * a parent already known by phone (a sibling in another class) is linked, not doubled; teachers of another
 * class cannot open or change the family.
 */
class FamiliesPagesTests extends PortalTestSupport {

	private static final String PASSWORD = "qinqing-demo";

	private static final Pattern CODE = Pattern.compile("绑定码：(\\d{8})");

	@Autowired
	SchoolRecords records;

	@Autowired
	Families families;

	@Autowired
	Bookings bookings;

	private ConsoleBrowser signedIn(String username) {
		ConsoleBrowser browser = new ConsoleBrowser(this.port);
		assertThat(browser.signIn(username, PASSWORD).status()).isEqualTo(302);
		browser.get("/console"); // the form token of the signed-in session
		return browser;
	}

	/** A fresh left-behind child in the first class, with nobody in its family yet (as an import left them). */
	private Child freshChild(String classId) {
		String id = UUID.randomUUID().toString().substring(0, 8);
		Child child = new Child("fam-ch-" + id, "赵小" + id.substring(0, 1), classId, LeftBehindType.BOTH_AWAY, "fam-" + id, "");
		this.records.save(TENANT, child);
		return child;
	}

	private String firstClass() {
		return this.records.ids(TENANT, "class").get(0);
	}

	@Test
	void aGuardianAddedInTheConsoleBindsBooksAndIsRefusedAtTheNextMessageOnceRemoved() {
		Child child = freshChild(firstClass());
		ConsoleBrowser admin = signedIn("admin");
		String path = "/console/archives/" + child.id() + "/family";
		assertThat(admin.get(path).body()).contains("还没有登记家人");

		String phone = "1990077" + String.format("%04d", (int) (System.nanoTime() % 10000));
		Page added = admin.post(path + "/add", Map.of("role", "GUARDIAN", "name", "赵奶奶", "relation", "祖母", "phone", phone));
		assertThat(added.status()).isEqualTo(302);
		Person grandma = this.families.members(TENANT, child.id()).get(0);
		assertThat(admin.post(path + "/" + grandma.id() + "/code", Map.of()).status()).isEqualTo(302);
		Page family = admin.get(path);
		assertThat(family.body()).contains("赵奶奶", "祖母", "还没有绑定微信");
		Matcher code = CODE.matcher(family.body());
		assertThat(code.find()).as("the page shows her code").isTrue();

		String openid = "o-fam-" + System.nanoTime();
		assertThat(wechat().text(openid, "绑定 " + code.group(1)).reply()).contains("绑定成功");
		assertThat(admin.get(path).body()).contains("已绑定 1 个微信").doesNotContain(openid);
		// she starts booking a call, and stops at the days
		assertThat(wechat().text(openid, "预约视频").reply()).contains("哪一天方便");

		// the school removes her from the family: her very next message no longer reaches the child
		assertThat(admin.post(path + "/" + grandma.id() + "/remove", Map.of()).status()).isEqualTo(302);
		String next = wechat().text(openid, "1").reply();
		assertThat(next).doesNotContain("几点方便").contains("绑定");
		assertThat(wechat().text(openid, "预约视频").reply()).doesNotContain("哪一天方便");
		assertThat(this.bookings.upcoming(TENANT, child.familyId())).isEmpty();
		assertThat(admin.get(path).body()).contains("把 赵奶奶 移出了这个家庭");
	}

	@Test
	void aParentKnownByPhoneIsLinkedNotDoubledAndSiblingsShareTheFamily() {
		List<String> classes = this.records.ids(TENANT, "class");
		Child elder = freshChild(classes.get(0));
		Child younger = freshChild(classes.get(classes.size() - 1));
		ConsoleBrowser admin = signedIn("admin");
		String phone = "1990088" + String.format("%04d", (int) (System.nanoTime() % 10000));
		admin.post("/console/archives/" + elder.id() + "/family/add",
				Map.of("role", "PARENT", "name", "赵建国", "relation", "父亲", "phone", phone));
		Page linked = admin.post("/console/archives/" + younger.id() + "/family/add",
				Map.of("role", "PARENT", "name", "赵建国", "relation", "父亲", "phone", phone));
		assertThat(linked.status()).isEqualTo(302);
		Person father = this.families.members(TENANT, elder.id()).get(0);
		assertThat(this.families.members(TENANT, younger.id())).containsExactly(father.withChildren(List.of(elder.id(), younger.id())));
		assertThat(this.records.child(TENANT, younger.id()).orElseThrow().familyId()).isEqualTo(elder.familyId());
		assertThat(admin.get("/console/archives/" + younger.id() + "/family").body()).contains("也是另外 1 个孩子的家人");
		// the card follows the family
		assertThat(admin.get("/console/archives/" + younger.id()).body()).contains(phone);
	}

	@Test
	void mistakesComeBackWithWhatWasTypedAndNothingIsSaved() {
		Child child = freshChild(firstClass());
		ConsoleBrowser admin = signedIn("admin");
		Page page = admin.post("/console/archives/" + child.id() + "/family/add",
				Map.of("role", "GUARDIAN", "name", "", "relation", "外婆", "phone", "12345"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("请填写姓名", "请填写11位手机号", "value=\"外婆\"", "value=\"12345\"");
		assertThat(this.families.members(TENANT, child.id())).isEmpty();
	}

	@Test
	void aTeacherOfAnotherClassCannotOpenOrChangeTheFamily() {
		List<String> classes = this.records.ids(TENANT, "class");
		Child child = freshChild(classes.get(classes.size() - 1));
		ConsoleBrowser admin = signedIn("admin");
		admin.post("/console/archives/" + child.id() + "/family/add",
				Map.of("role", "GUARDIAN", "name", "赵爷爷", "relation", "祖父", "phone", ""));
		Person grandpa = this.families.members(TENANT, child.id()).get(0);
		ConsoleBrowser teacher = signedIn("teacher1");
		assertThat(teacher.get("/console/archives/" + child.id() + "/family").status()).isEqualTo(403);
		assertThat(teacher.post("/console/archives/" + child.id() + "/family/" + grandpa.id() + "/remove", Map.of()).status())
			.isEqualTo(403);
		assertThat(this.families.members(TENANT, child.id())).hasSize(1);
		// a person of another family changes nothing through this child's page
		Child other = freshChild(classes.get(classes.size() - 1));
		assertThat(admin.post("/console/archives/" + other.id() + "/family/" + grandpa.id() + "/remove", Map.of()).status())
			.isEqualTo(404);
		assertThat(this.families.members(TENANT, child.id())).hasSize(1);
	}

	@Test
	void anAdminAddsATeacherWhoHeadsAClassAndGetsACardOnItsSheet() {
		ConsoleBrowser admin = signedIn("admin");
		String classId = this.records.ids(TENANT, "class").get(1);
		String before = this.records.schoolClass(TENANT, classId).orElseThrow().headTeacherId();
		String name = "钱老师" + (System.nanoTime() % 1000);
		assertThat(admin.post("/console/admin/teachers", Map.of("name", name, "classId", classId)).status()).isEqualTo(302);
		assertThat(admin.get("/console/admin/teachers").body()).contains(name);
		SchoolClass headed = this.records.schoolClass(TENANT, classId).orElseThrow();
		Person teacher = this.records.person(TENANT, headed.headTeacherId()).orElseThrow();
		assertThat(teacher.name()).isEqualTo(name);
		assertThat(admin.get("/console/binding/class/" + classId).body()).contains(name);
		assertThat(signedIn("teacher1").get("/console/admin/teachers").status()).isEqualTo(403);
		// give the class back to its head teacher, as other tests expect
		admin.get("/console/admin/teachers");
		admin.post("/console/admin/teachers/" + before + "/classes",
				Map.of("classId", classId));
		assertThat(this.records.schoolClass(TENANT, classId).orElseThrow().headTeacherId()).isEqualTo(before);
	}

}
