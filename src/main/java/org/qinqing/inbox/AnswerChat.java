package org.qinqing.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.qinqing.conversation.Command;
import org.qinqing.conversation.Completion;
import org.qinqing.conversation.Flow;
import org.qinqing.conversation.FlowContext;
import org.qinqing.conversation.Option;
import org.qinqing.conversation.Wording;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.BotScripts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Answering in chat, for teachers and leaders: {@code 待回答} lists the threads waiting for them (oldest first), a
 * number shows one and takes the answer; {@code 回复 Q12 …} answers in one message. For the asker, {@code 补充 Q12 …}
 * adds to a thread and {@code 已解决 Q12} closes it.
 */
@Configuration(proxyBeanMethods = false)
class AnswerChat {

	static final String PENDING_FLOW = "inbox-pending";

	private static final int LISTED = 9;

	private static final int EXCERPT = 24;

	private static final EnumSet<Role> STAFF = EnumSet.of(Role.TEACHER, Role.ADMIN);

	private static final EnumSet<Role> ASKERS = EnumSet.of(Role.PARENT, Role.GUARDIAN, Role.VISITOR);

	private final Questions questions;

	private final InboxNotices notices;

	private final SchoolRecords records;

	private final Wording wording;

	private final BotScripts scripts;

	private final Clock clock;

	AnswerChat(Questions questions, InboxNotices notices, SchoolRecords records, Wording wording, BotScripts scripts,
			Clock clock) {
		this.questions = questions;
		this.notices = notices;
		this.records = records;
		this.wording = wording;
		this.scripts = scripts;
		this.clock = clock;
		scripts.require("inbox.pending-item", "inbox.pending-item-school", "inbox.age-minutes", "inbox.age-hours",
				"inbox.age-days", "inbox.answer-format");
	}

	@Bean
	Command pendingCommand() {
		List<String> words = this.scripts.strings("inbox.words-pending");
		return new Command("inbox-pending", STAFF, words::contains,
				(input, context) -> Command.Outcome.startFlow(PENDING_FLOW));
	}

	@Bean
	Flow pendingFlow() {
		return Flow.named(PENDING_FLOW).wordedIn("inbox.pending")
			.pick("thread", this::waiting)
			.text("answer", 2, 1000)
			.then(context -> Completion.done(this.questions.answer(context.tenant(), context.identity(),
					context.text("thread"), context.text("answer"))));
	}

	@Bean
	Command answerCommand() {
		Pattern pattern = numbered("inbox.words-answer", true);
		return new Command("inbox-answer", STAFF, input -> pattern.matcher(input).matches(), (input, context) -> {
			Matcher m = pattern.matcher(input);
			m.matches();
			String text = m.group(2).strip();
			if (text.isEmpty()) {
				return Command.Outcome.reply(this.scripts.text("inbox.answer-format"));
			}
			return Command.Outcome.reply(this.questions.answer(context.tenant(), context.identity(), "Q" + m.group(1), text));
		});
	}

	@Bean
	Command addCommand() {
		Pattern pattern = numbered("inbox.words-add", true);
		return new Command("inbox-add", ASKERS, input -> pattern.matcher(input).matches(), (input, context) -> {
			Matcher m = pattern.matcher(input);
			m.matches();
			return Command.Outcome.reply(this.questions.add(context.tenant(), context.openid(), context.identity(),
					"Q" + m.group(1), m.group(2).strip()));
		});
	}

	@Bean
	Command solvedCommand() {
		Pattern pattern = numbered("inbox.words-solved", false);
		return new Command("inbox-solved", ASKERS, input -> pattern.matcher(input).matches(), (input, context) -> {
			Matcher m = pattern.matcher(input);
			m.matches();
			return Command.Outcome.reply(
					this.questions.solve(context.tenant(), context.openid(), context.identity(), "Q" + m.group(1)));
		});
	}

	/** {@code <word> Q12} (and words after it when {@code withText}): q in either case, spaces and a colon optional. */
	private Pattern numbered(String wordsKey, boolean withText) {
		String words = String.join("|", this.scripts.strings(wordsKey).stream().map(Pattern::quote).toList());
		String tail = withText ? "[\\s:：,，]*(.+)" : "()";
		return Pattern.compile("^(?:" + words + ")\\s*[Qq]\\s*(\\d{1,9})" + tail + "$", Pattern.DOTALL);
	}

	private List<Option> waiting(FlowContext context) {
		return this.questions.waiting(context.tenant(), context.identity(), LISTED)
			.stream()
			.map(t -> new Option(t.number(), label(context.tenant(), t)))
			.toList();
	}

	/** Q12 子涵的监护人：孩子最近不爱说话…（3小时前） */
	private String label(String tenant, InboxThread t) {
		String question = t.question().replaceAll("\\s+", " ").strip();
		String excerpt = question.codePointCount(0, question.length()) <= EXCERPT ? question
				: question.substring(0, question.offsetByCodePoints(0, EXCERPT)) + "…";
		Map<String, Object> p = new java.util.HashMap<>();
		p.put("number", t.number());
		p.put("asker", this.notices.asker(t.askerRole()));
		p.put("excerpt", excerpt);
		p.put("age", age(Duration.between(t.filed(), this.clock.instant())));
		p.put("child", t.childId().isEmpty() ? ""
				: this.records.child(tenant, t.childId())
					.map(c -> this.scripts.text("inbox.child-of", Map.of("child", this.wording.givenName(c))))
					.orElse(""));
		return this.scripts.text(t.kind() == InboxThread.Kind.MESSAGE ? "inbox.pending-item-school" : "inbox.pending-item", p);
	}

	private String age(Duration age) {
		if (age.toHours() < 1) {
			return this.scripts.text("inbox.age-minutes", Map.of("n", Math.max(1, age.toMinutes())));
		}
		if (age.toDays() < 1) {
			return this.scripts.text("inbox.age-hours", Map.of("n", age.toHours()));
		}
		return this.scripts.text("inbox.age-days", Map.of("n", age.toDays()));
	}

}
