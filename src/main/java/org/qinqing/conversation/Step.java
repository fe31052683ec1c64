package org.qinqing.conversation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One question of a flow, made by {@link Flow#named}'s builder. Its wording lives under
 * {@code <flow's wording>.<step>} in bot-scripts by convention: {@code ask} (the question), {@code hint} (said when
 * the answer does not fit), {@code options} (a choice's words), {@code empty} (a pick with nothing to offer says this
 * and leaves the flow), {@code kept} (a confirmation answered "no": what stays as it was; optional). The keys and the
 * placeholders in them are checked at start by {@link FlowRegistry}.
 *
 * <p>What each kind stores as its answer (read typed through {@link FlowContext}):
 * <ul>
 * <li>{@code CHOICE}: the chosen option's words; {@code PICK}: the picked option's value, and its brief words as
 * {@code <step>Label};</li>
 * <li>{@code TEXT}: the text ({@code ""} when an optional text is skipped with 跳过);</li>
 * <li>{@code NUMBER}: the number; {@code YES_NO} and {@code CONFIRM}: {@code true} or {@code false} (a confirmation
 * answered "no" leaves the flow);</li>
 * <li>{@code SEVERAL}: the chosen options' words joined by {@link #SEVERAL_SEPARATOR};</li>
 * <li>{@code DATE}: the ISO date, and {@code 12月3日} as {@code <step>Label}.</li>
 * </ul>
 */
public final class Step {

	/** Joins the words of a several-choices answer; it reads well in a reply too: 学习、心理. */
	public static final String SEVERAL_SEPARATOR = "、";

	public enum Kind {

		CHOICE, TEXT, CONFIRM, PICK, NUMBER, YES_NO, SEVERAL, DATE

	}

	/** The earliest and latest date a date step takes. */
	public record DateRange(LocalDate earliest, LocalDate latest) {
	}

	private final String name;

	private final Kind kind;

	private final String wording;

	final int min;

	final int max;

	final boolean optional;

	final boolean skipWhenOne;

	final BiFunction<String, FlowContext, Parsed> check;

	final Function<FlowContext, List<Option>> options;

	final BiFunction<LocalDate, FlowContext, DateRange> dates;

	final Predicate<FlowContext> shownWhen;

	final boolean otherInputLeaves;

	Step(String name, Kind kind, String wording, int min, int max, boolean optional, boolean skipWhenOne,
			BiFunction<String, FlowContext, Parsed> check, Function<FlowContext, List<Option>> options,
			BiFunction<LocalDate, FlowContext, DateRange> dates, Predicate<FlowContext> shownWhen,
			boolean otherInputLeaves) {
		if (!name.matches("[a-z][A-Za-z0-9]*")) {
			throw new IllegalArgumentException("A step's name is a plain word (it is a placeholder too): " + name);
		}
		this.name = name;
		this.kind = kind;
		this.wording = wording;
		this.min = min;
		this.max = max;
		this.optional = optional;
		this.skipWhenOne = skipWhenOne;
		this.check = check;
		this.options = options;
		this.dates = dates;
		this.shownWhen = shownWhen;
		this.otherInputLeaves = otherInputLeaves;
	}

	Step shownWhen(Predicate<FlowContext> when) {
		return new Step(this.name, this.kind, this.wording, this.min, this.max, this.optional, this.skipWhenOne,
				this.check, this.options, this.dates, when, this.otherInputLeaves);
	}

	Step skippedWhenOne() {
		return new Step(this.name, this.kind, this.wording, this.min, this.max, this.optional, true, this.check,
				this.options, this.dates, this.shownWhen, this.otherInputLeaves);
	}

	Step otherInputLeaves() {
		return new Step(this.name, this.kind, this.wording, this.min, this.max, this.optional, this.skipWhenOne,
				this.check, this.options, this.dates, this.shownWhen, true);
	}

	public String name() {
		return this.name;
	}

	public Kind kind() {
		return this.kind;
	}

	public String askKey() {
		return this.wording + ".ask";
	}

	public String hintKey() {
		return this.wording + ".hint";
	}

	public String optionsKey() {
		return this.wording + ".options";
	}

	public String emptyKey() {
		return this.wording + ".empty";
	}

	public String keptKey() {
		return this.wording + ".kept";
	}

	/** A text step's most characters, 0 for any: a longer answer is kept for the user to shorten or send in parts. */
	int maxLength() {
		return this.kind == Kind.TEXT ? this.max : 0;
	}

	/** Whether the step lists options of its own words ({@code options}); yes/no steps may, else say 是 / 否. */
	boolean listsWords() {
		return this.kind == Kind.CHOICE || this.kind == Kind.SEVERAL || this.kind == Kind.CONFIRM;
	}

	/** The keys this step needs: checked at start, so a feature lists none by hand. */
	List<String> requiredKeys() {
		List<String> keys = new ArrayList<>(List.of(askKey(), hintKey()));
		if (listsWords()) {
			keys.add(optionsKey());
		}
		if (this.kind == Kind.PICK) {
			keys.add(emptyKey());
		}
		return keys;
	}

	/** The placeholders the step fills itself in its hint, besides the flow's answers. */
	List<String> ownPlaceholders() {
		return switch (this.kind) {
			case NUMBER -> List.of("min", "max");
			case DATE -> List.of("earliest", "latest");
			case TEXT -> List.of("min", "max");
			default -> List.of();
		};
	}

	@Override
	public String toString() {
		return this.kind + " " + this.name;
	}

}
