package org.qinqing.conversation;

import java.util.Map;

import org.qinqing.people.Identity;

/** What a flow's parsers and action see: who is talking and the answers collected so far. */
public record FlowContext(String tenant, String openid, Identity identity, Map<String, String> answers) {
}
