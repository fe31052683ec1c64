package org.qinqing.emergency;

import org.qinqing.system.PersonLinks;
import org.springframework.stereotype.Component;

/**
 * The links of an incident: a family member's page to acknowledge it (signed for them, no sign-in), and the
 * console's page, both absolute under the app's public address.
 */
@Component
class IncidentLinks {

	static final String ACK_PATH = "/incidents/";

	static final String CONSOLE_PATH = "/console/incidents";

	private static final String PURPOSE = "incident";

	private final PersonLinks links;

	IncidentLinks(PersonLinks links) {
		this.links = links;
	}

	/** The person's acknowledgement page, or null without a public address (the message then has no link). */
	String forFamily(String tenant, String number, String personId) {
		return this.links.absolute(ackPath(tenant, number, personId));
	}

	String ackPath(String tenant, String number, String personId) {
		return this.links.signedPath(ACK_PATH + PersonLinks.encode(tenant) + "/" + PersonLinks.encode(number), PURPOSE,
				tenant, number, personId);
	}

	boolean valid(String tenant, String number, String personId, String signature) {
		return this.links.valid(signature, PURPOSE, tenant, number, personId);
	}

	/** The console's page of an incident (the console asks for a sign-in), or the list when {@code number} is empty. */
	String console(String number) {
		String path = number.isEmpty() ? CONSOLE_PATH : CONSOLE_PATH + "/" + number;
		String absolute = this.links.absolute(path);
		return absolute == null ? path : absolute;
	}

}
