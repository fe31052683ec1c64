package org.qinqing.conversation;

import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import org.qinqing.people.Role;

/**
 * A typed command a feature offers outside flows (e.g. {@code 绑定 123456}, {@code 我的信息}): a
 * value with its name (menus start it as {@code command:<name>}), who may use it, which input it
 * answers, and what it does. Global commands (菜单, 取消...) come first; flows keep their answers.
 */
public record Command(String name, Set<Role> roles, Predicate<String> matches,
		BiFunction<String, FlowContext, Outcome> run) {

	/**
	 * What a command or a scene did.
	 *
	 * @param reply the reply (worded already)
	 * @param identityChanged the user was bound or unbound: the engine re-reads who they are
	 * @param startFlow a flow to start after the reply, or empty
	 * @param seed answers the flow starts with; their steps are not asked
	 */
	public record Outcome(String reply, boolean identityChanged, String startFlow, java.util.Map<String, String> seed) {

		public Outcome {
			seed = seed == null ? java.util.Map.of() : java.util.Map.copyOf(seed);
		}

		public Outcome(String reply, boolean identityChanged, String startFlow) {
			this(reply, identityChanged, startFlow, java.util.Map.of());
		}

		public static Outcome reply(String reply) {
			return new Outcome(reply, false, "");
		}

		public static Outcome identityChanged(String reply) {
			return new Outcome(reply, true, "");
		}

		public static Outcome startFlow(String flowId) {
			return new Outcome("", false, flowId);
		}

		/** Says {@code lead} (may be empty), then starts a flow with some answers given. */
		public static Outcome startFlow(String lead, String flowId, java.util.Map<String, String> seed) {
			return new Outcome(lead, false, flowId, seed);
		}

	}

}
