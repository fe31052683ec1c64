package org.qinqing.notify;

/** The outbound port. Features call this; they never see WeChat types. */
public interface Messenger {

	Delivery send(OutboundMessage message);

}
