/**
 * The edge to WeChat: the portal that WeChat's servers call (signature, safe-mode crypto, hardened
 * XML), the mapping from WeChat messages to plain {@link org.qinqing.conversation.Inbound} records,
 * and the WeChat channel of the outbound port. Only this module (and the simulator) knows WxJava.
 */
package org.qinqing.wechat;
