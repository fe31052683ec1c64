package org.qinqing.console;

import java.util.Optional;

/**
 * One line of the leader's 今日概况 in chat, contributed by the module that owns the figure (incidents, calls,
 * questions, talks, lessons), as {@link DashboardTile}s are to the console's dashboard. A line is short plain
 * Chinese from the module's bot-scripts, today's figure of one plan target, ending with its console page's
 * absolute link (under the app's public address). It is read for a whole county tenant at once: counted from
 * indexes or in a pipeline, never one Redis round trip per record.
 */
public interface TodayFigure {

	/** Position in the overview, smaller first (the dashboard's tile order is a good guide). */
	int order();

	/**
	 * Today's line for the school's leader {@code leaderId} (a person id; leaders see the whole tenant), or empty
	 * when the figure has nothing to say for them.
	 */
	Optional<String> line(String tenant, String leaderId);

}
