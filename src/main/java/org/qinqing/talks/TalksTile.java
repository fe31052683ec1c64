package org.qinqing.talks;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.qinqing.console.DashboardTile;
import org.qinqing.console.StaffUser;
import org.qinqing.people.ChildAccess;
import org.qinqing.system.SchoolTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The dashboard's 本月谈心 tile: the share of left-behind children talked to this month, against 100%, per class. */
@Component
class TalksTile implements DashboardTile {

	private final TalksMatrix matrix;

	private final ChildAccess access;

	private final MessageSource messages;

	private final Clock clock;

	TalksTile(TalksMatrix matrix, ChildAccess access, MessageSource messages, Clock clock) {
		this.matrix = matrix;
		this.access = access;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public Tile view(StaffUser user) {
		YearMonth month = YearMonth.from(SchoolTime.today(this.clock));
		TalksMatrix.Matrix m = this.matrix.of(user.tenant(), this.access.scope(user), month, 1);
		if (m.owed() == 0) {
			return new Tile("tile.talks", "—", message("tile.talks.none"), TalksController.PATH, null);
		}
		List<String> labels = m.classes().stream().map(TalksMatrix.ClassBlock::name).toList();
		List<Double> values = m.classes().stream().map(b -> (double) b.percent()).toList();
		return new Tile("tile.talks", m.percent() + "%", message("tile.talks.detail", m.done(), m.owed(),
				m.teachersBehind()), TalksController.PATH,
				labels.isEmpty() ? null : new Chart(labels, values, 100.0, "%"));
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

}
