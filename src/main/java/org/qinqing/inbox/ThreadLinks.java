package org.qinqing.inbox;

import org.qinqing.system.PersonLinks;
import org.springframework.stereotype.Component;

/**
 * The link an asker gets with an answer (a template message's detail page): the thread's page, signed for that
 * person, absolute under the app's public address ({@link PersonLinks}).
 */
@Component
class ThreadLinks {

	static final String PATH = "/threads/";

	private static final String PURPOSE = "thread";

	private final PersonLinks links;

	ThreadLinks(PersonLinks links) {
		this.links = links;
	}

	/** The asker's link, or null when the app's public address is not configured (then the message has none). */
	String forAsker(String tenant, String number, String personId) {
		return this.links.absolute(path(tenant, number, personId));
	}

	/** The same link without the app's address: {@code /threads/<tenant>/<number>?p=<person>&s=<signature>}. */
	String path(String tenant, String number, String personId) {
		return this.links.signedPath(PATH + PersonLinks.encode(tenant) + "/" + PersonLinks.encode(number), PURPOSE,
				tenant, number, personId);
	}

	boolean valid(String tenant, String number, String personId, String signature) {
		return this.links.valid(signature, PURPOSE, tenant, number, personId);
	}

}
