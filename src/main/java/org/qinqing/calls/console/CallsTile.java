package org.qinqing.calls.console;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.qinqing.console.DashboardTile;
import org.qinqing.console.StaffUser;
import org.qinqing.people.SchoolClass;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The dashboard's 亲情视频 tile: calls held this month per class beside last month's (early in a month this
 * month's figure is nearly nothing), and how many left-behind children's parents never had a held call (the
 * tile leads to their list). Dated, since the month is still going.
 */
@Component
class CallsTile implements DashboardTile {


	private final CallStats stats;

	private final MessageSource messages;

	CallsTile(CallStats stats, MessageSource messages) {
		this.stats = stats;
		this.messages = messages;
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public Tile view(StaffUser user) {
		CallStats.Summary summary = this.stats.summary(user);
		List<String> labels = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		List<Double> lastMonth = new ArrayList<>();
		for (var entry : summary.heldByClass().entrySet()) {
			SchoolClass schoolClass = entry.getKey();
			labels.add(schoolClass.name());
			values.add(entry.getValue().doubleValue());
			lastMonth.add(summary.heldByClassLastMonth().getOrDefault(schoolClass, 0).doubleValue());
		}
		String detail = this.messages.getMessage("tile.calls.detail",
				new Object[] { asOf(this.messages, summary.asOf()), summary.neverHeld().size() }, Locale.SIMPLIFIED_CHINESE);
		int month = summary.asOf().getMonthValue();
		int previousMonth = summary.asOf().minusMonths(1).getMonthValue();
		String compared = message("tile.calls.lastMonth", previousMonth, summary.heldLastMonth());
		return new Tile("tile.calls", String.valueOf(summary.heldThisMonth()), detail, CallsController.NEVER_HELD_PATH,
				new Chart(labels, values, null, "", lastMonth, message("tile.calls.month", month),
						message("tile.calls.month", previousMonth)),
				compared);
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

	/** "11月29日 04:58": when figures were computed, in the pattern of {@code calls.asOf.pattern}. */
	static String asOf(MessageSource messages, java.time.LocalDateTime at) {
		String pattern = messages.getMessage("calls.asOf.pattern", null, Locale.SIMPLIFIED_CHINESE);
		return at.format(DateTimeFormatter.ofPattern(pattern, Locale.SIMPLIFIED_CHINESE));
	}

}
