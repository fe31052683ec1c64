package org.qinqing.conversation;

import java.util.List;

/**
 * The monthly talk's record card (谈心记录卡) on the step DSL, as a fixture: child → day → mood 1–5 → topics, several →
 * a note or 跳过 → needs attention? → what, only when it does → save. Wording: {@code engine/talk.yaml}.
 */
final class MonthlyTalkFlow {

	private MonthlyTalkFlow() {
	}

	static Flow of(List<String> children) {
		return Flow.named("talk")
			.pick("child", context -> children.stream().map(name -> new Option(name, name)).toList())
			.date("day", (today, context) -> new Step.DateRange(today.withDayOfMonth(1), today))
			.number("mood", 1, 5)
			.several("topics")
			.optionalText("note", 200)
			.yesNo("attention")
			.text("concern", 2, 100).when(context -> context.yes("attention"))
			.confirm("save")
			.thenReply(card -> String.join(" | ", "saved", card.text("child"), card.date("day").toString(),
					String.valueOf(card.number("mood")), String.join("+", card.several("topics")), card.text("note"),
					String.valueOf(card.yes("attention")), card.text("concern")));
	}

}
