package org.qinqing.binding;

import java.time.Clock;
import java.util.Map;

import org.qinqing.notify.Message;
import org.qinqing.notify.Notification;
import org.qinqing.notify.Outbox;
import org.qinqing.people.BindingCodes;
import org.qinqing.people.Person;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.BotScripts;
import org.springframework.stereotype.Component;

/**
 * When another WeChat user binds to a person, the users already bound to that person are told at once
 * (urgent: a stranger who got hold of a code must not read a family's messages unnoticed until morning).
 */
@Component
class BindingAlerts {

	private final Outbox outbox;

	private final SchoolRecords records;

	private final BotScripts scripts;

	private final Clock clock;

	BindingAlerts(Outbox outbox, SchoolRecords records, BotScripts scripts, Clock clock) {
		this.outbox = outbox;
		this.records = records;
		this.scripts = scripts;
		this.clock = clock;
		scripts.require("binding.others-bound", "binding.others-bound-title", "binding.others-bound-status");
	}

	void othersBound(String tenant, BindingCodes.Redemption redemption) {
		if (redemption.othersBound().isEmpty()) {
			return;
		}
		String name = this.records.person(tenant, redemption.personId()).map(Person::name).orElse("");
		long at = this.clock.millis();
		String text = this.scripts.text("binding.others-bound", Map.of("name", name));
		for (String openid : redemption.othersBound()) {
			this.outbox.enqueue(Notification
				.builder(tenant, openid, "binding-alert", "bind-alert:" + redemption.personId() + ":" + at + ":" + openid)
				.urgent()
				.text(text)
				.template(this.scripts.text("binding.others-bound-title"), fields(name), null)
				.build());
		}
	}

	/** In the template's order (Map.of has none): the simulator shows them as WeChat does, name first. */
	private Map<String, String> fields(String name) {
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("name", Message.field(name));
		fields.put("status", Message.field(this.scripts.text("binding.others-bound-status")));
		return fields;
	}


}
