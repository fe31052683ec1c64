package org.qinqing.notify;

/** A customer-service text message: allowed only inside the user's service window. */
public record TextMessage(String tenant, String openid, String text) implements OutboundMessage {
}
