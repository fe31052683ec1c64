package org.qinqing.conversation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.qinqing.people.Identity;

/**
 * What a flow's options, conditions and action see: who is talking and the answers collected so far (only answers:
 * the engine's own bookkeeping is kept apart). The typed readers follow what each {@link Step.Kind} stores.
 */
public record FlowContext(String tenant, String openid, Identity identity, Map<String, String> answers) {

	public boolean has(String step) {
		String value = this.answers.get(step);
		return value != null && !value.isEmpty();
	}

	/** A text, choice or pick answer; empty when not given (or skipped). */
	public String text(String step) {
		return this.answers.getOrDefault(step, "");
	}

	public int number(String step) {
		return Integer.parseInt(this.answers.get(step));
	}

	/** A yes/no answer; false when the step was not asked. */
	public boolean yes(String step) {
		return Boolean.parseBoolean(this.answers.get(step));
	}

	/** The words of a several-choices answer, in the options' order. */
	public List<String> several(String step) {
		String value = text(step);
		return value.isEmpty() ? List.of() : Arrays.asList(value.split(Step.SEVERAL_SEPARATOR));
	}

	public LocalDate date(String step) {
		return LocalDate.parse(this.answers.get(step));
	}

}
