/**
 * Outbound messages: the {@link org.qinqing.notify.Messenger} port every feature uses to reach
 * people proactively, and the channels (WeChat, the simulator's outbox) that carry them.
 */
package org.qinqing.notify;
