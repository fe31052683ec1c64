package org.qinqing.parenting;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import org.qinqing.conversation.Command;
import org.qinqing.conversation.Completion;
import org.qinqing.conversation.Flow;
import org.qinqing.conversation.FlowContext;
import org.qinqing.conversation.Option;
import org.qinqing.people.Role;
import org.qinqing.system.BotScripts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 家长课堂 in chat, for parents and guardians: this week's lesson (the summary, the link, the question with numbered
 * answers), {@code 上一课} / {@code 下一课}, a lesson's keyword (溺水, 手机), and {@code 退订} / {@code 订阅} of the weekly
 * push (with a confirmation and the way back). The answer is a pick whose other input leaves it, so a command or
 * a new question typed instead is read as at the menu. A pushed lesson asks the reader to reply 家长课堂 first: a
 * digit alone at the menu picks a menu item. Visitors are told to bind; staff where the reach figures are.
 */
@Configuration(proxyBeanMethods = false)
class ParentingChat {

	static final String ANSWER_FLOW = "parenting-answer";

	static final String STOP_FLOW = "parenting-stop";

	private static final EnumSet<Role> FAMILY = EnumSet.of(Role.PARENT, Role.GUARDIAN);

	private static final EnumSet<Role> EVERYONE = EnumSet.allOf(Role.class);

	private static final String LESSON = "lesson";

	private static final String LEAD = "lead";

	private final LessonChat chat;

	private final LessonCatalogue catalogue;

	private final Learners learners;

	private final LessonWording wording;

	private final LessonLinks links;

	private final BotScripts scripts;

	private final Clock clock;

	ParentingChat(LessonChat chat, LessonCatalogue catalogue, Learners learners, LessonWording wording,
			LessonLinks links, BotScripts scripts, Clock clock) {
		this.chat = chat;
		this.catalogue = catalogue;
		this.learners = learners;
		this.wording = wording;
		this.links = links;
		this.scripts = scripts;
		this.clock = clock;
		scripts.require("parenting.none-left", "parenting.no-previous", "parenting.not-family", "parenting.for-staff",
				"parenting.stopped", "parenting.stopped-already", "parenting.started", "parenting.started-already",
				"parenting.lesson-lead-week", "parenting.lesson-lead-previous", "parenting.lesson-lead-next",
				"parenting.lesson-lead-keyword");
		keywordsTakeNoCommandWord(catalogue, scripts);
	}

	/** A lesson keyword that is a global command or one of 家长课堂's own words would never pull its lesson. */
	private static void keywordsTakeNoCommandWord(LessonCatalogue catalogue, BotScripts scripts) {
		java.util.Set<String> taken = new java.util.HashSet<>();
		for (String key : List.of("commands.menu", "commands.cancel", "commands.back", "commands.help",
				"parenting.words-lesson", "parenting.words-previous", "parenting.words-next", "parenting.words-stop",
				"parenting.words-start")) {
			taken.addAll(scripts.strings(key));
		}
		for (Lesson lesson : catalogue.all()) {
			for (String word : lesson.keywords()) {
				if (taken.contains(word)) {
					throw new IllegalStateException("Lesson " + lesson.id() + ": keyword '" + word
							+ "' is a command word (bot-scripts/commands.yaml or parenting.yaml)");
				}
			}
		}
	}

	@Bean
	Command parentingLessonCommand() {
		return family("parenting-lesson", "parenting.words-lesson",
				(input, context) -> lesson(context, this.chat.thisWeek(context.tenant(), context.identity().personId()), "none-left"));
	}

	@Bean
	Command parentingPreviousCommand() {
		return family("parenting-previous", "parenting.words-previous",
				(input, context) -> lesson(context, this.chat.previous(context.tenant(), context.identity().personId()), "no-previous"));
	}

	@Bean
	Command parentingNextCommand() {
		return family("parenting-next", "parenting.words-next",
				(input, context) -> lesson(context, this.chat.next(context.tenant(), context.identity().personId()), "none-left"));
	}

	/** A lesson's keyword as the whole message: 溺水, 手机 (and 家长课堂 溺水). */
	@Bean
	Command parentingKeywordCommand() {
		List<String> prefixes = this.scripts.strings("parenting.words-lesson");
		return new Command("parenting-keyword", FAMILY, input -> keyword(input, prefixes).isPresent(),
				(input, context) -> lesson(context, this.chat.byKeyword(context.tenant(), context.identity().personId(),
						keyword(input, prefixes).orElseThrow()), "none-left"));
	}

	@Bean
	Command parentingStopCommand() {
		return family("parenting-stop", "parenting.words-stop", (input, context) -> this.learners
			.subscribed(context.tenant(), context.identity().personId()) ? Command.Outcome.startFlow(STOP_FLOW)
					: Command.Outcome.reply(text("stopped-already")));
	}

	@Bean
	Command parentingStartCommand() {
		return family("parenting-start", "parenting.words-start", (input, context) -> {
			String person = context.identity().personId();
			if (this.learners.subscribed(context.tenant(), person)) {
				return Command.Outcome.reply(text("started-already"));
			}
			this.learners.subscribe(context.tenant(), person);
			return Command.Outcome.reply(text("started"));
		});
	}

	@Bean
	Flow parentingAnswerFlow() {
		return Flow.named(ANSWER_FLOW).wordedIn("parenting.answer").given(LEAD, LESSON)
			.pick("choice", this::options)
			.otherInputLeaves()
			.then(context -> Completion.done(answered(context)));
	}

	@Bean
	Flow parentingStopFlow() {
		return Flow.named(STOP_FLOW).wordedIn("parenting.stop").confirm("confirm").thenReply(context -> {
			this.learners.unsubscribe(context.tenant(), context.identity().personId());
			return text("stopped");
		});
	}

	/** A family command; a visitor hears how to bind, a teacher or leader where the figures are. */
	private Command family(String name, String wordsKey, BiFunction<String, FlowContext, Command.Outcome> run) {
		List<String> words = this.scripts.strings(wordsKey);
		return new Command(name, EVERYONE, words::contains, (input, context) -> switch (context.identity().role()) {
			case PARENT, GUARDIAN -> run.apply(input, context);
			case VISITOR -> Command.Outcome.reply(text("not-family"));
			default -> Command.Outcome.reply(text("for-staff"));
		});
	}

	/** The lesson worded for chat, its question asked as a pick; or what to say when there is none. */
	private Command.Outcome lesson(FlowContext context, Optional<LessonChat.Shown> shown, String noneKey) {
		if (shown.isEmpty()) {
			return Command.Outcome.reply(text(noneKey));
		}
		Lesson lesson = shown.get().lesson();
		String link = this.links.forPerson(context.tenant(), lesson.id(), context.identity().personId());
		String lead = this.wording.chat(text(shown.get().leadKey()), lesson, link);
		return Command.Outcome.startFlow("", ANSWER_FLOW, Map.of(LEAD, lead, LESSON, lesson.id()));
	}

	private List<Option> options(FlowContext context) {
		Optional<Lesson> lesson = this.catalogue.find(context.text(LESSON));
		if (lesson.isEmpty()) {
			return List.of();
		}
		List<String> options = lesson.get().question().options();
		return IntStream.range(0, options.size())
			.mapToObj(i -> new Option(String.valueOf(i + 1), options.get(i)))
			.toList();
	}

	private String answered(FlowContext context) {
		Lesson lesson = this.catalogue.find(context.text(LESSON)).orElseThrow();
		int choice = Integer.parseInt(context.text("choice"));
		boolean right = lesson.question().isRight(choice);
		this.learners.answered(context.tenant(), context.identity().personId(), lesson.id(), choice, right,
				this.clock.instant());
		return this.wording.verdict(lesson, right);
	}

	/** The keyword the input is, alone or after 家长课堂 (家长课堂 溺水, 家长课堂溺水). */
	private Optional<String> keyword(String input, List<String> prefixes) {
		String word = input.strip();
		for (String prefix : prefixes) {
			if (word.startsWith(prefix) && word.length() > prefix.length()) {
				word = word.substring(prefix.length()).strip();
				break;
			}
		}
		String found = word;
		return this.catalogue.byKeyword(found).map(l -> found);
	}

	private String text(String key) {
		return this.scripts.text("parenting." + key);
	}

}
