package org.qinqing.conversation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.qinqing.people.Directory;
import org.qinqing.system.BotScripts;
import org.springframework.stereotype.Component;

/**
 * Decides the reply to one inbound message from the session alone: no I/O of its own, so the
 * gate around it can de-duplicate, lock and persist. Unknown input always gets an answer.
 */
@Component
class ConversationEngine {

	static final int MISS_LIMIT = 3;

	private final BotScripts scripts;

	private final Menus menus;

	private final FlowRegistry flows;

	private final Map<String, GlobalCommand> commandWords = new HashMap<>();

	private final List<Command> commands;

	private final List<SceneHandler> scenes;

	private final Directory directory;

	ConversationEngine(BotScripts scripts, Menus menus, FlowRegistry flows, List<Command> commands,
			List<SceneHandler> scenes, Directory directory) {
		this.scripts = scripts;
		this.menus = menus;
		this.flows = flows;
		this.commands = commands;
		this.scenes = scenes;
		this.directory = directory;
		scripts.require("replies.welcome", "replies.unknown", "replies.help", "replies.cancelled",
				"replies.voice-empty", "replies.unreadable", "replies.coming-soon", "replies.miss-limit",
				"replies.menu-footer", "replies.flow-help", "replies.left-flow");
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
			return command(command.get(), session);
		}
		if (session.inFlow()) {
			Optional<Flow> flow = this.flows.find(session.flow());
			if (flow.isPresent()) {
				return answer(in, flow.get(), session, input);
			}
		}
		Optional<Command> typedCommand = this.commands.stream()
			.filter(c -> c.roles().contains(session.role()) && c.matches().test(input))
			.findFirst();
		if (typedCommand.isPresent()) {
			return run(typedCommand.get(), input, in, session.atMenu());
		}
		Optional<Menus.Item> item = this.menus.pick(session.role(), input);
		if (item.isPresent()) {
			return open(item.get(), in, session.atMenu());
		}
		return say(session.atMenu(), text("replies.unknown") + "\n\n" + this.menus.render(session.identity()));
	}

	private Turn command(GlobalCommand command, Session session) {
		return switch (command) {
			case MENU -> say(session.atMenu(), this.menus.render(session.identity()));
			case CANCEL -> session.inFlow()
					? say(session.atMenu(), text("replies.cancelled") + "\n\n" + this.menus.render(session.identity()))
					: say(session.atMenu(), this.menus.render(session.identity()));
			case BACK -> back(session);
			case HELP -> session.inFlow()
					? say(session, text("replies.flow-help") + currentPromptSuffix(session))
					: say(session, text("replies.help") + "\n\n" + this.menus.render(session.identity()));
		};
	}

	private Turn back(Session session) {
		if (!session.inFlow() || session.step() == 0) {
			String lead = session.inFlow() ? text("replies.left-flow") + "\n\n" : "";
			return say(session.atMenu(), lead + this.menus.render(session.identity()));
		}
		Flow flow = this.flows.find(session.flow()).orElseThrow();
		Map<String, String> answers = new LinkedHashMap<>(session.answers());
		answers.remove(flow.steps().get(session.step() - 1).name());
		Session previous = session.inFlow(flow.id(), session.step() - 1, answers);
		return say(previous, prompt(flow, previous));
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
			Session started = session.inFlow(flow.id(), 0, Map.of());
			return say(started, prompt(flow, started));
		}
		if (item.action().startsWith("reply:")) {
			return say(session, text(item.action().substring(6)) + "\n\n" + text("replies.menu-footer"));
		}
		return say(session, this.scripts.text("replies.coming-soon", Map.of("item", item.label())) + "\n\n"
				+ this.menus.render(session.identity()));
	}

	private Turn answer(Inbound in, Flow flow, Session session, String input) {
		Step step = flow.steps().get(session.step());
		FlowContext context = new FlowContext(in.tenant(), in.openid(), session.identity(), session.answers());
		Parsed parsed = parse(step, input, context);
		if (parsed instanceof Parsed.Invalid invalid) {
			int misses = session.misses() + 1;
			String hint = text(invalid.hintKey()) + currentPromptSuffix(session);
			if (misses >= MISS_LIMIT) {
				return say(session.withMisses(0), hint + "\n\n" + text("replies.miss-limit"));
			}
			return say(session.withMisses(misses), hint);
		}
		String value = ((Parsed.Ok) parsed).value();
		if (step.kind() == Step.Kind.CONFIRM && !value.equals(options(step).get(0))) {
			return say(session.atMenu(), text("replies.cancelled") + "\n\n" + this.menus.render(session.identity()));
		}
		Map<String, String> answers = new LinkedHashMap<>(session.answers());
		answers.put(step.name(), value);
		int next = session.step() + 1;
		if (next < flow.steps().size()) {
			Session moved = session.inFlow(flow.id(), next, answers);
			return say(moved, prompt(flow, moved));
		}
		String done = flow.complete().apply(new FlowContext(in.tenant(), in.openid(), session.identity(), answers));
		if (flow.changesIdentity()) {
			Session refreshed = reidentify(in, session);
			return say(refreshed, done + "\n\n" + this.menus.render(refreshed.identity()));
		}
		return say(session.atMenu(), done + "\n\n" + text("replies.menu-footer"));
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
			Session started = session.inFlow(flow.id(), 0, Map.of());
			String lead = outcome.reply().isEmpty() ? "" : outcome.reply() + "\n\n";
			return say(started, lead + prompt(flow, started));
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
						outcome.startFlow()), in, session);
			}
		}
		return welcome(session);
	}

	private Session reidentify(Inbound in, Session session) {
		Session fresh = Session.start(this.directory.identify(in.tenant(), in.openid()));
		return new Session(fresh.role(), fresh.personId(), fresh.name(), "", 0, Map.of(), 0, session.turns());
	}

	private Parsed parse(Step step, String input, FlowContext context) {
		if (step.kind() == Step.Kind.TEXT) {
			return step.parser().apply(input, context);
		}
		List<String> options = options(step);
		return Choices.pick(input, options).map(i -> Parsed.ok(options.get(i))).orElse(Parsed.invalid(step.hintKey()));
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
		String text = this.scripts.text(step.promptKey(), session.answers());
		return step.optionsKey() == null ? text : text + Choices.numbered(options(step));
	}

	private List<String> options(Step step) {
		return this.scripts.strings(step.optionsKey());
	}

	private String text(String key) {
		return this.scripts.text(key);
	}

	private static Turn say(Session session, String text) {
		return new Turn(text, session);
	}

}
