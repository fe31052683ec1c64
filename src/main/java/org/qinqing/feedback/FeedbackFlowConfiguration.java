package org.qinqing.feedback;

import java.util.List;
import java.util.Map;

import org.qinqing.conversation.Flow;
import org.qinqing.conversation.Step;
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
		return new Flow(ID,
				List.of(Step.choice("topic", "feedback.ask-topic", "feedback.topics", "feedback.hint-topic"),
						Step.text("words", "feedback.ask-words", 2, 300, "feedback.hint-words"),
						Step.confirm("confirm", "feedback.ask-confirm", "feedback.confirm-options",
								"feedback.hint-confirm").keptWith("feedback.not-sent")),
				context -> {
					long number = box.leave(context.tenant(), context.identity().personId(), context.openid(),
							context.answers().get("topic"), context.answers().get("words"));
					return scripts.text("feedback.done", Map.of("number", number));
				});
	}

}
