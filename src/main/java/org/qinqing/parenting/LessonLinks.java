package org.qinqing.parenting;

import org.qinqing.system.PersonalLinks;
import org.springframework.stereotype.Component;

/** A lesson's page for one person: {@code /lessons/<tenant>/<lesson>?p=<person>&s=<signature>} ({@link PersonalLinks}). */
@Component
class LessonLinks {

	static final String PATH = "/lessons/";

	private static final String KIND = "lesson";

	private final PersonalLinks links;

	LessonLinks(PersonalLinks links) {
		this.links = links;
	}

	/** The absolute link, or null when the app's public address is not configured. */
	String forPerson(String tenant, String lessonId, String personId) {
		return this.links.absolute(KIND, PATH, tenant, lessonId, personId);
	}

	String path(String tenant, String lessonId, String personId) {
		return this.links.path(KIND, PATH, tenant, lessonId, personId);
	}

	boolean valid(String tenant, String lessonId, String personId, String signature) {
		return this.links.valid(KIND, tenant, lessonId, personId, signature);
	}

}
