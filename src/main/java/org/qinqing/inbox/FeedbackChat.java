package org.qinqing.inbox;

import java.util.Map;

import org.qinqing.conversation.Flow;
import org.qinqing.system.BotScripts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 给学校留言: anyone, a visitor too, leaves the school a message (a topic, their words, a confirmation). It becomes a
 * thread of the school's inbox, for the leaders. Wording: {@code bot-scripts/flows/feedback.yaml}.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackChat {

	static final String ID = "feedback";

	@Bean
	Flow feedbackFlow(Questions questions, BotScripts scripts) {
		scripts.require("feedback.done");
		return Flow.named(ID).choice("topic").text("words", 2, 300).confirm("confirm").thenReply(context -> {
			String number = questions.message(context.tenant(), context.identity(), context.openid(),
					context.text("topic"), context.text("words"));
			String done = scripts.text("feedback.done", Map.of("number", number));
			return questions.worrying(context.text("words")) ? questions.urgentReply() + "\n\n" + done : done;
		});
	}

}
