package org.qinqing.conversation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.system.BotScripts;
import org.springframework.stereotype.Component;

/** Every {@link Flow} bean of every feature, checked at start-up against bot-scripts. */
@Component
class FlowRegistry {

	private final Map<String, Flow> flows = new LinkedHashMap<>();

	FlowRegistry(List<Flow> flows, BotScripts scripts) {
		for (Flow flow : flows) {
			for (Step step : flow.steps()) {
				step.requiredKeys().forEach(scripts::require);
				if (step.optionsKey() != null) {
					scripts.strings(step.optionsKey());
				}
			}
			if (this.flows.put(flow.id(), flow) != null) {
				throw new IllegalStateException("Two flows are named " + flow.id());
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
