package org.qinqing.conversation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sessionIdleTtl how long an idle conversation is remembered
 * @param replyBudget past this, WeChat gets {@code success} and the reply goes as a customer-service message
 * @param lockLease how long a message's and its user's hold lasts unrenewed: a live handler renews it every
 * third of it, so a retry takes over a dead handler's message within about this long (WeChat retries after 5 s)
 * @param busyWait how long a message waits for the user's previous one before the user is told to try again
 * @param maxHandling a handler still busy after this long is no longer renewed (it hangs; the user is freed)
 * @param dedupTtl how long a message's result is kept for WeChat's retries
 * @param workers threads handling messages (each may wait on Redis)
 * @param queue messages waiting for a worker before new ones are told the bot is busy
 */
@ConfigurationProperties("qinqing.conversation")
public record ConversationProperties(@DefaultValue("30m") Duration sessionIdleTtl,
		@DefaultValue("4s") Duration replyBudget, @DefaultValue("3s") Duration lockLease,
		@DefaultValue("30s") Duration busyWait, @DefaultValue("60s") Duration maxHandling,
		@DefaultValue("5m") Duration dedupTtl, @DefaultValue("64") int workers, @DefaultValue("2000") int queue) {
}
