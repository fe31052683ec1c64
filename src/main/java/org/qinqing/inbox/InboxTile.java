package org.qinqing.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.qinqing.console.DashboardTile;
import org.qinqing.console.StaffUser;
import org.qinqing.people.ChildAccess;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The dashboard's 问问老师 tile: this month's questions, the share answered, the median time to a first answer, per class. */
@Component
class InboxTile implements DashboardTile {

	private final InboxStats stats;

	private final ChildAccess access;

	private final MessageSource messages;

	InboxTile(InboxStats stats, ChildAccess access, MessageSource messages) {
		this.stats = stats;
		this.access = access;
		this.messages = messages;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public Tile view(StaffUser user) {
		InboxStats.Summary s = this.stats.thisMonth(user.tenant(), this.access.scope(user));
		List<String> labels = new ArrayList<>(s.byClass().keySet());
		List<Double> values = s.byClass().values().stream().map(Integer::doubleValue).toList();
		String median = s.medianFirstAnswer()
			.map(d -> d.toHours() >= 1 ? message("tile.inbox.hours", d.toHours()) : message("tile.inbox.minutes",
					Math.max(1, d.toMinutes())))
			.orElse(message("tile.inbox.none"));
		String detail = message("tile.inbox.detail", s.answeredPercent(), median, s.waiting());
		return new Tile("tile.inbox", String.valueOf(s.questions()), detail, InboxController.PATH,
				labels.isEmpty() ? null : new Chart(labels, values, null, ""));
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

}
