package org.qinqing.conversation;

import java.util.Map;
import java.util.Optional;

/** The commands every user can type at any step; their words are listed in bot-scripts. */
enum GlobalCommand {

	MENU, CANCEL, BACK, HELP;

	static Optional<GlobalCommand> of(String input, Map<String, GlobalCommand> words) {
		return Optional.ofNullable(words.get(input.strip().toLowerCase(java.util.Locale.ROOT)));
	}

}
