package org.qinqing.conversation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.people.Identity;
import org.qinqing.people.Role;
import org.qinqing.system.BotScripts;
import org.springframework.stereotype.Component;

/**
 * The menu of each role, from {@code bot-scripts/menus.yaml}. An item's action is {@code flow:<id>}
 * (start a flow), {@code command:<name>} (run a command), {@code reply:<key>} (say a bot-scripts
 * text) or {@code soon} (即将开放). An item's
 * {@code click} is the key of the WeChat custom-menu button that opens it.
 */
@Component
class Menus {

	record Item(String label, String action, String click) {
	}

	private final BotScripts scripts;

	private final Map<Role, List<Item>> items = new EnumMap<>(Role.class);

	Menus(BotScripts scripts, FlowRegistry flows, List<Command> commands) {
		java.util.Set<String> commandNames = new java.util.HashSet<>();
		commands.forEach(c -> commandNames.add(c.name()));
		this.scripts = scripts;
		for (Role role : Role.values()) {
			String base = "menus." + role.code();
			scripts.require(base + ".title", base + ".items");
			List<Item> list = new ArrayList<>();
			for (Map<String, Object> raw : scripts.list(base + ".items")) {
				Item item = new Item(String.valueOf(raw.get("label")), String.valueOf(raw.get("action")),
						raw.get("click") == null ? "" : String.valueOf(raw.get("click")));
				validate(item, base, flows, commandNames);
				list.add(item);
			}
			this.items.put(role, List.copyOf(list));
		}
	}

	private void validate(Item item, String base, FlowRegistry flows, java.util.Set<String> commands) {
		if (item.action().startsWith("command:")) {
			if (!commands.contains(item.action().substring(8))) {
				throw new IllegalStateException(this.scripts.fileOf(base) + ": item '" + item.label()
						+ "' runs command '" + item.action().substring(8) + "', which no module declares");
			}
		}
		else if (item.action().startsWith("flow:")) {
			flows.require(item.action().substring(5), scripts.fileOf(base) + " " + base);
		}
		else if (item.action().startsWith("reply:")) {
			this.scripts.require(item.action().substring(6));
		}
		else if (!item.action().equals("soon")) {
			throw new IllegalStateException(scripts.fileOf(base) + ": item '" + item.label()
					+ "' has an unknown action '" + item.action() + "'");
		}
	}

	List<Item> of(Role role) {
		return this.items.get(role);
	}

	/** The menu as text: greeting title, numbered items, and a footer about global commands. */
	String render(Identity identity) {
		StringBuilder text = new StringBuilder(
				this.scripts.text("menus." + identity.role().code() + ".title", Map.of("name", identity.displayName())));
		List<Item> list = of(identity.role());
		for (int i = 0; i < list.size(); i++) {
			text.append('\n').append(i + 1).append(". ").append(list.get(i).label());
		}
		return text.append("\n\n").append(this.scripts.text("replies.menu-footer")).toString();
	}

	/** The item a reply picks: its number, or its words. */
	Optional<Item> pick(Role role, String input) {
		List<Item> list = of(role);
		Optional<Integer> number = Choices.number(input, list.size());
		if (number.isPresent()) {
			return Optional.of(list.get(number.get() - 1));
		}
		return list.stream().filter(item -> item.label().equals(input)).findFirst();
	}

	Optional<Item> byClick(Role role, String clickKey) {
		return of(role).stream().filter(item -> !item.click().isEmpty() && item.click().equals(clickKey)).findFirst();
	}

}
