package org.qinqing.conversation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A conversation declared as steps and a final action, built with {@link #named}. The engine owns everything else:
 * prompts, re-asking, the global commands (菜单/0, 取消, 返回/上一步, 帮助) and the session in Redis.
 *
 * @param id the name menus use to start it ({@code flow:<id>})
 * @param steps the questions, in order
 * @param complete runs once all answers are in
 * @param changesIdentity whether the action binds or unbinds the user
 * @param given answers a command or an earlier flow starts it with (placeholders may use them)
 */
public record Flow(String id, List<Step> steps, Function<FlowContext, Completion> complete, boolean changesIdentity,
		Set<String> given) {

	public Flow {
		steps = List.copyOf(steps);
		given = Set.copyOf(given);
		if (steps.isEmpty()) {
			throw new IllegalArgumentException("Flow " + id + " has no steps");
		}
		Set<String> names = new LinkedHashSet<>();
		for (Step step : steps) {
			if (!names.add(step.name())) {
				throw new IllegalArgumentException("Flow " + id + " has two steps named " + step.name());
			}
		}
	}

	/**
	 * Starts declaring a flow. Its wording is under {@code <id>.<step>.ask / hint / options / empty / kept} unless
	 * {@link Builder#wordedIn} names another place (e.g. {@code calls.book} in {@code bot-scripts/calls.yaml}).
	 */
	public static Builder named(String id) {
		return new Builder(id);
	}

	/** Declares a flow step by step; each method adds a step (or changes the last one) and returns the builder. */
	public static final class Builder {

		private final String id;

		private String wording;

		private final List<Step> steps = new ArrayList<>();

		private final Set<String> given = new LinkedHashSet<>();

		private Builder(String id) {
			this.id = id;
			this.wording = id;
		}

		/** The bot-scripts key under which the steps' wording is: {@code <where>.<step>.ask}. */
		public Builder wordedIn(String where) {
			if (!this.steps.isEmpty()) {
				throw new IllegalStateException("Say where " + this.id + " is worded before its steps");
			}
			this.wording = where;
			return this;
		}

		/** Answers the flow is started with by a command or an earlier flow; their steps (if any) are not asked. */
		public Builder given(String... names) {
			this.given.addAll(List.of(names));
			return this;
		}

		/** A numbered choice among {@code options}; the answer is the chosen words. */
		public Builder choice(String name) {
			return add(name, Step.Kind.CHOICE, 0, 0, false, null, null, null);
		}

		/** Free text of {@code min} to {@code max} characters (a longer one is kept: shorten, in parts or again). */
		public Builder text(String name, int min, int max) {
			return add(name, Step.Kind.TEXT, min, max, false, null, null, null);
		}

		/** Free text read by {@code check} (e.g. a code): it returns the value to keep or the hint to re-ask with. */
		public Builder text(String name, BiFunction<String, FlowContext, Parsed> check) {
			return add(name, Step.Kind.TEXT, 1, 0, false, check, null, null);
		}

		/** Text the user may leave out with 跳过 (or 没有, 不用): the answer is then empty. */
		public Builder optionalText(String name, int max) {
			return add(name, Step.Kind.TEXT, 1, max, true, null, null, null);
		}

		/** A whole number from {@code min} to {@code max}: 3, ３, 三, 3分. */
		public Builder number(String name, int min, int max) {
			if (min > max) {
				throw new IllegalArgumentException(name + ": " + min + " > " + max);
			}
			return add(name, Step.Kind.NUMBER, min, max, false, null, null, null);
		}

		/** Yes or no (1/2, 是/不是, 要/不要, 对/不对...): the answer is {@code true} or {@code false}. */
		public Builder yesNo(String name) {
			return add(name, Step.Kind.YES_NO, 0, 0, false, null, null, null);
		}

		/** Asks to go ahead with what was collected: option 1 goes on, option 2 leaves the flow saying what is kept. */
		public Builder confirm(String name) {
			return add(name, Step.Kind.CONFIRM, 0, 0, false, null, null, null);
		}

		/** Several of {@code options} at once: {@code 1 3}, {@code 1、3}, {@code 1,3}, {@code 一和三}, or the words. */
		public Builder several(String name) {
			return add(name, Step.Kind.SEVERAL, 1, Integer.MAX_VALUE, false, null, null, null);
		}

		/**
		 * A date: 今天, 昨天, 前天, 12月3日, 3号, 12-3. {@code range} gives the dates it may be from today (school time).
		 * With {@code <step>.options} (e.g. [今天, 昨天]) those words are listed numbered, and {@code 1} means 今天.
		 */
		public Builder date(String name, BiFunction<LocalDate, FlowContext, Step.DateRange> range) {
			return add(name, Step.Kind.DATE, 0, 0, false, null, null, range);
		}

		/** A numbered pick among options computed from the answers so far (children, days, times). */
		public Builder pick(String name, Function<FlowContext, List<Option>> options) {
			return add(name, Step.Kind.PICK, 0, 0, false, null, options, null);
		}

		/** The last step, a pick, takes a single option without asking (e.g. the only child). */
		public Builder skippedWhenOne() {
			Step last = last();
			if (last.kind() != Step.Kind.PICK) {
				throw new IllegalStateException(last + " is no pick");
			}
			this.steps.set(this.steps.size() - 1, last.skippedWhenOne());
			return this;
		}

		/**
		 * An answer that fits the last step's options does not miss: the flow ends and the input is read as if at
		 * the menu (a menu item, a command, a new question). For a soft offer such as "1 转给老师" after an answer.
		 */
		public Builder otherInputLeaves() {
			this.steps.set(this.steps.size() - 1, last().otherInputLeaves());
			return this;
		}

		/** The last step is asked only when {@code condition} holds for the answers before it. */
		public Builder when(Predicate<FlowContext> condition) {
			this.steps.set(this.steps.size() - 1, last().shownWhen(condition));
			return this;
		}

		/** The action once every answer is in; it may lead into another flow. */
		public Flow then(Function<FlowContext, Completion> complete) {
			return new Flow(this.id, this.steps, complete, false, this.given);
		}

		/** The action ends with a reply (worded already). */
		public Flow thenReply(Function<FlowContext, String> reply) {
			return then(context -> Completion.done(reply.apply(context)));
		}

		/** The action binds or unbinds the user: the engine re-reads who they are afterwards. */
		public Flow thenChangingIdentity(Function<FlowContext, String> reply) {
			return new Flow(this.id, this.steps, context -> Completion.done(reply.apply(context)), true, this.given);
		}

		private Step last() {
			if (this.steps.isEmpty()) {
				throw new IllegalStateException(this.id + " has no step yet");
			}
			return this.steps.get(this.steps.size() - 1);
		}

		private Builder add(String name, Step.Kind kind, int min, int max, boolean optional,
				BiFunction<String, FlowContext, Parsed> check, Function<FlowContext, List<Option>> options,
				BiFunction<LocalDate, FlowContext, Step.DateRange> dates) {
			this.steps.add(new Step(name, kind, this.wording + "." + name, min, max, optional, false, check, options,
					dates, null, false));
			return this;
		}

	}

}
