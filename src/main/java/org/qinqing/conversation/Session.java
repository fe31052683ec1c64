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
 * @param answers the flow's answers (what its action reads), and nothing else
 * @param progress the engine's bookkeeping, apart from the answers: the options a step showed, steps given
 * without asking or passed by their condition, a long text being dealt with
 * @param misses wrong answers in a row at the current step
 * @param turns messages handled in this session
 * @param identityRevision the user's identity revision when it was read: a newer one (the school changed who
 * they are) starts the session afresh
 */
record Session(Role role, String personId, String name, String flow, int step, Map<String, String> answers,
		Map<String, String> progress, int misses, long turns, long identityRevision) {

	/** Bookkeeping keys start with this; sessions kept before bookkeeping had its own map kept it among the answers. */
	static final String BOOKKEEPING = "~";

	Session {
		flow = flow == null ? "" : flow;
		Map<String, String> kept = new LinkedHashMap<>();
		Map<String, String> book = progress == null ? new LinkedHashMap<>() : new LinkedHashMap<>(progress);
		if (answers != null) {
			answers.forEach((key, value) -> (key.startsWith(BOOKKEEPING) ? book : kept).put(key, value));
		}
		answers = kept;
		progress = book;
	}

	static Session start(Identity identity, long identityRevision) {
		return new Session(identity.role(), identity.personId(), identity.displayName(), "", 0, Map.of(), Map.of(), 0,
				0, identityRevision);
	}

	/** The session of someone the school changed: who they are read again, at the menu, turns kept. */
	Session reidentified(Identity identity, long identityRevision) {
		return new Session(identity.role(), identity.personId(), identity.displayName(), "", 0, Map.of(), Map.of(), 0,
				this.turns, identityRevision);
	}

	Identity identity() {
		return new Identity(this.role, this.personId, this.name);
	}

	boolean inFlow() {
		return !this.flow.isEmpty();
	}

	Session atMenu() {
		return new Session(this.role, this.personId, this.name, "", 0, Map.of(), Map.of(), 0, this.turns,
				this.identityRevision);
	}

	Session inFlow(String flowId, int stepIndex, Map<String, String> answers, Map<String, String> progress) {
		return new Session(this.role, this.personId, this.name, flowId, stepIndex, answers, progress, 0, this.turns,
				this.identityRevision);
	}

	Session withMisses(int misses) {
		return new Session(this.role, this.personId, this.name, this.flow, this.step, this.answers, this.progress,
				misses, this.turns, this.identityRevision);
	}

	Session nextTurn() {
		return new Session(this.role, this.personId, this.name, this.flow, this.step, this.answers, this.progress,
				this.misses, this.turns + 1, this.identityRevision);
	}

}
