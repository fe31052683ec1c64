package org.qinqing.binding;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.qinqing.conversation.Command;
import org.qinqing.conversation.Flow;
import org.qinqing.conversation.FlowContext;
import org.qinqing.conversation.Parsed;
import org.qinqing.conversation.SceneHandler;
import org.qinqing.people.BindingCodeFormat;
import org.qinqing.people.BindingCodes;
import org.qinqing.people.Directory;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.system.BotScripts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binding in chat: {@code 绑定 12345678}, the 绑定 menu item (asks for the code), scanning a binding
 * QR code (scene {@code bind:<token>}), {@code 解绑} with a confirmation, and {@code 我的信息}. When a
 * WeChat user binds to a person others were already bound to, those others are told at once.
 */
@Configuration(proxyBeanMethods = false)
class BindingConversation {

	static final String BIND_FLOW = "bind";

	static final String UNBIND_FLOW = "unbind";


	private static final Set<Role> BOUND = EnumSet.of(Role.PARENT, Role.GUARDIAN, Role.TEACHER, Role.ADMIN);

	private final BindingCodes codes;

	private final PeopleView view;

	private final BotScripts scripts;

	private final BindingAlerts alerts;

	/** 绑定 followed by an optional code (digits, spaces and dashes); the word comes from bot-scripts. */
	private final Pattern bind;

	BindingConversation(BindingCodes codes, PeopleView view, BotScripts scripts, BindingAlerts alerts) {
		this.codes = codes;
		this.view = view;
		this.scripts = scripts;
		this.alerts = alerts;
		this.bind = Pattern.compile("^" + Pattern.quote(scripts.text("binding.words-bind")) + "\\s*([\\d\\s\\-－—]*)$");
		scripts.require("binding.bound", "binding.bound-children", "binding.bound-classes", "binding.already",
				"binding.wrong", "binding.expired", "binding.used", "binding.revoked", "binding.locked",
				"binding.typo", "binding.slowed", "binding.unbind-intro", "binding.unbound");
	}

	@Bean
	Flow bindFlow() {
		return Flow.named(BIND_FLOW).wordedIn("binding.bind").text("code", this::redeemAnswer)
			.thenChangingIdentity(context -> bound(context.tenant(), context.openid()));
	}

	@Bean
	Flow unbindFlow(Directory directory) {
		return Flow.named(UNBIND_FLOW).wordedIn("binding.unbind").confirm("confirm").thenChangingIdentity(context -> {
			directory.unbindAll(context.tenant(), context.openid());
			return this.scripts.text("binding.unbound");
		});
	}

	@Bean
	Command bindCommand() {
		return new Command("bind", EnumSet.allOf(Role.class), input -> this.bind.matcher(input).matches(),
				(input, context) -> {
					Matcher m = this.bind.matcher(input);
					String code = BindingCodeFormat.normalize(m.matches() ? m.group(1) : "");
					if (code.isEmpty()) {
						return Command.Outcome.startFlow(BIND_FLOW);
					}
					if (!BindingCodeFormat.looksLikeACode(code)) {
						return Command.Outcome.reply(this.scripts.text("binding.bind.code.hint"));
					}
					return redeem(context, code);
				});
	}

	@Bean
	Command unbindCommand() {
		return new Command("unbind", BOUND, input -> this.scripts.strings("binding.words-unbind").contains(input),
				(input, context) -> {
					List<Person> people = this.view.people(context.tenant(), context.openid());
					String who = people.stream().anyMatch(p -> p.role() == Role.PARENT || p.role() == Role.GUARDIAN)
							? this.view.children(context.tenant(), people) : this.view.classes(context.tenant(), people);
					return new Command.Outcome(this.scripts.text("binding.unbind-intro", Map.of("who", who)), false,
							UNBIND_FLOW);
				});
	}

	@Bean
	Command myInfoCommand() {
		return new Command("my-info", EnumSet.allOf(Role.class),
				input -> this.scripts.strings("binding.words-my-info").contains(input),
				(input, context) -> Command.Outcome.reply(this.view.myInfo(context.tenant(), context.openid())));
	}

	@Bean
	SceneHandler bindScene() {
		return new SceneHandler("bind", (token, context) -> outcome(context,
				this.codes.redeemScene(context.tenant(), context.openid(), token)));
	}

	private Command.Outcome redeem(FlowContext context, String code) {
		return outcome(context, this.codes.redeem(context.tenant(), context.openid(), code));
	}

	private Command.Outcome outcome(FlowContext context, BindingCodes.Redemption redemption) {
		return switch (redemption.result()) {
			case BOUND -> {
				this.alerts.othersBound(context.tenant(), redemption);
				yield Command.Outcome.identityChanged(bound(context.tenant(), context.openid()));
			}
			case ALREADY_BOUND -> Command.Outcome.reply(this.scripts.text("binding.already"));
			default -> Command.Outcome.reply(hint(redemption));
		};
	}

	/** The bind flow's answer: the code is redeemed as it is read, so a wrong one is asked again. */
	private Parsed redeemAnswer(String input, FlowContext context) {
		String code = BindingCodeFormat.normalize(input);
		if (!BindingCodeFormat.looksLikeACode(code)) {
			return Parsed.invalid("binding.bind.code.hint");
		}
		BindingCodes.Redemption redemption = this.codes.redeem(context.tenant(), context.openid(), code);
		return switch (redemption.result()) {
			case BOUND -> {
				this.alerts.othersBound(context.tenant(), redemption);
				yield Parsed.ok(code);
			}
			case ALREADY_BOUND -> Parsed.ok(code);
			default -> Parsed.invalid(hintKey(redemption.result()));
		};
	}

	private String hint(BindingCodes.Redemption redemption) {
		return this.scripts.text(hintKey(redemption.result()), Map.of("left", redemption.attemptsLeft()));
	}

	private static String hintKey(BindingCodes.Result result) {
		return switch (result) {
			case EXPIRED -> "binding.expired";
			case USED -> "binding.used";
			case REVOKED -> "binding.revoked";
			case LOCKED -> "binding.locked";
			case TYPO -> "binding.typo";
			case SLOWED -> "binding.slowed";
			default -> "binding.wrong";
		};
	}

	private String bound(String tenant, String openid) {
		List<Person> people = this.view.people(tenant, openid);
		String name = people.isEmpty() ? "" : people.get(0).name();
		StringBuilder text = new StringBuilder(this.scripts.text("binding.bound", Map.of("name", name)));
		String children = this.view.children(tenant, people);
		if (!children.isEmpty()) {
			text.append('\n').append(this.scripts.text("binding.bound-children", Map.of("children", children)));
		}
		String classes = this.view.classes(tenant, people);
		if (!classes.isEmpty() && people.stream().anyMatch(p -> p.role() == Role.TEACHER)) {
			text.append('\n').append(this.scripts.text("binding.bound-classes", Map.of("classes", classes)));
		}
		people.stream()
			.filter(p -> p.role() == Role.TEACHER && !p.childIds().isEmpty())
			.findFirst()
			.ifPresent(teacher -> text.append('\n')
				.append(this.scripts.text("binding.my-info-paired", Map.of("count", teacher.childIds().size()))));
		return text.toString();
	}

}
