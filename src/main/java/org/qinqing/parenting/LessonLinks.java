package org.qinqing.parenting;

import org.qinqing.system.PersonLinks;
import org.springframework.stereotype.Component;

/**
 * A lesson's page for one person: {@code /lessons/<tenant>/<lesson>?p=<person>&s=<signature>}, signed for that
 * person and absolute under the app's public address ({@link PersonLinks}, as an asker's thread and an incident).
 */
@Component
class LessonLinks {

	static final String PATH = "/lessons/";

	private static final String PURPOSE = "lesson";

	private final PersonLinks links;

	LessonLinks(PersonLinks links) {
		this.links = links;
	}

	/** The absolute link, or null when the app's public address is not configured. */
	String forPerson(String tenant, String lessonId, String personId) {
		return this.links.absolute(path(tenant, lessonId, personId));
	}

	String path(String tenant, String lessonId, String personId) {
		return this.links.signedPath(PATH + PersonLinks.encode(tenant) + "/" + PersonLinks.encode(lessonId), PURPOSE,
				tenant, lessonId, personId);
	}

	boolean valid(String tenant, String lessonId, String personId, String signature) {
		return personId != null && !personId.isEmpty()
				&& this.links.valid(signature, PURPOSE, tenant, lessonId, personId);
	}

}
