package org.qinqing.conversation;

/** The answer to one inbound message; WeChat shows it as a text reply. */
public record Reply(String text) {
}
