package org.qinqing.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Links the bot hands out: absolute under the app's public address ({@code qinqing.links.public-url}, from
 * {@code QINQING_PUBLIC_URL}), and for a page meant for one person (an asker's thread, an incident to acknowledge)
 * signed for that person with the {@link LinkSigner}, so it can be neither guessed nor turned into another's.
 */
@Component
public class PersonLinks {

	private final LinkSigner signer;

	private final String base;

	PersonLinks(LinkSigner signer, @Value("${qinqing.links.public-url:}") String base) {
		this.signer = signer;
		this.base = base == null ? "" : base.strip().replaceFirst("/+$", "");
	}

	/** The absolute address of a path of the app, or null when no public address is configured. */
	public String absolute(String path) {
		return this.base.isEmpty() ? null : this.base + path;
	}

	/**
	 * {@code <page>?p=<person>&s=<signature>}: the signature covers the purpose, tenant, subject and person, so a
	 * link of one purpose (a thread's page) opens nothing of another.
	 */
	public String signedPath(String page, String purpose, String tenant, String subject, String personId) {
		return page + "?p=" + encode(personId) + "&s=" + this.signer.sign(purpose, tenant, subject, personId);
	}

	public boolean valid(String signature, String purpose, String tenant, String subject, String personId) {
		return this.signer.verify(signature, purpose, tenant, subject, personId);
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
