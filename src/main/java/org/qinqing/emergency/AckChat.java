package org.qinqing.emergency;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.qinqing.conversation.Command;
import org.qinqing.people.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A guardian's or parent's {@code 收到}: acknowledges every open incident of their children, with its time, and
 * gives the school's phone again. With none open it is just a kind word.
 */
@Configuration(proxyBeanMethods = false)
class AckChat {

	private final Acknowledgements acknowledgements;

	private final IncidentWording words;

	AckChat(Acknowledgements acknowledgements, IncidentWording words) {
		this.acknowledgements = acknowledgements;
		this.words = words;
	}

	@Bean
	Command emergencyAckCommand() {
		List<String> commandWords = this.words.strings("words-ack");
		return new Command("emergency-ack", EnumSet.of(Role.PARENT, Role.GUARDIAN), commandWords::contains,
				(input, context) -> {
					List<Incident> acknowledged = this.acknowledgements.fromChat(context.tenant(), context.openid());
					if (acknowledged.isEmpty()) {
						return Command.Outcome.reply(this.words.text("nothing-open"));
					}
					Map<String, Object> p = this.words.params(context.tenant(), acknowledged.get(0));
					return Command.Outcome.reply(this.words.text("acknowledged", p));
				});
	}

}
