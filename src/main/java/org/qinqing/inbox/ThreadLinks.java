package org.qinqing.inbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.qinqing.system.LinkSigner;
import org.springframework.stereotype.Component;

/**
 * The link an asker gets with an answer (a template message's detail page): the thread's page, signed for that
 * person, absolute under the app's public address ({@code qinqing.inbox.link-base}).
 */
@Component
class ThreadLinks {

	static final String PATH = "/threads/";

	private final LinkSigner signer;

	private final InboxProperties properties;

	ThreadLinks(LinkSigner signer, InboxProperties properties) {
		this.signer = signer;
		this.properties = properties;
	}

	/** The asker's link, or null when the app's public address is not configured (then the message has none). */
	String forAsker(String tenant, String number, String personId) {
		if (this.properties.linkBase().isBlank()) {
			return null;
		}
		return this.properties.linkBase().replaceFirst("/+$", "") + path(tenant, number, personId);
	}

	/** The same link without the app's address: {@code /threads/<tenant>/<number>?p=<person>&s=<signature>}. */
	String path(String tenant, String number, String personId) {
		return PATH + encode(tenant) + "/" + encode(number) + "?p=" + encode(personId) + "&s="
				+ this.signer.sign("thread", tenant, number, personId);
	}

	boolean valid(String tenant, String number, String personId, String signature) {
		return this.signer.verify(signature, "thread", tenant, number, personId);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
