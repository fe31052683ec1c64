package org.qinqing.notify;

/** Something to deliver to one WeChat user of one tenant. */
public sealed interface OutboundMessage permits TextMessage, TemplateMessage {

	String tenant();

	String openid();

}
