package org.qinqing.conversation;

import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.qinqing.people.Role;

/**
 * What a feature does with text that is no command, no menu item and no answer to a question: e.g. a parent's
 * question, matched against the school's FAQ. Empty lets the engine say it did not understand and show the menu.
 */
public record FreeText(Set<Role> roles, BiFunction<String, FlowContext, Optional<Command.Outcome>> run) {
}
