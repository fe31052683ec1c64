package org.qinqing.conversation;

/** A delivery's stamp came again with another body: the channel refuses it (WeChat's portal answers 403). */
public final class ReplayedDeliveryException extends RuntimeException {

	public ReplayedDeliveryException() {
		super("a delivery stamp seen before with another body");
	}

}
