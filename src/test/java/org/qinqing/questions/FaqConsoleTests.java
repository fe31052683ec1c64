package org.qinqing.questions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.ConsoleBrowser.Page;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FAQ's contract and page through real HTTP with a real sign-in: {@code GET /api/faq/match?q=...} answers a
 * signed-in admin {@code {"answered": ..., "matches": [{"id": ..., "score": ...}]}} (top 3), where answered is what
 * the chat would do; a teacher is refused (403) and a stranger sent to the sign-in page, as on every admin page.
 */
class FaqConsoleTests extends PortalTestSupport {

	private static final String PASSWORD = "qinqing-demo";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	FaqMatcher matcher;

	@Test
	void anAdminGetsTheMatchAsJsonInTheAgreedShape() {
		ConsoleBrowser admin = signedIn("admin");
		Page page = admin.get(api("咋跟娃视频"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("application/json");
		JsonNode root = JSON.readTree(page.body());
		assertThat(names(root)).containsExactly("answered", "matches");
		assertThat(root.get("answered").isBoolean()).isTrue();
		assertThat(root.get("answered").asBoolean()).isTrue();
		JsonNode matches = root.get("matches");
		assertThat(matches.isArray()).isTrue();
		assertThat(matches.size()).isBetween(1, 3);
		double previous = 1.0;
		for (JsonNode match : matches) {
			assertThat(names(match)).containsExactly("id", "score");
			assertThat(match.get("id").isString()).isTrue();
			assertThat(match.get("score").isNumber()).isTrue();
			double score = match.get("score").asDouble();
			assertThat(score).isBetween(0.0, previous);
			previous = score;
		}
		assertThat(matches.get(0).get("id").asString()).isEqualTo("call-booking");
	}

	@Test
	void answeredIsExactlyWhatTheChatWouldDo() {
		ConsoleBrowser admin = signedIn("admin");
		for (String question : List.of("两免一补是什么", "孩子在学校发烧了谁管", "今天天气怎么样", "孩子在学校被人欺负了",
				"你好", "家长会什么时候开")) {
			JsonNode root = JSON.readTree(admin.get(api(question)).body());
			boolean answered = root.get("answered").asBoolean();
			assertThat(answered).as(question).isEqualTo(this.matcher.reply(TENANT, question).isPresent());
			if (answered) {
				assertThat(root.get("matches").get(0).get("id").asString()).as(question)
					.isEqualTo(this.matcher.reply(TENANT, question).orElseThrow().id());
			}
		}
		JsonNode outOfScope = JSON.readTree(admin.get(api("今天天气怎么样")).body());
		assertThat(outOfScope.get("answered").asBoolean()).isFalse();
		JsonNode empty = JSON.readTree(admin.get(api("")).body());
		assertThat(empty.get("answered").asBoolean()).isFalse();
		assertThat(empty.get("matches").size()).isZero();
		assertThat(admin.get("/api/faq/match").status()).isEqualTo(400);
	}

	@Test
	void aTeacherIsRefusedAndAStrangerSentToSignIn() {
		ConsoleBrowser teacher = signedIn("teacher1");
		assertThat(teacher.get(api("怎么预约亲情视频")).status()).isEqualTo(403);
		assertThat(teacher.get("/console/admin/faq?q=x").status()).isEqualTo(403);
		assertThat(teacher.get("/console").body()).doesNotContain("/console/admin/faq");

		ConsoleBrowser stranger = new ConsoleBrowser(this.port);
		for (String path : List.of(api("怎么预约亲情视频"), "/console/admin/faq")) {
			Page page = stranger.get(path);
			assertThat(page.status()).as(path).isEqualTo(302);
			assertThat(page.location()).as(path).endsWith("/console/login");
			assertThat(page.body()).doesNotContain("matches");
		}
	}

	@Test
	void theAdminsPageShowsWhatTheChatWouldDoAndTheScores() {
		ConsoleBrowser admin = signedIn("admin");
		assertThat(admin.get("/console").body()).contains("href=\"/console/admin/faq\"", "常见问题");
		Page answered = admin.get("/console/admin/faq?q=" + encode("娃玩游戏停不下来"));
		assertThat(answered.status()).isEqualTo(200);
		assertThat(answered.body()).contains("会回答：孩子玩手机", "phone-addiction", "<meter", "和孩子说好每天玩多长时间")
			.contains("value=\"娃玩游戏停不下来\"");
		FaqMatch match = this.matcher.match(TENANT, "娃玩游戏停不下来");
		assertThat(answered.body()).contains(String.format("%.3f", match.matches().get(0).score()));

		Page unsure = admin.get("/console/admin/faq?q=" + encode("今天天气怎么样"));
		assertThat(unsure.body()).contains("没有把握，不会自动回答").doesNotContain("机器人会回复");
		Page blank = admin.get("/console/admin/faq");
		assertThat(blank.status()).isEqualTo(200);
		assertThat(blank.body()).contains("全部问题（" + this.matcher.content(TENANT).topics().size() + " 条）",
				"call-booking", "bot-scripts/faq/family-contact.yaml");
	}

	private ConsoleBrowser signedIn(String username) {
		ConsoleBrowser browser = new ConsoleBrowser(this.port);
		assertThat(browser.signIn(username, PASSWORD).location()).endsWith("/console");
		return browser;
	}

	private static String api(String question) {
		return "/api/faq/match?q=" + encode(question);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

}
