package org.qinqing.conversation;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.qinqing.system.BotScripts;
import org.springframework.stereotype.Component;

/**
 * Every {@link Flow} bean of every feature, checked at start-up against bot-scripts: each step's keys are there (by
 * convention, see {@link Step}), its options fit its kind, and every placeholder in its wording is one the flow can
 * fill by then (an earlier answer or its label, an answer the flow is given, or what the step's hint says itself).
 */
@Component
class FlowRegistry {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

	private final Map<String, Flow> flows = new LinkedHashMap<>();

	FlowRegistry(List<Flow> flows, BotScripts scripts) {
		for (Flow flow : flows) {
			check(flow, scripts);
			if (this.flows.put(flow.id(), flow) != null) {
				throw new IllegalStateException("Two flows are named " + flow.id());
			}
		}
	}

	private static void check(Flow flow, BotScripts scripts) {
		Set<String> known = new HashSet<>(flow.given());
		for (Step step : flow.steps()) {
			step.requiredKeys().forEach(scripts::require);
			if (step.listsWords() || scripts.has(step.optionsKey())) {
				checkOptions(flow, step, scripts.strings(step.optionsKey()), scripts);
			}
			placeholders(flow, scripts, step.askKey(), known, List.of());
			placeholders(flow, scripts, step.hintKey(), known, step.ownPlaceholders());
			if (step.kind() == Step.Kind.PICK) {
				placeholders(flow, scripts, step.emptyKey(), known, List.of());
			}
			if (scripts.has(step.keptKey())) {
				placeholders(flow, scripts, step.keptKey(), known, List.of());
			}
			known.add(step.name());
			known.add(step.name() + "Label");
		}
	}

	private static void checkOptions(Flow flow, Step step, List<String> options, BotScripts scripts) {
		String where = scripts.fileOf(step.optionsKey()) + " " + step.optionsKey();
		if ((step.kind() == Step.Kind.CONFIRM || step.kind() == Step.Kind.YES_NO) && options.size() != 2) {
			throw new IllegalStateException(where + ": a yes/no question of flow " + flow.id() + " has two options");
		}
		if (options.isEmpty()) {
			throw new IllegalStateException(where + ": no options");
		}
		if (step.kind() == Step.Kind.SEVERAL && options.stream().anyMatch(o -> o.contains(Step.SEVERAL_SEPARATOR))) {
			throw new IllegalStateException(where + ": an option of several may not contain " + Step.SEVERAL_SEPARATOR);
		}
	}

	private static void placeholders(Flow flow, BotScripts scripts, String key, Set<String> known, List<String> own) {
		Matcher m = PLACEHOLDER.matcher(scripts.text(key));
		while (m.find()) {
			String name = m.group(1);
			if (!known.contains(name) && !own.contains(name)) {
				throw new IllegalStateException(scripts.fileOf(key) + " " + key + ": {" + name + "} is nothing flow "
						+ flow.id() + " knows at that step (earlier answers and their labels: " + known + ")");
			}
		}
	}

	Optional<Flow> find(String id) {
		return Optional.ofNullable(this.flows.get(id));
	}

	void require(String id, String usedBy) {
		if (!this.flows.containsKey(id)) {
			throw new IllegalStateException(usedBy + " starts flow '" + id + "', which no module declares");
		}
	}

}
