package org.qinqing.notify;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Sends each message through the first channel (in {@code @Order}) that handles its recipient. */
@Service
class RoutingMessenger implements Messenger {

	private static final Logger log = LoggerFactory.getLogger(RoutingMessenger.class);

	private final List<MessengerChannel> channels;

	RoutingMessenger(List<MessengerChannel> channels) {
		this.channels = channels;
	}

	@Override
	public Delivery send(OutboundMessage message) {
		for (MessengerChannel channel : this.channels) {
			if (channel.handles(message.tenant(), message.openid())) {
				Delivery delivery = channel.send(message);
				if (!delivery.isSent()) {
					log.warn("Delivery of a {} to tenant {} failed: {} {}", message.getClass().getSimpleName(),
							message.tenant(), delivery.errorCode(), delivery.detail());
				}
				return delivery;
			}
		}
		return Delivery.rejected(-2, "no channel for this recipient");
	}

}
