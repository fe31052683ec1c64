package org.qinqing.parenting.push;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The weekly lesson push ({@code qinqing.parenting.push.*}), in school time.
 *
 * @param day the push's day of the week
 * @param time when it starts that day (and on the following days a large push is carried to)
 * @param batch people composed and queued in one step
 * @param reservePercent share of the account's daily template quota left for other messages (reminders, alerts)
 * @param lead sending the outbox may hold beyond the job poll's interval: enough to keep it busy between two runs,
 * little enough that other messages are not stuck behind a push
 * @param enabled schedule the push at all
 */
@ConfigurationProperties("qinqing.parenting.push")
public record PushProperties(@DefaultValue("FRIDAY") DayOfWeek day, @DefaultValue("19:00") LocalTime time,
		@DefaultValue("500") int batch, @DefaultValue("10") int reservePercent, @DefaultValue("2s") Duration lead,
		@DefaultValue("true") boolean enabled) {

	public PushProperties {
		if (batch < 1) {
			throw new IllegalArgumentException("qinqing.parenting.push.batch must be at least 1");
		}
		if (reservePercent < 0 || reservePercent > 90) {
			throw new IllegalArgumentException("qinqing.parenting.push.reserve-percent must be within 0..90");
		}
	}

}
