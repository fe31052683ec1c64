package org.qinqing.conversation;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.qinqing.people.Directory;
import org.qinqing.people.Identity;
import org.qinqing.people.Role;
import org.qinqing.system.BotScripts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides the reply to one inbound message from the session alone: no I/O of its own, so the
 * gate around it can de-duplicate, lock and persist. Unknown input always gets an answer.
 */
@Component
class ConversationEngine {

	static final int MISS_LIMIT = 3;

	/** Progress {@code ~<step>}: the options a pick step showed, one {@code value<TAB>label...} per line. */
	private static final String SHOWN = "~";

	/** Progress {@code ~given:<step>}: the step was not asked (its answer was given, or it had one option). */
	private static final String GIVEN = "~given:";

	/** Progress {@code ~passed:<step>}: the step was not asked because its condition did not hold. */
	private static final String PASSED = "~passed:";

	private final BotScripts scripts;

	private final Menus menus;

	private final FlowRegistry flows;

	private final Map<String, GlobalCommand> commandWords = new HashMap<>();

	private final List<Command> commands;

	private final List<SceneHandler> scenes;

	private final List<FreeText> freeText;

	private final BiFunction<String, String, Identity> identify;

	private final LongText longText;

	private final StepAnswers stepAnswers;

	@Autowired
	ConversationEngine(BotScripts scripts, Menus menus, FlowRegistry flows, List<Command> commands,
			List<SceneHandler> scenes, List<FreeText> freeText, Directory directory, Clock clock) {
		this(scripts, menus, flows, commands, scenes, freeText, directory::identify, clock);
	}

	/** @param identify who an openid of a tenant is, read again after a flow or command binds or unbinds */
	ConversationEngine(BotScripts scripts, Menus menus, FlowRegistry flows, List<Command> commands,
			List<SceneHandler> scenes, List<FreeText> freeText, BiFunction<String, String, Identity> identify,
			Clock clock) {
		this.scripts = scripts;
		this.freeText = freeText;
		this.menus = menus;
		this.flows = flows;
		this.commands = commands;
		this.scenes = scenes;
		this.identify = identify;
		this.longText = new LongText(scripts);
		this.stepAnswers = new StepAnswers(scripts, clock);
		scripts.require("replies.welcome", "replies.unknown", "replies.help", "replies.cancelled", "replies.kept",
				"replies.voice-empty", "replies.unreadable", "replies.coming-soon", "replies.menu-footer",
				"replies.flow-help", "replies.left-flow");
		for (Role role : Role.values()) {
			scripts.require(missLimitKey(role));
		}
		for (GlobalCommand command : GlobalCommand.values()) {
			String key = "commands." + command.name().toLowerCase(Locale.ROOT);
			for (String word : scripts.strings(key)) {
				this.commandWords.put(word.toLowerCase(Locale.ROOT), command);
			}
		}
	}

	Turn handle(Inbound in, Session session) {
		return switch (in.kind()) {
			case UNSUBSCRIBE -> new Turn(null, null);
			case IGNORED -> new Turn(null, session);
			case SUBSCRIBE, SCAN -> scanned(in, session.atMenu());
			case UNREADABLE -> say(session, text("replies.unreadable") + whereNext(session));
			case MENU_CLICK -> click(in, session);
			case VOICE -> in.text().isBlank()
					? say(session, text("replies.voice-empty") + whereNext(session))
					: typed(in, session, TextNormalizer.normalize(in.text()));
			case TEXT -> typed(in, session, TextNormalizer.normalize(in.text()));
		};
	}

	private Turn typed(Inbound in, Session session, String input) {
		Optional<GlobalCommand> command = GlobalCommand.of(input, this.commandWords);
		if (command.isPresent()) {
			return command(command.get(), in, session);
		}
		if (session.inFlow()) {
			Optional<Flow> flow = this.flows.find(session.flow());
			if (flow.isPresent()) {
				return answer(in, flow.get(), session, input);
			}
		}
		Optional<Command> typedCommand = typedCommand(session, input);
		if (typedCommand.isPresent()) {
			return run(typedCommand.get(), input, in, session.atMenu());
		}
		Optional<Menus.Item> item = this.menus.pick(session.role(), input);
		if (item.isPresent()) {
			return open(item.get(), in, session.atMenu());
		}
		FlowContext context = new FlowContext(in.tenant(), in.openid(), session.identity(), Map.of());
		for (FreeText handler : this.freeText) {
			if (handler.roles().contains(session.role())) {
				Optional<Command.Outcome> outcome = handler.run().apply(input, context);
				if (outcome.isPresent()) {
					return outcome(outcome.get(), in, session.atMenu());
				}
			}
		}
		return say(session.atMenu(), text("replies.unknown") + "\n\n" + this.menus.render(session.identity()));
	}

	private Optional<Command> typedCommand(Session session, String input) {
		return this.commands.stream()
			.filter(c -> c.roles().contains(session.role()) && c.matches().test(input))
			.findFirst();
	}

	private Turn command(GlobalCommand command, Inbound in, Session session) {
		return switch (command) {
			case MENU -> say(session.atMenu(), this.menus.render(session.identity()));
			case CANCEL -> session.inFlow()
					? say(session.atMenu(), cancelled(session) + "\n\n" + this.menus.render(session.identity()))
					: say(session.atMenu(), this.menus.render(session.identity()));
			case BACK -> back(in, session);
			case HELP -> session.inFlow()
					? say(session, text("replies.flow-help") + currentPromptSuffix(session))
					: say(session, text("replies.help") + "\n\n" + this.menus.render(session.identity()));
		};
	}

	/**
	 * 取消 at a confirmation is its "no": it says what is kept. Elsewhere in a flow the answers so far are
	 * dropped, and it says so.
	 */
	private String cancelled(Session session) {
		Optional<Step> step = this.flows.find(session.flow()).map(flow -> flow.steps().get(session.step()));
		if (step.isPresent() && step.get().kind() == Step.Kind.CONFIRM) {
			return kept(step.get(), session);
		}
		return text("replies.cancelled");
	}

	private String kept(Step step, Session session) {
		Flow flow = this.flows.find(session.flow()).orElseThrow();
		return this.scripts.text(this.scripts.has(step.keptKey()) ? step.keptKey() : "replies.kept",
				fill(flow, session.answers()));
	}

	/** Back to the previous question that was asked; steps given without asking are passed over. */
	private Turn back(Inbound in, Session session) {
		Optional<Flow> running = session.inFlow() ? this.flows.find(session.flow()) : Optional.empty();
		if (running.isPresent()) {
			Step current = running.get().steps().get(session.step());
			if (session.progress().containsKey(LongText.PENDING + current.name())) {
				// from "what to do with your long text" one step back is writing it
				Map<String, String> answers = new LinkedHashMap<>(session.answers());
				Map<String, String> progress = new LinkedHashMap<>(session.progress());
				forget(answers, progress, current.name());
				Session asking = session.inFlow(running.get().id(), session.step(), answers, progress);
				return say(asking, prompt(running.get(), asking));
			}
		}
		int target = session.step() - 1;
		if (running.isPresent()) {
			List<Step> steps = running.get().steps();
			while (target >= 0 && notAsked(session.progress(), steps.get(target))) {
				target--;
			}
		}
		if (running.isEmpty() || target < 0) {
			String lead = session.inFlow() ? text("replies.left-flow") + "\n\n" : "";
			return say(session.atMenu(), lead + this.menus.render(session.identity()));
		}
		Flow flow = running.get();
		Map<String, String> answers = new LinkedHashMap<>(session.answers());
		Map<String, String> progress = new LinkedHashMap<>(session.progress());
		for (int i = target; i < flow.steps().size(); i++) {
			String name = flow.steps().get(i).name();
			if (!progress.containsKey(GIVEN + name)) {
				forget(answers, progress, name);
			}
		}
		return advance(in, flow, session, target, answers, progress, "");
	}

	/** Steps 返回 passes over: given without asking, or passed by their condition. */
	private static boolean notAsked(Map<String, String> progress, Step step) {
		return progress.containsKey(GIVEN + step.name()) || progress.containsKey(PASSED + step.name());
	}

	private Turn click(Inbound in, Session session) {
		return this.menus.byClick(session.role(), in.text())
			.map(item -> open(item, in, session.atMenu()))
			.orElseGet(() -> say(session.atMenu(), this.menus.render(session.identity())));
	}

	private Turn open(Menus.Item item, Inbound in, Session session) {
		if (item.action().startsWith("command:")) {
			String name = item.action().substring(8);
			Command command = this.commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
			return run(command, "", in, session);
		}
		if (item.action().startsWith("flow:")) {
			Flow flow = this.flows.find(item.action().substring(5)).orElseThrow();
			return advance(in, flow, session, 0, Map.of(), Map.of(), "");
		}
		if (item.action().startsWith("reply:")) {
			return say(session, text(item.action().substring(6)) + "\n\n" + text("replies.menu-footer"));
		}
		return say(session, this.scripts.text("replies.coming-soon", Map.of("item", item.label())) + "\n\n"
				+ this.menus.render(session.identity()));
	}

	private Turn answer(Inbound in, Flow flow, Session session, String input) {
		Step step = flow.steps().get(session.step());
		if (session.progress().containsKey(LongText.PENDING + step.name())) {
			return longTextChosen(in, flow, session, step, input);
		}
		if (LongText.tooLong(step, input)) {
			// keep it and ask what to do, rather than "write it again": not a miss
			Map<String, String> progress = new LinkedHashMap<>(session.progress());
			progress.put(LongText.PENDING + step.name(), input);
			Session asking = session.inFlow(flow.id(), session.step(), session.answers(), progress);
			return say(asking, prompt(flow, asking));
		}
		FlowContext context = new FlowContext(in.tenant(), in.openid(), session.identity(), session.answers());
		Parsed parsed = parse(step, input, context, session.progress());
		if (parsed instanceof Parsed.Invalid invalid) {
			// not an answer but a command the user may run (e.g. 确认 after a pushed offer): leave the flow for it
			Optional<Command> typedCommand = typedCommand(session, input);
			if (typedCommand.isPresent()) {
				return run(typedCommand.get(), input, in, session.atMenu());
			}
			if (step.otherInputLeaves) {
				return typed(in, session.atMenu(), input);
			}
			return missed(session, invalid);
		}
		String value = ((Parsed.Ok) parsed).value();
		if (step.kind() == Step.Kind.CONFIRM && !Boolean.parseBoolean(value)) {
			return say(session.atMenu(), kept(step, session) + "\n\n" + this.menus.render(session.identity()));
		}
		return accepted(in, flow, session, step, value, session.answers(), session.progress(), "");
	}

	/** A wrong answer: the hint and the question again; the third in a row also says who can help. */
	private Turn missed(Session session, Parsed.Invalid invalid) {
		int misses = session.misses() + 1;
		Map<String, String> params = new HashMap<>(this.flows.find(session.flow()).map(f -> fill(f, session.answers()))
			.orElse(session.answers()));
		params.putAll(invalid.params());
		String hint = this.scripts.text(invalid.hintKey(), params) + currentPromptSuffix(session);
		if (misses >= MISS_LIMIT) {
			return say(session.withMisses(0), hint + "\n\n" + text(missLimitKey(session.role())));
		}
		return say(session.withMisses(misses), hint);
	}

	/** The reply to "your text is too long: 1. shorten 2. in parts 3. write again". */
	private Turn longTextChosen(Inbound in, Flow flow, Session session, Step step, String input) {
		String text = session.progress().get(LongText.PENDING + step.name());
		Map<String, String> answers = new LinkedHashMap<>(session.answers());
		Map<String, String> progress = new LinkedHashMap<>(session.progress());
		forget(answers, progress, step.name());
		Session writing = session.inFlow(flow.id(), session.step(), answers, progress);
		Optional<LongText.Choice> choice = this.longText.choice(input);
		if (choice.isEmpty()) {
			if (LongText.rewritten(input)) {
				return answer(in, flow, writing, input);
			}
			Optional<Command> typedCommand = typedCommand(session, input);
			if (typedCommand.isPresent()) {
				return run(typedCommand.get(), input, in, session.atMenu());
			}
			return missed(session, (Parsed.Invalid) Parsed.invalid("replies.text-long-hint"));
		}
		int max = step.maxLength();
		String value;
		String lead;
		switch (choice.get()) {
			case CUT:
				value = LongText.shortened(text, max);
				lead = this.longText.text("replies.text-cut", Map.of("kept", LongText.length(value)));
				break;
			case SPLIT:
				int parts = LongText.parts(text, max);
				value = LongText.firstPart(text, max);
				progress.put(LongText.REST + step.name(), LongText.afterFirstPart(text, max));
				progress.put(LongText.PART + step.name(), "1/" + parts);
				lead = this.longText.text("replies.text-first-part", Map.of("parts", parts));
				break;
			default:
				return say(writing, this.longText.text("replies.text-rewrite", Map.of("max", max)) + "\n\n"
						+ prompt(flow, writing));
		}
		Parsed parsed = this.stepAnswers.read(step, value,
				new FlowContext(in.tenant(), in.openid(), session.identity(), answers));
		if (parsed instanceof Parsed.Invalid invalid) {
			return missed(writing, invalid);
		}
		return accepted(in, flow, writing, step, ((Parsed.Ok) parsed).value(), answers, progress, lead + "\n\n");
	}

	/** Keeps a step's answer and asks the next question. */
	private Turn accepted(Inbound in, Flow flow, Session session, Step step, String value, Map<String, String> so,
			Map<String, String> progressSoFar, String lead) {
		Map<String, String> answers = new LinkedHashMap<>(so);
		Map<String, String> progress = new LinkedHashMap<>(progressSoFar);
		answers.put(step.name(), value);
		if (step.kind() == Step.Kind.PICK) {
			shown(session.progress(), step).stream()
				.filter(option -> option.value().equals(value))
				.findFirst()
				.ifPresent(option -> answers.put(step.name() + "Label", option.brief()));
			progress.remove(SHOWN + step.name());
		}
		if (step.kind() == Step.Kind.DATE) {
			answers.put(step.name() + "Label", this.stepAnswers.label(java.time.LocalDate.parse(value)));
		}
		return advance(in, flow, session, session.step() + 1, answers, progress, lead);
	}

	/** Drops what a step kept: its answer and label, the options it showed, a long text and its parts. */
	private static void forget(Map<String, String> answers, Map<String, String> progress, String step) {
		answers.remove(step);
		answers.remove(step + "Label");
		for (String key : List.of(SHOWN + step, PASSED + step, LongText.PENDING + step, LongText.REST + step,
				LongText.PART + step)) {
			progress.remove(key);
		}
	}

	/**
	 * Asks the flow's question at {@code index} or the first after it that still needs asking: a step
	 * whose answer is given is passed, a pick step computes its options (none: it says so and leaves the
	 * flow; one, when allowed: taken). After the last step the flow's action runs.
	 */
	private Turn advance(Inbound in, Flow flow, Session session, int index, Map<String, String> given,
			Map<String, String> progressSoFar, String lead) {
		Map<String, String> answers = new LinkedHashMap<>(given);
		Map<String, String> progress = new LinkedHashMap<>(progressSoFar);
		for (int i = index; i < flow.steps().size(); i++) {
			Step step = flow.steps().get(i);
			if (answers.containsKey(step.name())) {
				progress.putIfAbsent(GIVEN + step.name(), "1");
				continue;
			}
			FlowContext context = new FlowContext(in.tenant(), in.openid(), session.identity(), answers);
			if (step.shownWhen != null && !step.shownWhen.test(context)) {
				progress.put(PASSED + step.name(), "1");
				continue;
			}
			if (step.kind() == Step.Kind.PICK) {
				List<Option> options = step.options.apply(context);
				if (options.isEmpty()) {
					return say(session.atMenu(), lead + this.scripts.text(step.emptyKey(), fill(flow, answers)) + "\n\n"
							+ text("replies.menu-footer"));
				}
				if (options.size() == 1 && step.skipWhenOne && options.get(0).available()) {
					answers.put(step.name(), options.get(0).value());
					answers.put(step.name() + "Label", options.get(0).brief());
					progress.put(GIVEN + step.name(), "1");
					continue;
				}
				progress.put(SHOWN + step.name(), encode(options));
			}
			Session asking = session.inFlow(flow.id(), i, answers, progress);
			return say(asking, lead + prompt(flow, asking));
		}
		return finish(in, flow, session, answers, progress, lead);
	}

	private Turn finish(Inbound in, Flow flow, Session session, Map<String, String> answers,
			Map<String, String> progress, String lead) {
		Completion completion = flow.complete()
			.apply(new FlowContext(in.tenant(), in.openid(), session.identity(), answers));
		if (completion.continues()) {
			Flow next = this.flows.find(completion.nextFlow()).orElseThrow();
			String nextLead = lead + (completion.reply().isEmpty() ? "" : completion.reply() + "\n\n");
			return advance(in, next, session.inFlow(next.id(), 0, Map.of(), Map.of()), 0, completion.seed(), Map.of(),
					nextLead);
		}
		if (flow.changesIdentity()) {
			Session refreshed = reidentify(in, session);
			return say(refreshed, lead + completion.reply() + "\n\n" + this.menus.render(refreshed.identity()));
		}
		Optional<Turn> nextPart = nextPart(in, flow, session, answers, progress, lead + completion.reply());
		if (nextPart.isPresent()) {
			return nextPart.get();
		}
		return say(session.atMenu(), lead + completion.reply() + "\n\n" + text("replies.menu-footer"));
	}

	/**
	 * A text sent in parts: once the flow is done with one part it runs again with the next, the answers
	 * before the text step kept, the steps after it asked again (e.g. the confirmation).
	 */
	private Optional<Turn> nextPart(Inbound in, Flow flow, Session session, Map<String, String> answers,
			Map<String, String> progress, String lead) {
		List<Step> steps = flow.steps();
		for (int t = 0; t < steps.size(); t++) {
			Step step = steps.get(t);
			String rest = progress.getOrDefault(LongText.REST + step.name(), "");
			if (rest.isEmpty()) {
				continue;
			}
			String[] part = progress.get(LongText.PART + step.name()).split("/");
			int number = Integer.parseInt(part[0]) + 1;
			int total = Integer.parseInt(part[1]);
			Map<String, String> seed = new LinkedHashMap<>(answers);
			Map<String, String> seedProgress = new LinkedHashMap<>(progress);
			for (int i = t; i < steps.size(); i++) {
				forget(seed, seedProgress, steps.get(i).name());
				seedProgress.remove(GIVEN + steps.get(i).name());
			}
			seed.put(step.name(), LongText.firstPart(rest, step.maxLength()));
			seedProgress.put(LongText.REST + step.name(), LongText.afterFirstPart(rest, step.maxLength()));
			seedProgress.put(LongText.PART + step.name(), number + "/" + total);
			String partLead = this.longText.text("replies.text-next-part", Map.of("part", number, "parts", total));
			Session running = session.inFlow(flow.id(), t + 1, seed, seedProgress);
			return Optional.of(advance(in, flow, running, t + 1, seed, seedProgress,
					lead + "\n\n" + partLead + "\n\n"));
		}
		return Optional.empty();
	}

	private Turn run(Command command, String input, Inbound in, Session session) {
		if (!command.roles().contains(session.role())) {
			return say(session, this.menus.render(session.identity()));
		}
		FlowContext context = new FlowContext(in.tenant(), in.openid(), session.identity(), Map.of());
		return outcome(command.run().apply(input, context), in, session);
	}

	private Turn outcome(Command.Outcome outcome, Inbound in, Session session) {
		if (!outcome.startFlow().isEmpty()) {
			Flow flow = this.flows.find(outcome.startFlow()).orElseThrow();
			String lead = outcome.reply().isEmpty() ? "" : outcome.reply() + "\n\n";
			return advance(in, flow, session.inFlow(flow.id(), 0, Map.of(), Map.of()), 0, outcome.seed(), Map.of(), lead);
		}
		Session next = outcome.identityChanged() ? reidentify(in, session) : session;
		return say(next, outcome.reply() + "\n\n" + this.menus.render(next.identity()));
	}

	/** Scanning a parametric QR code: its scene goes to the module that owns the prefix. */
	private Turn scanned(Inbound in, Session session) {
		int colon = in.text().indexOf(':');
		if (colon > 0) {
			String prefix = in.text().substring(0, colon);
			String argument = in.text().substring(colon + 1);
			Optional<SceneHandler> handler = this.scenes.stream().filter(h -> h.prefix().equals(prefix)).findFirst();
			if (handler.isPresent()) {
				FlowContext context = new FlowContext(in.tenant(), in.openid(), session.identity(), Map.of());
				Command.Outcome outcome = handler.get().run().apply(argument, context);
				String lead = in.kind() == Inbound.Kind.SUBSCRIBE ? this.scripts.text("replies.welcome") + "\n\n" : "";
				return outcome(new Command.Outcome(lead + outcome.reply(), outcome.identityChanged(),
						outcome.startFlow(), outcome.seed()), in, session);
			}
		}
		return welcome(session);
	}

	private Session reidentify(Inbound in, Session session) {
		return session.reidentified(this.identify.apply(in.tenant(), in.openid()), session.identityRevision());
	}

	private Parsed parse(Step step, String input, FlowContext context, Map<String, String> progress) {
		if (step.kind() == Step.Kind.PICK) {
			List<Option> shown = shown(progress, step);
			Optional<Integer> picked = Choices.pick(input, shown.stream().map(Option::label).toList());
			if (picked.isEmpty()) {
				picked = shown.stream().filter(o -> o.value().equals(input)).findFirst().map(shown::indexOf);
			}
			return picked.map(shown::get)
				.map(option -> option.available() ? Parsed.ok(option.value()) : Parsed.invalid(option.unavailableHint()))
				.orElse(Parsed.invalid(step.hintKey()));
		}
		return this.stepAnswers.read(step, input, context);
	}

	private static String encode(List<Option> options) {
		StringBuilder text = new StringBuilder();
		for (Option option : options) {
			text.append(text.isEmpty() ? "" : "\n")
				.append(option.value())
				.append('\t')
				.append(option.label())
				.append('\t')
				.append(option.brief())
				.append('\t')
				.append(option.unavailableHint());
		}
		return text.toString();
	}

	private static List<Option> shown(Map<String, String> progress, Step step) {
		String raw = progress.get(SHOWN + step.name());
		if (raw == null || raw.isEmpty()) {
			return List.of();
		}
		List<Option> options = new java.util.ArrayList<>();
		for (String line : raw.split("\n")) {
			String[] fields = line.split("\t", -1);
			// sessions kept before options could be unavailable have three fields
			options.add(new Option(fields[0], fields[1], fields[2], fields.length > 3 ? fields[3] : ""));
		}
		return options;
	}

	private Turn welcome(Session session) {
		return say(session, this.scripts.text("replies.welcome") + "\n\n" + this.menus.render(session.identity()));
	}

	/** What the user can answer now: the current question in a flow, else the menu. */
	private String whereNext(Session session) {
		return session.inFlow() ? currentPromptSuffix(session) : "\n\n" + this.menus.render(session.identity());
	}

	/** The current step's question again, so a hint never leaves the user guessing what to answer. */
	private String currentPromptSuffix(Session session) {
		if (!session.inFlow()) {
			return "";
		}
		return this.flows.find(session.flow()).map(flow -> "\n\n" + prompt(flow, session)).orElse("");
	}

	private String prompt(Flow flow, Session session) {
		Step step = flow.steps().get(session.step());
		String pending = session.progress().get(LongText.PENDING + step.name());
		if (pending != null) {
			return this.longText.question(step, pending);
		}
		String text = this.scripts.text(step.askKey(), fill(flow, session.answers()));
		if (step.kind() == Step.Kind.PICK) {
			return text + Choices.numbered(shown(session.progress(), step).stream().map(Option::label).toList());
		}
		List<String> words = this.stepAnswers.words(step);
		return words.isEmpty() ? text : text + Choices.numbered(words);
	}

	/** What wording fills in: the answers so far, and nothing for a step not answered (left out or passed). */
	private static Map<String, String> fill(Flow flow, Map<String, String> answers) {
		Map<String, String> values = new HashMap<>();
		for (Step step : flow.steps()) {
			values.put(step.name(), "");
			values.put(step.name() + "Label", "");
		}
		flow.given().forEach(name -> values.put(name, ""));
		values.putAll(answers);
		return values;
	}

	/** Who to turn to after three misses depends on who is asking: parents the head teacher, teachers the school office. */
	private static String missLimitKey(Role role) {
		return "replies.miss-limit." + role.code();
	}

	private String text(String key) {
		return this.scripts.text(key);
	}

	private static Turn say(Session session, String text) {
		return new Turn(text, session);
	}

}
