package org.qinqing.conversation;

import java.util.List;
import java.util.function.BiFunction;

/**
 * One question of a flow. The answer is stored under {@code name}; the prompt is a bot-scripts key
 * whose {@code {answerName}} placeholders are filled from earlier answers. Choice and confirm
 * steps show the options of {@code optionsKey} numbered; the reply may be the number or the words.
 *
 * @param hintKey what to say when the answer does not fit
 */
public record Step(String name, Kind kind, String promptKey, String optionsKey, String hintKey,
		BiFunction<String, FlowContext, Parsed> parser) {

	public enum Kind {

		CHOICE, TEXT,
		/** Two options: the first goes on, the second cancels the flow. */
		CONFIRM

	}

	/** A numbered choice; the stored answer is the chosen option's words. */
	public static Step choice(String name, String promptKey, String optionsKey, String hintKey) {
		return new Step(name, Kind.CHOICE, promptKey, optionsKey, hintKey, null);
	}

	/** Free text between {@code min} and {@code max} characters. */
	public static Step text(String name, String promptKey, int min, int max, String hintKey) {
		return new Step(name, Kind.TEXT, promptKey, null, hintKey, (input, ctx) -> {
			int length = input.codePointCount(0, input.length());
			return length >= min && length <= max ? Parsed.ok(input) : Parsed.invalid(hintKey);
		});
	}

	/** Asks to confirm what was collected: option 1 completes the flow, option 2 cancels it. */
	public static Step confirm(String name, String promptKey, String optionsKey, String hintKey) {
		return new Step(name, Kind.CONFIRM, promptKey, optionsKey, hintKey, null);
	}

	List<String> requiredKeys() {
		return this.optionsKey == null ? List.of(this.promptKey, this.hintKey)
				: List.of(this.promptKey, this.optionsKey, this.hintKey);
	}

}
