package org.qinqing.people.transfer;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.qinqing.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP (Tomcat's multipart limits do not apply to MockMvc): an upload over 2 MB is
 * refused before the controller, and the import page says why instead of showing an error.
 */
class UploadLimitTests extends PortalTestSupport {

	@Autowired
	private StaffAccounts staff;

	@Test
	void anUploadOverTwoMegabytesEndsOnTheImportPageWithAMessage() throws Exception {
		String username = "limit-admin-" + TENANT;
		if (!this.staff.exists(username)) {
			this.staff.save(new StaffUser(username, TENANT, StaffRole.ADMIN, "", "德育处"), "limit-test-pw");
		}
		String base = "http://127.0.0.1:" + this.port;
		HttpClient http = TestHttp.client()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String login = http.send(TestHttp.request(URI.create(base + "/console/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=limit-test-pw&_csrf="
				+ URLEncoder.encode(csrf(login), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = http.send(TestHttp.request(URI.create(base + "/console/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console"));

		String page = http.send(TestHttp.request(URI.create(base + "/console/archives/import")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		assertThat(page).contains("action=\"/console/archives/import\"", "enctype=\"multipart/form-data\"");

		byte[] file = new byte[3 * 1024 * 1024];
		Arrays.fill(file, (byte) 'a');
		String boundary = "----qinqing" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + file.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(file, 0, body, head.length, file.length);
		System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
		HttpResponse<String> refused = http.send(TestHttp.request(URI.create(base + "/console/archives/import"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).as(refused.body() + refused.headers().map()).isEqualTo(303);
		assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
				l -> assertThat(l).endsWith("/console/archives/import?tooLarge"));

		String message = http.send(TestHttp.request(URI.create(base + "/console/archives/import?tooLarge")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		assertThat(message).contains("文件太大：最大 2 MB");
	}

	private static String csrf(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("csrf token in the page").isTrue();
		return m.group(1);
	}

}
