package org.qinqing.conversation;

/** The engine's answer to one inbound: the reply (null: none) and the session to keep (null: drop it). */
record Turn(String reply, Session session) {
}
