package org.qinqing.feedback;

import java.util.Map;

import org.qinqing.conversation.Flow;
import org.qinqing.system.BotScripts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The flow's shape; its wording is in {@code bot-scripts/flows/feedback.yaml}. */
@Configuration(proxyBeanMethods = false)
class FeedbackFlowConfiguration {

	static final String ID = "feedback";

	@Bean
	Flow feedbackFlow(FeedbackBox box, BotScripts scripts) {
		scripts.require("feedback.done");
		return Flow.named(ID).choice("topic").text("words", 2, 300).confirm("confirm").thenReply(context -> {
			long number = box.leave(context.tenant(), context.identity().personId(), context.openid(),
					context.text("topic"), context.text("words"));
			return scripts.text("feedback.done", Map.of("number", number));
		});
	}

}
