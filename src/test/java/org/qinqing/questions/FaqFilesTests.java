package org.qinqing.questions;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The FAQ files are checked at start: a wrong file stops the start, and the message names the file, the topic
 * and the field, so the person who edited it knows where to look.
 */
class FaqFilesTests {

	/** The module's beans as the app declares them, started the way the app starts them. */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(QuestionsProperties.class)
	@Import({ ShippedFaq.class, FaqMatcher.class })
	static class Questions {

	}

	private final ApplicationContextRunner app = new ApplicationContextRunner().withUserConfiguration(Questions.class);

	@Test
	void theShippedFilesStartTheMatcher() {
		this.app.run(context -> {
			assertThat(context).hasNotFailed();
			FaqMatcher matcher = context.getBean(FaqMatcher.class);
			assertThat(matcher.content("any").topics()).hasSizeGreaterThanOrEqualTo(32);
			assertThat(matcher.content("any").topics()).allSatisfy(topic -> {
				assertThat(topic.file()).startsWith("bot-scripts/faq/");
				assertThat(topic.asks()).hasSizeGreaterThanOrEqualTo(3);
				assertThat(topic.answer()).isNotBlank();
			});
		});
	}

	@Test
	void aTopicWithTwoWaysOfAskingStopsTheStartNamingFileTopicAndField() {
		startFails("classpath*:faq-bad/too-few-asks/*.yaml", "classpath*:bot-scripts/faq-synonyms.yaml",
				"faq-bad/too-few-asks/school.yaml: topic 'grades': field 'asks' needs at least 3 ways of asking, has 2");
	}

	@Test
	void aTopicWithoutAnAnswerStopsTheStart() {
		startFails("classpath*:faq-bad/no-answer/*.yaml", "classpath*:bot-scripts/faq-synonyms.yaml",
				"faq-bad/no-answer/money.yaml: topic 'living-subsidy': field 'answer' is missing or empty");
	}

	@Test
	void anIdUsedInTwoFilesStopsTheStartNamingBoth() {
		startFails("classpath*:faq-bad/same-id/*.yaml", "classpath*:bot-scripts/faq-synonyms.yaml",
				"faq-bad/same-id/b.yaml: topic 'binding': field 'id' is already used in faq-bad/same-id/a.yaml");
	}

	@Test
	void aWordInTwoSynonymGroupsStopsTheStart() {
		startFails("classpath*:bot-scripts/faq/*.yaml", "classpath*:faq-bad/synonyms-twice.yaml",
				"faq-bad/synonyms-twice.yaml: field 'same[1]': the word '娃' is already in same[0]");
	}

	@Test
	void otherMistakesNameTheirField() {
		assertThatThrownBy(() -> topics("topics:\n  - title: 请假\n    asks: [a, b, c]\n    answer: x\n"))
			.hasMessage("bot-scripts/faq/x.yaml: topics[0]: field 'id' is missing");
		assertThatThrownBy(() -> topics("topics:\n  - id: Leave Request\n    title: 请假\n"))
			.hasMessageContaining("topics[0]: field 'id' must be lower-case English words");
		assertThatThrownBy(() -> topics("topics:\n  - id: leave\n    title: 请假\n    asks: [a, b, c]\n    answr: x\n"))
			.hasMessage("bot-scripts/faq/x.yaml: topic 'leave': unknown field 'answr' (fields: id, title, asks, answer, link)");
		assertThatThrownBy(() -> topics("topics:\n  - id: leave\n    asks: [a, b, c]\n    answer: x\n"))
			.hasMessage("bot-scripts/faq/x.yaml: topic 'leave': field 'title' is missing or empty");
		assertThatThrownBy(() -> topics("topics:\n  - id: leave\n    title: 请假\n    answer: x\n"))
			.hasMessageContaining("topic 'leave': field 'asks' is missing");
		assertThatThrownBy(() -> topics("topics:\n  - id: leave\n    title: 请假\n    asks: [a, '', c]\n    answer: x\n"))
			.hasMessageContaining("topic 'leave': field 'asks' has an empty entry");
		assertThatThrownBy(() -> topics(
				"topics:\n  - id: leave\n    title: 请假\n    asks: [a, b, c]\n    answer: x\n    link: 12348\n"))
			.hasMessageContaining("topic 'leave': field 'link' must be a web address");
		assertThatThrownBy(() -> topics("questions: []\n"))
			.hasMessageContaining("bot-scripts/faq/x.yaml: field 'topics' is missing");
		assertThatThrownBy(() -> topics("topics: [\n")).hasMessageStartingWith("bot-scripts/faq/x.yaml: not valid YAML");
		assertThatThrownBy(() -> topics("topics:\n  - id: leave\n    title: 请假\n    asks: [a, b, c]\n    answer: x\n"
				+ "  - id: leave\n    title: 请假\n    asks: [a, b, c]\n    answer: y\n"))
			.hasMessage("bot-scripts/faq/x.yaml: topic 'leave': field 'id' is used twice in this file");
		assertThatThrownBy(() -> FaqFiles.synonyms("bot-scripts/faq-synonyms.yaml", in("same:\n  - [孩子]\n")))
			.hasMessage("bot-scripts/faq-synonyms.yaml: field 'same[0]' needs at least two words");
		assertThatThrownBy(() -> FaqFiles.synonyms("bot-scripts/faq-synonyms.yaml",
				in("same:\n  - [孩子, 娃]\nterms: [娃]\n")))
			.hasMessage("bot-scripts/faq-synonyms.yaml: field 'terms': '娃' is already in same[0]");
	}

	private void startFails(String faqFiles, String synonymsFile, String message) {
		this.app.withPropertyValues("qinqing.questions.faq-files=" + faqFiles,
				"qinqing.questions.synonyms-file=" + synonymsFile).run(context -> {
					assertThat(context).hasFailed();
					assertThat(rootCause(context.getStartupFailure())).isInstanceOf(FaqFiles.FaqFileException.class)
						.hasMessage(message);
				});
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static List<FaqTopic> topics(String yaml) {
		return FaqFiles.topics("bot-scripts/faq/x.yaml", in(yaml));
	}

	private static ByteArrayInputStream in(String yaml) {
		return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
	}

}
