package org.qinqing.people;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Binding codes and the school-wide guard against guessing them.
 *
 * @param codeValidity how long a code may be used
 * @param alarmFailures wrong codes (not typos) across the school within {@code alarmWindow} that raise the alarm
 * @param alarmWindow the window they are counted in (whole minutes)
 * @param alarmHold the alarm lasts this long after the last wrong code
 * @param alarmGap while it lasts, one attempt of the whole school is checked per gap: a guesser gets 8,640 checked
 * guesses a day against 10^7 codes; a family typing its code waits seconds
 */
@ConfigurationProperties("qinqing.binding")
public record BindingProperties(@DefaultValue("14d") Duration codeValidity, @DefaultValue("20") int alarmFailures,
		@DefaultValue("10m") Duration alarmWindow, @DefaultValue("30m") Duration alarmHold,
		@DefaultValue("10s") Duration alarmGap) {

	public static BindingProperties defaults() {
		return new BindingProperties(Duration.ofDays(14), 20, Duration.ofMinutes(10), Duration.ofMinutes(30),
				Duration.ofSeconds(10));
	}

	int windowMinutes() {
		return (int) Math.max(1, this.alarmWindow.toMinutes());
	}

}
