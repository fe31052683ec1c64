package org.qinqing.console;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Places on the dashboard for the plan's targets whose features are not built yet (monthly talks,
 * parenting-school reach, family video calls, emergencies). They say so rather than show a number;
 * each feature replaces its tile with a computed one.
 */
@Configuration(proxyBeanMethods = false)
class ComingTiles {

	@Bean
	List<DashboardTile> comingTiles(MessageSource messages) {
		String detail = messages.getMessage("tile.coming", null, Locale.SIMPLIFIED_CHINESE);
		return List.of(coming(30, "tile.talks", detail), coming(40, "tile.parenting", detail),
				coming(50, "tile.calls", detail), coming(70, "tile.emergencies", detail));
	}

	private static DashboardTile coming(int order, String titleKey, String detail) {
		return new DashboardTile() {
			@Override
			public int order() {
				return order;
			}

			@Override
			public Tile view(StaffUser user) {
				return new Tile(titleKey, "", detail, "", null);
			}
		};
	}

}
