package org.qinqing.questions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param threshold the chat answers from the FAQ when the best topic scores at least this (scores run 0..1;
 * 1 is as close as one of the topic's listed ways of asking)
 * @param margin and the best topic is at least this far ahead of the second
 * @param faqFiles where the FAQ files are (a classpath pattern)
 * @param synonymsFile where the synonyms file is
 */
@ConfigurationProperties("qinqing.questions")
public record QuestionsProperties(@DefaultValue("0.47") double threshold, @DefaultValue("0.06") double margin,
		@DefaultValue(FaqFiles.TOPICS) String faqFiles, @DefaultValue(FaqFiles.SYNONYMS) String synonymsFile) {

	public static QuestionsProperties defaults() {
		return new QuestionsProperties(0.47, 0.06, FaqFiles.TOPICS, FaqFiles.SYNONYMS);
	}

}
