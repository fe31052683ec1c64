package org.qinqing.emergency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The plan's deadlines, counted from the report, and when each step's alarm goes before it.
 *
 * @param schoolPhone the number guardians and parents are given (QINQING_SCHOOL_PHONE)
 * @param deliveryCheck how often the messages' delivery is looked at, until each is settled or the guardians' alarm
 * @param safetyNet when the report's notices are sent again should the reporting instance have died before
 */
@ConfigurationProperties("qinqing.emergency")
public record EmergencyProperties(@DefaultValue("") String schoolPhone,
		@DefaultValue("15m") Duration guardiansAlert, @DefaultValue("30m") Duration guardiansDeadline,
		@DefaultValue("45m") Duration parentsAlert, @DefaultValue("1h") Duration parentsDeadline,
		@DefaultValue("90m") Duration authorityAlert, @DefaultValue("2h") Duration authorityDeadline,
		@DefaultValue("30s") Duration deliveryCheck, @DefaultValue("30s") Duration safetyNet) {

	Duration alert(ChainStep step) {
		return switch (step) {
			case GUARDIANS -> this.guardiansAlert;
			case PARENTS -> this.parentsAlert;
			case AUTHORITY -> this.authorityAlert;
		};
	}

	Duration deadline(ChainStep step) {
		return switch (step) {
			case GUARDIANS -> this.guardiansDeadline;
			case PARENTS -> this.parentsDeadline;
			case AUTHORITY -> this.authorityDeadline;
		};
	}

}
