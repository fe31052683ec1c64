package org.qinqing.talks;

import java.time.YearMonth;
import java.util.Optional;

/**
 * A line another feature adds to a parent's 孩子近况 about one child, e.g. the parenting school's "本月读了2节家长课".
 * Implement it as a bean; the talks list every one, in their order, after the talk and the last call.
 */
public interface ChildNewsLine {

	/** The line for this child and month (worded already, one line), or empty for none. */
	Optional<String> line(String tenant, String childId, YearMonth month);

}
