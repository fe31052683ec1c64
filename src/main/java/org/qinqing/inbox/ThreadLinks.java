package org.qinqing.inbox;

import org.qinqing.system.PersonalLinks;
import org.springframework.stereotype.Component;

/**
 * The link an asker gets with an answer (a template message's detail page): the thread's page, a
 * {@link PersonalLinks personal link} signed for that person.
 */
@Component
class ThreadLinks {

	static final String PATH = "/threads/";

	private static final String KIND = "thread";

	private final PersonalLinks links;

	ThreadLinks(PersonalLinks links) {
		this.links = links;
	}

	/** The asker's link, or null when the app's public address is not configured (then the message has none). */
	String forAsker(String tenant, String number, String personId) {
		return this.links.absolute(KIND, PATH, tenant, number, personId);
	}

	/** The same link without the app's address: {@code /threads/<tenant>/<number>?p=<person>&s=<signature>}. */
	String path(String tenant, String number, String personId) {
		return this.links.path(KIND, PATH, tenant, number, personId);
	}

	boolean valid(String tenant, String number, String personId, String signature) {
		return this.links.valid(KIND, tenant, number, personId, signature);
	}

}
