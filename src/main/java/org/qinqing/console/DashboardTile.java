package org.qinqing.console;

import java.util.List;

/**
 * A figure on the dashboard, contributed by the module that owns it (archives, calls, talks...).
 * Texts are message keys; values are computed from the data, never typed in.
 */
public interface DashboardTile {

	/** Position on the dashboard, smaller first. */
	int order();

	/** What this user sees, or null when the tile is not for them. */
	Tile view(StaffUser user);

	/**
	 * @param titleKey message key of the tile's title
	 * @param value the headline figure, e.g. "92.5%" (empty while the feature is not built)
	 * @param detail a short line under it (plain text, escaped by the page)
	 * @param link where the tile leads, or empty
	 * @param chart an optional bar chart, or null
	 */
	record Tile(String titleKey, String value, String detail, String link, Chart chart) {
	}

	/** Bars with labels, and a target line when {@code target} is not null. */
	record Chart(List<String> labels, List<Double> values, Double target, String unit) {
	}

}
