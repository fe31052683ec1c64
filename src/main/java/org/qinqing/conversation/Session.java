package org.qinqing.conversation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.qinqing.people.Identity;
import org.qinqing.people.Role;

/**
 * A user's conversation state, kept in Redis with an idle TTL. It carries a snapshot of who the
 * user is (refreshed when a session starts) so a message costs no extra directory look-up.
 *
 * @param flow the running flow's id, or empty at the menu
 * @param step index of the current step of that flow
 * @param misses wrong answers in a row at the current step
 * @param turns messages handled in this session
 * @param identityRevision the user's identity revision when it was read: a newer one (the school changed who
 * they are) starts the session afresh
 */
record Session(Role role, String personId, String name, String flow, int step, Map<String, String> answers,
		int misses, long turns, long identityRevision) {

	Session {
		flow = flow == null ? "" : flow;
		answers = answers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(answers);
	}

	static Session start(Identity identity, long identityRevision) {
		return new Session(identity.role(), identity.personId(), identity.displayName(), "", 0, Map.of(), 0, 0,
				identityRevision);
	}

	Identity identity() {
		return new Identity(this.role, this.personId, this.name);
	}

	boolean inFlow() {
		return !this.flow.isEmpty();
	}

	Session atMenu() {
		return new Session(this.role, this.personId, this.name, "", 0, Map.of(), 0, this.turns, this.identityRevision);
	}

	Session inFlow(String flowId, int stepIndex, Map<String, String> answers) {
		return new Session(this.role, this.personId, this.name, flowId, stepIndex, answers, 0, this.turns,
				this.identityRevision);
	}

	Session withMisses(int misses) {
		return new Session(this.role, this.personId, this.name, this.flow, this.step, this.answers, misses,
				this.turns, this.identityRevision);
	}

	Session nextTurn() {
		return new Session(this.role, this.personId, this.name, this.flow, this.step, this.answers, this.misses,
				this.turns + 1, this.identityRevision);
	}

}
