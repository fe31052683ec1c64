package org.qinqing.conversation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.system.BotScripts;

/**
 * Reads one answer to one step, by the step's kind: numbers, yes/no, several choices, dates, optional text. The words
 * people use for yes, no and "leave it out" are in {@code bot-scripts/common.yaml}.
 */
final class StepAnswers {

	private final BotScripts scripts;

	private final Clock clock;

	private final List<String> yesWords;

	private final List<String> noWords;

	private final List<String> skipWords;

	StepAnswers(BotScripts scripts, Clock clock) {
		this.scripts = scripts;
		this.clock = clock;
		scripts.require("common.date");
		scripts.strings("common.yes-no");
		this.yesWords = scripts.strings("common.yes-words");
		this.noWords = scripts.strings("common.no-words");
		this.skipWords = scripts.strings("common.skip-words");
	}

	/** The answer to a step other than a pick (picks read what they showed, see the engine). */
	Parsed read(Step step, String input, FlowContext context) {
		String hint = step.hintKey();
		return switch (step.kind()) {
			case TEXT -> text(step, input, context);
			case CHOICE -> {
				List<String> words = words(step);
				yield Choices.pick(input, words).map(i -> Parsed.ok(words.get(i))).orElse(Parsed.invalid(hint));
			}
			case CONFIRM, YES_NO -> yesNo(step, input).map(yes -> Parsed.ok(String.valueOf(yes)))
				.orElse(Parsed.invalid(hint));
			case NUMBER -> Choices.number(input.strip().replaceFirst("[分点级星颗]$", ""), step.min, step.max)
				.map(n -> Parsed.ok(String.valueOf(n)))
				.orElse(Parsed.invalid(hint, Map.of("min", String.valueOf(step.min), "max", String.valueOf(step.max))));
			case SEVERAL -> {
				List<String> words = words(step);
				yield Choices.several(input, words)
					.map(picked -> Parsed.ok(String.join(Step.SEVERAL_SEPARATOR, picked.stream().map(words::get).toList())))
					.orElse(Parsed.invalid(hint));
			}
			case DATE -> date(step, input, context);
			case PICK -> throw new IllegalArgumentException("A pick reads the options it showed");
		};
	}

	private Parsed text(Step step, String input, FlowContext context) {
		if (step.optional && this.skipWords.contains(input.strip())) {
			return Parsed.ok("");
		}
		int length = input.codePointCount(0, input.length());
		if (length < step.min) {
			return Parsed.invalid(step.hintKey(), Map.of("min", String.valueOf(step.min), "max", String.valueOf(step.max)));
		}
		return step.check == null ? Parsed.ok(input) : step.check.apply(input, context);
	}

	/**
	 * 1 or the first option: true; 2 or the second option: false. A yes/no question also takes the words people say
	 * for yes and no; a confirmation (it may unbind, send, delete) only its numbers and its options' words, so a
	 * stray "好的" never confirms.
	 */
	private Optional<Boolean> yesNo(Step step, String input) {
		Optional<Integer> picked = Choices.pick(input, words(step));
		if (picked.isPresent()) {
			return Optional.of(picked.get() == 0);
		}
		if (step.kind() == Step.Kind.CONFIRM) {
			return Optional.empty();
		}
		String s = input.strip();
		if (this.noWords.contains(s)) {
			return Optional.of(false);
		}
		return this.yesWords.contains(s) ? Optional.of(true) : Optional.empty();
	}

	private Parsed date(Step step, String input, FlowContext context) {
		LocalDate today = LocalDate.now(this.clock);
		Step.DateRange range = step.dates.apply(today, context);
		// a date step may list a few words (1 今天, 2 昨天): a number picks one, read as if typed
		List<String> words = words(step);
		String said = words.isEmpty() ? input : Choices.pick(input, words).map(words::get).orElse(input);
		Optional<LocalDate> date = DateAnswers.read(said, today, range.latest());
		if (date.isPresent() && !date.get().isBefore(range.earliest()) && !date.get().isAfter(range.latest())) {
			return Parsed.ok(date.get().toString());
		}
		return Parsed.invalid(step.hintKey(),
				Map.of("earliest", label(range.earliest()), "latest", label(range.latest())));
	}

	/** 12月3日: what a date step keeps as {@code <step>Label}. */
	String label(LocalDate date) {
		return this.scripts.text("common.date", Map.of("month", date.getMonthValue(), "day", date.getDayOfMonth()));
	}

	/** The words a step lists numbered: its own options, or 是 / 否 for a yes/no step without any. */
	List<String> words(Step step) {
		if (step.listsWords() || this.scripts.has(step.optionsKey())) {
			return this.scripts.strings(step.optionsKey());
		}
		return step.kind() == Step.Kind.YES_NO ? this.scripts.strings("common.yes-no") : List.of();
	}

}
