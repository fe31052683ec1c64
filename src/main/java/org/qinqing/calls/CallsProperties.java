package org.qinqing.calls;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The call settings a tenant starts with ({@code qinqing.calls.*}) until the school saves its own.
 *
 * @param stations the call stations in the 亲情室
 * @param hours weekly opening hours of every station, e.g. {@code MON-FRI 16:30-18:00}
 * @param slotLength one call's length
 * @param bookingWindow how far ahead a family may book
 * @param minNotice how long before a call it may still be booked
 * @param cancelNotice how long before a call it may still be cancelled
 * @param familyCapPerWeek calls one family may book per ISO week (Monday to Sunday)
 * @param guardiansMayBook whether guardians may book calls too (the grandparents raising the child)
 */
@ConfigurationProperties("qinqing.calls")
record CallsProperties(@DefaultValue({ "亲情室电话", "亲情室平板" }) List<String> stations,
		@DefaultValue({ "MON-FRI 16:30-18:00", "SAT 09:00-11:30" }) List<String> hours,
		@DefaultValue("15m") Duration slotLength, @DefaultValue("14d") Duration bookingWindow,
		@DefaultValue("2h") Duration minNotice, @DefaultValue("1h") Duration cancelNotice,
		@DefaultValue("2") int familyCapPerWeek, @DefaultValue("true") boolean guardiansMayBook) {

	CallSettings toSettings() {
		List<OpeningHours> weekly = hours.stream().flatMap(spec -> OpeningHours.parse(spec).stream()).toList();
		Map<String, List<OpeningHours>> byStation = new LinkedHashMap<>();
		for (String station : stations) {
			byStation.put(station, weekly);
		}
		return new CallSettings(stations, byStation, slotLength, bookingWindow, minNotice, cancelNotice,
				familyCapPerWeek, List.of(), List.of(), guardiansMayBook);
	}

}
