package org.qinqing.notify;

/** One way of carrying messages (WeChat, the simulator); the first channel that handles a user wins. */
public interface MessengerChannel {

	boolean handles(String tenant, String openid);

	Delivery send(OutboundMessage message);

}
