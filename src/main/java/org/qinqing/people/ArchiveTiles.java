package org.qinqing.people;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.qinqing.console.DashboardTile;
import org.qinqing.console.StaffUser;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The archive figures on the dashboard: archive rate against the plan's 100%, and left-behind children per class. */
@Configuration(proxyBeanMethods = false)
class ArchiveTiles {

	@Bean
	DashboardTile archiveRateTile(ContactCards cards, ChildAccess access, MessageSource messages) {
		return new DashboardTile() {
			@Override
			public int order() {
				return 10;
			}

			@Override
			public Tile view(StaffUser user) {
				List<SchoolClass> classes = access.visibleClasses(user);
				List<String> labels = new ArrayList<>();
				List<Double> values = new ArrayList<>();
				int complete = 0;
				int leftBehind = 0;
				var rates = cards.archiveRatesByClass(user.tenant());
				for (SchoolClass schoolClass : classes) {
					ContactCards.ArchiveRate rate = rates.getOrDefault(schoolClass.id(), new ContactCards.ArchiveRate(0, 0));
					labels.add(schoolClass.name());
					values.add(Math.round(rate.percent() * 10) / 10.0);
					complete += rate.complete();
					leftBehind += rate.leftBehind();
				}
				ContactCards.ArchiveRate total = new ContactCards.ArchiveRate(complete, leftBehind);
				return new Tile("tile.archiveRate", String.format(Locale.ROOT, "%.1f%%", total.percent()),
						messages.getMessage("tile.archiveRate.detail", new Object[] { complete, leftBehind },
								Locale.SIMPLIFIED_CHINESE),
						"/console/archives?incomplete=true",
						new Chart(labels, values, 100.0, "%"));
			}
		};
	}

	@Bean
	DashboardTile leftBehindPerClassTile(ChildAccess access, MessageSource messages) {
		return new DashboardTile() {
			@Override
			public int order() {
				return 20;
			}

			@Override
			public Tile view(StaffUser user) {
				List<SchoolClass> classes = access.visibleClasses(user);
				List<Child> children = access.visibleChildren(user);
				List<String> labels = new ArrayList<>();
				List<Double> values = new ArrayList<>();
				long total = 0;
				for (SchoolClass schoolClass : classes) {
					long count = children.stream()
						.filter(c -> c.classId().equals(schoolClass.id()) && c.leftBehind().isLeftBehind())
						.count();
					labels.add(schoolClass.name());
					values.add((double) count);
					total += count;
				}
				return new Tile("tile.leftBehind", String.valueOf(total),
						messages.getMessage("tile.leftBehind.detail", new Object[] { children.size() },
								Locale.SIMPLIFIED_CHINESE),
						"/console/archives",
						new Chart(labels, values, null, ""));
			}
		};
	}

	static Comparator<SchoolClass> byGrade() {
		return Comparator.comparingInt(SchoolClass::grade).thenComparingInt(SchoolClass::number);
	}

}
