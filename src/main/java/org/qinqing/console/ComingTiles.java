package org.qinqing.console;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Places on the dashboard for the plan's targets whose features are not built yet (monthly talks,
 * parenting-school reach). They say so rather than show a number;
 * each feature replaces its tile with a computed one.
 */
@Configuration(proxyBeanMethods = false)
class ComingTiles {

	@Bean
	DashboardTile talksTile(MessageSource messages) {
		return coming(30, "tile.talks", messages);
	}

	@Bean
	DashboardTile parentingTile(MessageSource messages) {
		return coming(40, "tile.parenting", messages);
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
