package org.qinqing.notify;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotifyConfiguration {

	/** This instance's member of the consumer group; it serves the tenants its channels are configured for. */
	@Bean
	OutboxConsumer outboxConsumer(OutboxStore store, Messenger messenger, ServiceWindow window,
			Reachability reachability, NotifyProperties properties, Clock clock, List<MessengerChannel> channels) {
		return new OutboxConsumer(store, messenger, window, reachability, properties, clock, () -> {
			Set<String> tenants = new LinkedHashSet<>();
			channels.forEach(channel -> tenants.addAll(channel.tenants()));
			return tenants;
		}, OutboxConsumer.uniqueName(), OutboxConsumer.Checkpoints.NONE);
	}

}
