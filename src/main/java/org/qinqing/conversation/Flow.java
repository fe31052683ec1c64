package org.qinqing.conversation;

import java.util.List;
import java.util.function.Function;

/**
 * A conversation declared as steps and a final action. The engine owns everything else: prompts,
 * re-asking, the global commands (菜单/0, 取消, 返回/上一步, 帮助) and the session in Redis.
 *
 * @param id the name menus use to start it ({@code flow:<id>})
 * @param steps the questions, in order
 * @param complete runs once all answers are in; returns the reply text (already worded)
 */
public record Flow(String id, List<Step> steps, Function<FlowContext, String> complete) {

	public Flow {
		steps = List.copyOf(steps);
		if (steps.isEmpty()) {
			throw new IllegalArgumentException("Flow " + id + " has no steps");
		}
	}

}
