package org.qinqing.calls;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timings of the call jobs ({@code qinqing.calls.*}, beside {@link CallsProperties}).
 *
 * @param offerHold how long a freed seat is held for the first waiting family to confirm
 * @param pollInterval how often each instance looks for due reminders and expired offers
 */
@ConfigurationProperties("qinqing.calls")
public record CallTimings(@DefaultValue("15m") Duration offerHold, @DefaultValue("30s") Duration pollInterval) {
}
