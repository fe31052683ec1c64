package org.qinqing.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One question of a flow. The answer is stored under {@code name}; the prompt is a bot-scripts key
 * whose {@code {answerName}} placeholders are filled from earlier answers. Choice and confirm
 * steps show the options of {@code optionsKey} numbered; the reply may be the number or the words.
 * A pick step shows options computed from the answers so far (children, days, times); the list
 * shown is kept, so "3" means what the user saw even if the data changed meanwhile.
 *
 * @param hintKey what to say when the answer does not fit
 * @param options a pick step's options
 * @param emptyKey a pick step with no options says this and leaves the flow
 * @param skipWhenOne a pick step with a single option takes it without asking
 * @param keptKey a confirm step answered "no" (or 取消 there) says this: what stays as it was (e.g. the
 * binding); null for {@code replies.kept}
 * @param maxLength a text step's most characters, 0 for any: a longer answer is kept and the user chooses
 * to shorten it, send it in parts or write it again (see {@code replies.text-too-long})
 */
public record Step(String name, Kind kind, String promptKey, String optionsKey, String hintKey,
		BiFunction<String, FlowContext, Parsed> parser, Function<FlowContext, List<Option>> options, String emptyKey,
		boolean skipWhenOne, String keptKey, int maxLength) {

	public enum Kind {

		CHOICE, TEXT,
		/** Two options: the first goes on, the second cancels the flow. */
		CONFIRM,
		/** Options computed when the step is reached; the answer is the picked option's value. */
		PICK

	}

	public Step(String name, Kind kind, String promptKey, String optionsKey, String hintKey,
			BiFunction<String, FlowContext, Parsed> parser) {
		this(name, kind, promptKey, optionsKey, hintKey, parser, null, null, false, null, 0);
	}

	/** A numbered choice; the stored answer is the chosen option's words. */
	public static Step choice(String name, String promptKey, String optionsKey, String hintKey) {
		return new Step(name, Kind.CHOICE, promptKey, optionsKey, hintKey, null);
	}

	/**
	 * Free text between {@code min} and {@code max} characters. Too short re-asks with the hint; too long
	 * is kept for the user to shorten or send in parts.
	 */
	public static Step text(String name, String promptKey, int min, int max, String hintKey) {
		return new Step(name, Kind.TEXT, promptKey, null, hintKey, (input, ctx) -> {
			int length = input.codePointCount(0, input.length());
			return length >= min && length <= max ? Parsed.ok(input) : Parsed.invalid(hintKey);
		}, null, null, false, null, max);
	}

	/** Asks to confirm what was collected: option 1 completes the flow, option 2 cancels it. */
	public static Step confirm(String name, String promptKey, String optionsKey, String hintKey) {
		return new Step(name, Kind.CONFIRM, promptKey, optionsKey, hintKey, null);
	}

	/**
	 * A numbered pick among options computed from the answers so far. The answer is the option's
	 * value; {@code <name>Label} keeps its words for later prompts.
	 */
	public static Step pick(String name, String promptKey, String hintKey, String emptyKey,
			Function<FlowContext, List<Option>> options) {
		return new Step(name, Kind.PICK, promptKey, null, hintKey, null, options, emptyKey, false, null, 0);
	}

	/** This pick step takes a single option without asking (e.g. the only child). */
	public Step skippedWhenOne() {
		return new Step(this.name, this.kind, this.promptKey, this.optionsKey, this.hintKey, this.parser,
				this.options, this.emptyKey, true, this.keptKey, this.maxLength);
	}

	/**
	 * This confirm step, answered "no", says {@code key} (filled from the answers) instead of the default:
	 * what the user keeps, e.g. "好的，绑定保留着".
	 */
	public Step keptWith(String key) {
		return new Step(this.name, this.kind, this.promptKey, this.optionsKey, this.hintKey, this.parser,
				this.options, this.emptyKey, this.skipWhenOne, key, this.maxLength);
	}

	List<String> requiredKeys() {
		List<String> keys = new ArrayList<>(List.of(this.promptKey, this.hintKey));
		if (this.optionsKey != null) {
			keys.add(this.optionsKey);
		}
		if (this.emptyKey != null) {
			keys.add(this.emptyKey);
		}
		if (this.keptKey != null) {
			keys.add(this.keptKey);
		}
		return keys;
	}

}
