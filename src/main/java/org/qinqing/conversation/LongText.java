package org.qinqing.conversation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.system.BotScripts;

/**
 * A text answer longer than its step allows is kept, not thrown away: the user picks between its
 * shortened start, sending it in parts (the flow then runs once per part) and writing it again. Lengths
 * count characters (code points), as {@link Step#text} does; cuts fall after a sentence where one is near.
 */
final class LongText {

	/** {@code ~long:<step>}: the text that was too long, while the user chooses what to do with it. */
	static final String PENDING = "~long:";

	/** {@code ~rest:<step>}: what is left to send after the current part. */
	static final String REST = "~rest:";

	/** {@code ~part:<step>}: the current part, {@code <number>/<total>}. */
	static final String PART = "~part:";

	enum Choice {

		CUT, SPLIT, REWRITE

	}

	/** A reply of this many characters that is no option is the text written again. */
	private static final int REWRITTEN = 10;

	/** Option words are recognised inside replies this short (voice: "用前面的吧"). */
	private static final int SHORT_REPLY = 12;

	private static final String SENTENCE_ENDS = "。！？!?；;…\n";

	private static final String PAUSES = "，,、：:";

	private final BotScripts scripts;

	LongText(BotScripts scripts) {
		this.scripts = scripts;
		scripts.require("replies.text-too-long", "replies.text-long-cut", "replies.text-long-split",
				"replies.text-long-rewrite", "replies.text-long-hint", "replies.text-cut", "replies.text-first-part",
				"replies.text-next-part", "replies.text-rewrite");
		for (Choice choice : Choice.values()) {
			scripts.strings(wordsKey(choice));
		}
	}

	static int length(String text) {
		return text.codePointCount(0, text.length());
	}

	static boolean tooLong(Step step, String input) {
		return step.kind() == Step.Kind.TEXT && step.maxLength() > 0 && length(input) > step.maxLength();
	}

	/** The question about a text that is too long, with its three numbered options. */
	String question(Step step, String text) {
		int max = step.maxLength();
		String kept = shortened(text, max);
		int keptLength = length(kept);
		String end = kept.substring(kept.offsetByCodePoints(0, Math.max(0, keptLength - 8)));
		List<String> options = List.of(
				this.scripts.text("replies.text-long-cut", Map.of("kept", keptLength, "end", end)),
				this.scripts.text("replies.text-long-split", Map.of("parts", parts(text, max))),
				this.scripts.text("replies.text-long-rewrite"));
		return this.scripts.text("replies.text-too-long", Map.of("length", length(text), "max", max))
				+ Choices.numbered(options);
	}

	/** The option a reply picks: its number, or its words in a short reply. */
	Optional<Choice> choice(String input) {
		Optional<Integer> number = Choices.number(input, Choice.values().length);
		if (number.isPresent()) {
			return Optional.of(Choice.values()[number.get() - 1]);
		}
		if (length(input) > SHORT_REPLY) {
			return Optional.empty();
		}
		List<Choice> named = java.util.Arrays.stream(Choice.values())
			.filter(choice -> this.scripts.strings(wordsKey(choice)).stream().anyMatch(input::contains))
			.toList();
		return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
	}

	/** A reply that picks no option but is long enough to be the text written again. */
	static boolean rewritten(String input) {
		return length(input) >= REWRITTEN;
	}

	String text(String key, Map<String, ?> params) {
		return this.scripts.text(key, params);
	}

	/** The start of {@code text} within {@code max}, ending after a sentence (or a pause) in its last third. */
	static String shortened(String text, int max) {
		int[] cps = text.codePoints().toArray();
		if (cps.length <= max) {
			return text;
		}
		int cut = lastBreak(cps, max * 2 / 3, max, SENTENCE_ENDS);
		if (cut < 0) {
			cut = lastBreak(cps, max * 2 / 3, max, PAUSES);
		}
		return new String(cps, 0, cut < 0 ? max : cut).strip();
	}

	/** How many parts of at most {@code max} characters {@code text} is sent in. */
	static int parts(String text, int max) {
		return (length(text) + max - 1) / max;
	}

	/**
	 * The first of {@link #parts} parts of about equal length, ending after a sentence (or a pause) near
	 * that length where one is. What is left takes one part fewer, so parts taken one after the other
	 * from the front add up to the same count.
	 */
	static String firstPart(String text, int max) {
		int[] cps = text.codePoints().toArray();
		if (cps.length <= max) {
			return text;
		}
		int count = parts(text, max);
		int target = (cps.length + count - 1) / count;
		// the rest must still fit in count - 1 parts
		int earliest = Math.max(1, cps.length - (count - 1) * max);
		int cut = nearestBreak(cps, earliest, max, target, SENTENCE_ENDS);
		if (cut < 0) {
			cut = nearestBreak(cps, earliest, max, target, PAUSES);
		}
		return new String(cps, 0, cut < 0 ? Math.max(earliest, target) : cut);
	}

	/** The part after {@link #firstPart}. */
	static String afterFirstPart(String text, int max) {
		return text.substring(firstPart(text, max).length());
	}

	/** The latest cut from {@code from} to {@code to} (characters kept) right after one of {@code marks}; -1 if none. */
	private static int lastBreak(int[] cps, int from, int to, String marks) {
		for (int cut = Math.min(to, cps.length); cut >= Math.max(1, from); cut--) {
			if (marks.indexOf(cps[cut - 1]) >= 0) {
				return cut;
			}
		}
		return -1;
	}

	private static int nearestBreak(int[] cps, int from, int to, int target, String marks) {
		int best = -1;
		for (int cut = Math.max(1, from); cut <= Math.min(to, cps.length); cut++) {
			if (marks.indexOf(cps[cut - 1]) >= 0 && (best < 0 || Math.abs(cut - target) < Math.abs(best - target))) {
				best = cut;
			}
		}
		return best;
	}

	private static String wordsKey(Choice choice) {
		return "replies.text-long-words-" + choice.name().toLowerCase(java.util.Locale.ROOT);
	}

}
