package org.qinqing.parenting;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lesson files as the start reads them: the fixtures load in programme order with every field; each broken file
 * (src/test/resources/parenting/broken/) stops the load naming its file and the field; the real lessons and the
 * Spring Festival table load, and a broken table names its entry.
 */
class LessonFilesTests {

	static final String FIXTURES = "classpath*:parenting/lessons/*.yaml";

	@Test
	void theFixturesLoadInProgrammeOrder() {
		List<Lesson> lessons = LessonFiles.load(FIXTURES);
		assertThat(lessons).extracting(Lesson::id).containsExactly("fixture-phone", "fixture-call", "fixture-drowning");
		Lesson drowning = lessons.get(2);
		assertThat(drowning.audience()).isEqualTo(Audience.BOTH);
		assertThat(drowning.seasons()).containsExactly(Season.SUMMER);
		assertThat(drowning.keywords()).contains("溺水");
		assertThat(drowning.question().options()).hasSize(3);
		assertThat(drowning.question().isRight(2)).isTrue();
		assertThat(drowning.question().isRight(1)).isFalse();
		assertThat(drowning.lines()).hasSize(6).first().isEqualTo("天热了，孩子想玩水。");
		assertThat(drowning.summary()).doesNotContain("\n");
	}

	static Stream<Arguments> broken() {
		return Stream.of(Arguments.of("unknown-field", "level"), Arguments.of("title-too-long", "title"),
				Arguments.of("answer-out-of-range", "question.answer"), Arguments.of("two-answers", "question.answer"),
				Arguments.of("bad-grades", "grades"), Arguments.of("bad-season", "seasons"),
				Arguments.of("bad-topic", "topic"), Arguments.of("missing-audio", "audio"),
				Arguments.of("no-wrong-reply", "question.wrong"), Arguments.of("one-option", "question.options"),
				Arguments.of("bad-file-name", "(file name)"), Arguments.of("same-id", "id"),
				Arguments.of("same-order", "order"));
	}

	@ParameterizedTest(name = "{0} stops the start naming the field {1}")
	@MethodSource("broken")
	void aBrokenFileStopsTheStartNamingFileAndField(String dir, String field) {
		assertThatThrownBy(() -> LessonFiles.load("classpath*:parenting/broken/" + dir + "/*.yaml"))
			.isInstanceOfSatisfying(LessonFileException.class, ex -> {
				assertThat(ex.field()).isEqualTo(field);
				assertThat(ex.file()).contains(dir.equals("bad-file-name") ? "phone.yaml" : ".yaml");
				assertThat(ex.getMessage()).contains(ex.file()).contains("'" + field + "'");
			});
	}

	@Test
	void theCatalogueBeanStopsTheStartOnABrokenFile() {
		assertThatThrownBy(() -> new LessonCatalogue(
				new LessonsProperties("classpath*:parenting/broken/title-too-long/*.yaml", 95)))
			.isInstanceOf(LessonFileException.class)
			.hasMessageContaining("01-a.yaml")
			.hasMessageContaining("'title'")
			.hasMessageContaining("more than 20");
		assertThat(new LessonCatalogue(new LessonsProperties(FIXTURES, 95)).byKeyword("溺水").orElseThrow().id())
			.isEqualTo("fixture-drowning");
	}

	@Test
	void theSchoolsLessonsLoad() {
		// the real programme: a school year of weekly lessons, each file through the same checks
		List<Lesson> lessons = LessonFiles.load(LessonFiles.LOCATION);
		assertThat(lessons).hasSizeGreaterThanOrEqualTo(24);
		assertThat(lessons).extracting(Lesson::audience).contains(Audience.GUARDIAN, Audience.PARENT, Audience.BOTH);
		assertThat(lessons).extracting(Lesson::order).isSorted().doesNotHaveDuplicates();
		lessons.forEach(l -> assertThat(l.keywords()).hasSizeBetween(2, 8));
	}

	@Test
	void theSpringFestivalTableCoversEveryYearAndABrokenOneNamesItsEntry() {
		SpringFestivals festivals = SpringFestivals.fromClasspath();
		for (int year = SpringFestivals.FIRST; year <= SpringFestivals.LAST; year++) {
			assertThat(festivals.in(year)).as("%d", year).isPresent();
		}
		assertThat(festivals.in(2027).orElseThrow()).hasToString("2027-02-06");
		assertThatThrownBy(() -> SpringFestivals.parse("f.yaml", new Yaml().load("dates: [\"2025-01-29\"]")))
			.hasMessageContaining("f.yaml").hasMessageContaining("no date in 2026");
		assertThatThrownBy(() -> SpringFestivals.parse("f.yaml", Map.of("dates", List.of("2026-03-17"))))
			.hasMessageContaining("2026-03-17");
		assertThatThrownBy(() -> SpringFestivals.parse("f.yaml", Map.of("dates", List.of("2026-02-17", "2026-02-18"))))
			.hasMessageContaining("two dates in 2026");
		assertThatThrownBy(() -> SpringFestivals.parse("f.yaml", Map.of("dates", List.of("春节"))))
			.hasMessageContaining("春节");
	}

}
