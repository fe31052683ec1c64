package org.qinqing.emergency;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.qinqing.system.SchoolTime;

/** Times as a teacher types them: 10:42 in school time. */
final class SchoolTimeText {

	private SchoolTimeText() {
	}

	static String hhmm(Instant at) {
		return DateTimeFormatter.ofPattern("HH:mm").format(SchoolTime.at(at));
	}

}
