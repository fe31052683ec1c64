package org.qinqing.notify;

import java.util.Set;

/** One way of carrying messages (WeChat, the simulator); the first channel that handles a user wins. */
public interface MessengerChannel {

	boolean handles(String tenant, String openid);

	Delivery send(OutboundMessage message);

	/**
	 * The tenants (accounts) this channel is configured for; the outbox consumes the queues of these.
	 * Channels that only piggyback on other tenants (the simulator) return none.
	 */
	default Set<String> tenants() {
		return Set.of();
	}

}
