package org.qinqing.conversation;

import java.util.List;
import java.util.function.Function;

/**
 * A conversation declared as steps and a final action. The engine owns everything else: prompts,
 * re-asking, the global commands (菜单/0, 取消, 返回/上一步, 帮助) and the session in Redis.
 *
 * @param id the name menus use to start it ({@code flow:<id>})
 * @param steps the questions, in order
 * @param complete runs once all answers are in
 * @param changesIdentity whether the action binds or unbinds the user
 */
public record Flow(String id, List<Step> steps, Function<FlowContext, Completion> complete, boolean changesIdentity) {

	/** A flow whose action ends with a reply (already worded). */
	public Flow(String id, List<Step> steps, Function<FlowContext, String> reply) {
		this(id, steps, context -> Completion.done(reply.apply(context)), false);
	}

	/** A flow whose action may lead into another flow. */
	public static Flow completing(String id, List<Step> steps, Function<FlowContext, Completion> complete) {
		return new Flow(id, steps, complete, false);
	}

	/** A flow whose action binds or unbinds the user: the engine re-reads who they are afterwards. */
	public static Flow changingIdentity(String id, List<Step> steps, Function<FlowContext, String> reply) {
		return new Flow(id, steps, context -> Completion.done(reply.apply(context)), true);
	}

	public Flow {
		steps = List.copyOf(steps);
		if (steps.isEmpty()) {
			throw new IllegalArgumentException("Flow " + id + " has no steps");
		}
	}

}
