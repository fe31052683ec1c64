package org.qinqing.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param remindAfter an unanswered thread reminds its teacher after this much school time (weekdays)
 * @param escalateAfter and goes to the school's leaders after this much
 * @param schoolPhone the number a worried asker is given to call at once (set it per school: QINQING_SCHOOL_PHONE)
 * @param linkBase the app's public address, for the links the bot hands out (read by system.PersonalLinks, which
 * signs the thread and lesson links)
 */
@ConfigurationProperties("qinqing.inbox")
public record InboxProperties(@DefaultValue("24h") Duration remindAfter, @DefaultValue("48h") Duration escalateAfter,
		@DefaultValue("") String schoolPhone, @DefaultValue("http://localhost:8080") String linkBase) {
}
