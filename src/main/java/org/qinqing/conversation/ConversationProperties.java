package org.qinqing.conversation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sessionIdleTtl how long an idle conversation is remembered
 * @param replyBudget past this, WeChat gets {@code success} and the reply goes as a customer-service message
 * @param lockLease how long one user's lock holds if its holder dies
 * @param dedupTtl how long a message's result is kept for WeChat's retries
 * @param workers threads handling messages (each may wait on Redis)
 * @param queue messages waiting for a worker before new ones are told the bot is busy
 */
@ConfigurationProperties("qinqing.conversation")
public record ConversationProperties(@DefaultValue("30m") Duration sessionIdleTtl,
		@DefaultValue("4s") Duration replyBudget, @DefaultValue("30s") Duration lockLease,
		@DefaultValue("5m") Duration dedupTtl, @DefaultValue("64") int workers, @DefaultValue("2000") int queue) {
}
