package org.qinqing.conversation;

import java.util.Map;

/**
 * What a flow's action came to: a final reply, or a reply that leads into another flow with some of
 * its answers given already (e.g. "that time was just taken; here are the nearest free ones").
 *
 * @param reply the words to say (worded already); a lead before the next flow's question when it continues
 * @param nextFlow the flow to continue with, or empty when done
 * @param seed answers the next flow starts with; their steps are not asked
 */
public record Completion(String reply, String nextFlow, Map<String, String> seed) {

	public Completion {
		nextFlow = nextFlow == null ? "" : nextFlow;
		seed = seed == null ? Map.of() : Map.copyOf(seed);
	}

	public static Completion done(String reply) {
		return new Completion(reply, "", Map.of());
	}

	public static Completion continueWith(String lead, String flowId, Map<String, String> seed) {
		return new Completion(lead, flowId, seed);
	}

	public boolean continues() {
		return !this.nextFlow.isEmpty();
	}

}
