package org.qinqing.parenting;

import java.util.List;
import java.util.Locale;

import org.qinqing.console.DashboardTile;
import org.qinqing.console.StaffUser;
import org.qinqing.people.ChildAccess;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The dashboard's 家教知识普及率 tile: this term's reach of left-behind children's families, per class, against 95%. */
@Component
class ReachTile implements DashboardTile {

	private final Reach reach;

	private final ChildAccess access;

	private final MessageSource messages;

	private final LessonsProperties properties;

	ReachTile(Reach reach, ChildAccess access, MessageSource messages, LessonsProperties properties) {
		this.reach = reach;
		this.access = access;
		this.messages = messages;
		this.properties = properties;
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public Tile view(StaffUser user) {
		Reach.Report report = this.reach.of(user.tenant(), this.access.visibleChildren(user));
		Reach.Figures total = report.total();
		List<String> labels = report.classes().stream().map(Reach.Row::label).toList();
		List<Double> values = report.classes().stream().map(r -> r.figures().reachedPercent()).toList();
		String detail = message("tile.parenting.detail", total.reached(), total.leftBehind(),
				total.answeredRightPercent(), total.neverOpened(), this.properties.target());
		return new Tile("tile.parenting", total.reachedPercent() + "%", detail, ReachController.PATH,
				labels.isEmpty() ? null : new Chart(labels, values, (double) this.properties.target(), "%"));
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

}
