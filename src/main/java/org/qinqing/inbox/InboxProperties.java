package org.qinqing.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param remindAfter an unanswered thread reminds its teacher after this much school time (weekdays)
 * @param escalateAfter and goes to the school's leaders after this much
 * @param schoolPhone the number a worried asker is given to call at once (set it per school: QINQING_SCHOOL_PHONE)
 */
@ConfigurationProperties("qinqing.inbox")
public record InboxProperties(@DefaultValue("24h") Duration remindAfter, @DefaultValue("48h") Duration escalateAfter,
		@DefaultValue("") String schoolPhone) {
}
