package org.qinqing.emergency;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.qinqing.console.DashboardTile;
import org.qinqing.people.ChildAccess;
import org.qinqing.console.StaffUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The dashboard's 紧急情况 tile: this term's incidents, and for each step how many met its deadline. */
@Component
class IncidentsTile implements DashboardTile {

	private final TermFigures figures;

	private final ChildAccess access;

	private final MessageSource messages;

	IncidentsTile(TermFigures figures, ChildAccess access, MessageSource messages) {
		this.figures = figures;
		this.access = access;
		this.messages = messages;
	}

	@Override
	public int order() {
		return 70;
	}

	@Override
	public Tile view(StaffUser user) {
		TermFigures.Figures f = this.figures.thisTerm(user.tenant(), this.access.scope(user));
		List<String> labels = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		List<String> parts = new ArrayList<>();
		for (ChainStep step : ChainStep.values()) {
			String name = message("emergency.step." + step.name());
			labels.add(name);
			values.add(f.incidents() == 0 ? 0.0 : 100.0 * f.met().get(step) / f.incidents());
			parts.add(message("tile.emergencies.step", name, f.met().get(step), f.late().get(step)));
		}
		String detail = f.incidents() == 0 ? message("tile.emergencies.none")
				: message("tile.emergencies.detail", String.join(message("tile.emergencies.separator"), parts), f.open());
		return new Tile("tile.emergencies", String.valueOf(f.incidents()), detail, IncidentsController.PATH,
				f.incidents() == 0 ? null : new Chart(labels, values, 100.0, "%"));
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

}
