package org.qinqing.inbox;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.conversation.Command;
import org.qinqing.conversation.Completion;
import org.qinqing.conversation.Flow;
import org.qinqing.conversation.FlowContext;
import org.qinqing.conversation.FreeText;
import org.qinqing.conversation.Option;
import org.qinqing.conversation.Wording;
import org.qinqing.people.Access;
import org.qinqing.people.FamilyTie;
import org.qinqing.people.Role;
import org.qinqing.questions.FaqMatcher;
import org.qinqing.questions.FaqTopic;
import org.qinqing.system.BotScripts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Asking in chat: {@code 问问老师} → the child (asked only when there are several) → the question → filed for the
 * child's teacher. A bound family's free text (no command, no menu item) is a question too: the FAQ answers it when
 * it is sure, and either way {@code 1} passes it to the teacher, {@code 2} ends, and anything else is the next
 * question. Worrying words are filed at once, urgently, whatever else was said.
 */
@Configuration(proxyBeanMethods = false)
class AskChat {

	static final String ASK_FLOW = "ask";

	static final String NEXT_FLOW = "ask-next";

	/** Free text shorter than this (你好, 嗯嗯) is no question: the menu helps more. */
	private static final int QUESTION_LENGTH = 4;

	/** Given when the urgent reply was said already (before asking which child). */
	private static final String URGENT_SAID = "urgentSaid";

	private static final String HANDOFF = "handoff";

	private static final String DONE = "done";

	private static final EnumSet<Role> FAMILY = EnumSet.of(Role.PARENT, Role.GUARDIAN);

	private final Questions questions;

	private final Access access;

	private final Wording wording;

	private final BotScripts scripts;

	private final FaqMatcher faq;

	AskChat(Questions questions, Access access, Wording wording, BotScripts scripts, FaqMatcher faq) {
		this.questions = questions;
		this.access = access;
		this.wording = wording;
		this.scripts = scripts;
		this.faq = faq;
		scripts.require("inbox.not-family", "inbox.faq-answer", "inbox.faq-none", "inbox.faq-done", "inbox.handoff",
				"inbox.done");
	}

	@Bean
	Command askCommand() {
		List<String> words = this.scripts.strings("inbox.words-ask");
		return new Command("ask", EnumSet.of(Role.PARENT, Role.GUARDIAN, Role.VISITOR), words::contains,
				(input, context) -> this.access.familyOf(context.tenant(), context.openid()).isEmpty()
						? Command.Outcome.reply(this.scripts.text("inbox.not-family"))
						: Command.Outcome.startFlow(ASK_FLOW));
	}

	@Bean
	Flow askFlow() {
		return Flow.named(ASK_FLOW).wordedIn("inbox.ask").given(URGENT_SAID)
			.pick("child", this::children).skippedWhenOne()
			.text("question", 2, 500)
			.then(context -> Completion.done(this.questions
				.ask(context.tenant(), context.openid(), context.text("child"), context.text("question"),
						!context.has(URGENT_SAID))
				.orElse(this.scripts.text("inbox.ask.child.empty"))));
	}

	@Bean
	Flow askNextFlow() {
		return Flow.named(NEXT_FLOW).wordedIn("inbox.next").given("lead", "question")
			.pick("next", context -> List.of(new Option(HANDOFF, this.scripts.text("inbox.handoff")),
					new Option(DONE, this.scripts.text("inbox.done"))))
			.otherInputLeaves()
			.then(context -> HANDOFF.equals(context.text("next"))
					? Completion.continueWith("", ASK_FLOW, Map.of("question", context.text("question")))
					: Completion.done(this.scripts.text("inbox.faq-done")));
	}

	@Bean
	FreeText questionsFreeText() {
		// the role says the user is bound as family: no read of the family on this path, which every free text takes
		// (a family left without children hears so from the ask flow's first step)
		return new FreeText(FAMILY, (input, context) -> {
			if (input.codePointCount(0, input.length()) < QUESTION_LENGTH || input.chars().allMatch(Character::isDigit)) {
				return Optional.empty();
			}
			return Optional.of(asked(context, input));
		});
	}

	/** A question typed as it came: worrying words are filed at once; else the FAQ, and the offer of a teacher. */
	private Command.Outcome asked(FlowContext context, String question) {
		if (this.questions.worrying(question)) {
			// said at once, before "which child?" when there are several; the filing then does not say it again
			boolean several = this.access.familyOf(context.tenant(), context.openid()).size() > 1;
			return several ? Command.Outcome.startFlow(this.questions.urgentReply(), ASK_FLOW,
					Map.of("question", question, URGENT_SAID, "1"))
					: Command.Outcome.startFlow("", ASK_FLOW, Map.of("question", question));
		}
		// the FAQ answers exactly when its matcher is sure (what /api/faq/match calls answered)
		Optional<FaqTopic> answer = this.faq.reply(context.tenant(), question);
		String lead = answer.map(topic -> this.scripts.text("inbox.faq-answer", Map.of("answer", topic.replyText())))
			.orElse(this.scripts.text("inbox.faq-none"));
		return Command.Outcome.startFlow("", NEXT_FLOW, Map.of("lead", lead, "question", question));
	}

	private List<Option> children(FlowContext context) {
		return this.access.familyOf(context.tenant(), context.openid())
			.stream()
			.map(FamilyTie::child)
			.map(child -> new Option(child.id(), this.wording.childLabel(context.tenant(), child)))
			.toList();
	}

}
