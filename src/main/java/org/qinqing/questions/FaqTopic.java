package org.qinqing.questions;

import java.util.List;

/**
 * One question the FAQ answers.
 *
 * @param id stable English id ({@code call-booking}); what the matcher returns and the API shows
 * @param title a short Chinese title
 * @param asks ways people ask it (three or more); the matcher indexes them with the title
 * @param answer the reply, plain short Chinese
 * @param link an optional web address sent under the answer, or {@code null}
 * @param file the file the topic came from (for error messages and the console)
 */
public record FaqTopic(String id, String title, List<String> asks, String answer, String link, String file) {

	public FaqTopic {
		asks = List.copyOf(asks);
	}

	/** What the chat sends: the answer, and the link on its own line when there is one. */
	public String replyText() {
		return this.link == null ? this.answer : this.answer + "\n" + this.link;
	}

}
