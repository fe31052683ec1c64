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
	 * @param compared for a month's figure, the month before's beside it (e.g. "上月（11月）25 次"), or empty:
	 * on the 1st a month's figure is nearly nothing
	 */
	record Tile(String titleKey, String value, String detail, String link, Chart chart, String compared) {

		public Tile(String titleKey, String value, String detail, String link, Chart chart) {
			this(titleKey, value, detail, link, chart, "");
		}

	}

	/**
	 * Bars with labels, and a target line when {@code target} is not null. With {@code previous} values (the month
	 * before's), each label has two bars, named {@code previousName} and {@code name}.
	 */
	record Chart(List<String> labels, List<Double> values, Double target, String unit, List<Double> previous,
			String name, String previousName) {

		public Chart(List<String> labels, List<Double> values, Double target, String unit) {
			this(labels, values, target, unit, null, "", "");
		}

	}

}
