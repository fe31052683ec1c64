package org.qinqing.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The personal links the bot hands out (an asker's thread, a lesson): {@code /<root>/<tenant>/<id>?p=<person>&s=<sig>},
 * signed by {@link LinkSigner} for that kind, record and person, and absolute under the app's public address
 * ({@code qinqing.inbox.link-base}, {@code QINQING_PUBLIC_URL}). The signature is the key of a public page: it
 * needs no sign-in, and a form that posts it back needs no CSRF token.
 */
@Component
public class PersonalLinks {

	private final LinkSigner signer;

	private final String base;

	PersonalLinks(LinkSigner signer, @Value("${qinqing.inbox.link-base:}") String base) {
		this.signer = signer;
		this.base = base.strip().replaceFirst("/+$", "");
	}

	/** The absolute link, or null when the app's public address is not configured (then a message has none). */
	public String absolute(String kind, String root, String tenant, String id, String personId) {
		return this.base.isEmpty() ? null : this.base + path(kind, root, tenant, id, personId);
	}

	/** The link without the app's address; {@code root} is the page's path, e.g. {@code /threads/}. */
	public String path(String kind, String root, String tenant, String id, String personId) {
		return root + encode(tenant) + "/" + encode(id) + "?p=" + encode(personId) + "&s="
				+ this.signer.sign(kind, tenant, id, personId);
	}

	public boolean valid(String kind, String tenant, String id, String personId, String signature) {
		return personId != null && !personId.isEmpty() && this.signer.verify(signature, kind, tenant, id, personId);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
