package org.qinqing.console;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Places on the dashboard for the plan's targets whose features are not built yet (emergencies; the talks and
 * parenting-school tiles are their modules'). They say so rather than show a number;
 * each feature replaces its tile with a computed one.
 */
@Configuration(proxyBeanMethods = false)
class ComingTiles {

	@Bean
	DashboardTile emergenciesTile(MessageSource messages) {
		return coming(70, "tile.emergencies", messages);
	}

	private static DashboardTile coming(int order, String titleKey, MessageSource messages) {
		String detail = messages.getMessage("tile.coming", null, Locale.SIMPLIFIED_CHINESE);
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
