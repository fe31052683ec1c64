package org.qinqing.console;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.ConsoleBrowser.Page;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every console page (signed in or not, the simulator and error pages too) is sent with the strict CSP:
 * no 'unsafe-inline' or 'unsafe-eval' anywhere, so an HTML-injection slip cannot run script, and the
 * pages as rendered carry no inline code that this policy would refuse.
 */
class ContentSecurityPolicyTests extends PortalTestSupport {

	private static final String PASSWORD = "csp-test-pass-1";

	static final Map<String, String> POLICY = policy("default-src 'self'; img-src 'self' data:; style-src 'self'; "
			+ "script-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'");

	@Autowired
	StaffAccounts accounts;

	@Test
	void consolePagesAreSentWithTheStrictPolicyAndNoInlineCode() {
		String admin = "csp-admin-" + TENANT;
		if (!this.accounts.exists(admin)) {
			this.accounts.save(new StaffUser(admin, TENANT, StaffRole.ADMIN, "", "德育处"), PASSWORD);
		}
		ConsoleBrowser browser = new ConsoleBrowser(this.port);
		strict(browser.get("/console/login"), 200);
		strict(browser.get("/simulator"), 200);
		assertThat(browser.signIn(admin, PASSWORD).location()).endsWith("/console");
		for (String path : List.of("/console", "/console/archives", "/console/archives/import", "/console/binding",
				"/console/calls", "/console/calls/week", "/console/calls/no-shows", "/console/calls/never-held",
				"/console/calls/settings", "/console/inbox", "/console/admin/accounts", "/console/admin/audit",
				"/console/admin/faq", "/console/admin/faq?q=%E5%92%8B%E8%B7%9F%E5%A8%83%E8%A7%86%E9%A2%91",
				"/console/admin/faq/call-booking", "/console/incidents", "/console/incidents/new",
				"/console/incidents/E1")) {
			strict(browser.get(path), 200);
		}
		strict(browser.get("/console/no-such-page"), 404);
	}

	private static void strict(Page page, int status) {
		assertThat(page.status()).isEqualTo(status);
		String csp = page.header("Content-Security-Policy");
		assertThat(csp).isNotNull().doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
		assertThat(policy(csp)).isEqualTo(POLICY);
		assertThat(InlineCodeTests.offences(page.body())).isEmpty();
	}

	/** Directive name to its sources, order kept. */
	static Map<String, String> policy(String header) {
		Map<String, String> directives = new LinkedHashMap<>();
		Arrays.stream(header.split(";")).map(String::trim).filter(d -> !d.isEmpty()).forEach(d -> {
			String[] parts = d.split("\\s+", 2);
			directives.put(parts[0], parts.length > 1 ? parts[1] : "");
		});
		return directives;
	}

}
