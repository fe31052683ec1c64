package org.qinqing.parenting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the lesson files and checks each against the schema of the parenting contract: known fields only, the
 * lengths, grades in 1..6, a known topic, audience and season, exactly one right answer among 2 or 3 options, a
 * unique id and order, the audio file present. The first problem stops the start with the file and the field.
 */
public final class LessonFiles {

	public static final String LOCATION = "classpath*:bot-scripts/parenting/lessons/*.yaml";

	static final Set<String> TOPICS = Set.of("心理健康", "安全", "学习习惯", "生活自理", "隔代教育", "营养与健康", "上网和手机",
			"感恩", "亲子沟通");

	private static final Set<String> FIELDS = Set.of("id", "order", "title", "topic", "audience", "grades", "seasons",
			"keywords", "summary", "body", "question", "audio");

	private static final Set<String> REQUIRED = Set.of("id", "order", "title", "topic", "audience", "grades",
			"keywords", "summary", "body", "question");

	private static final Set<String> QUESTION_FIELDS = Set.of("ask", "options", "answer", "right", "wrong");

	private LessonFiles() {
	}

	/** The lessons at {@code location} (a resource pattern), by programme order; audio looked for on the classpath. */
	public static List<Lesson> load(String location) {
		return load(location, audio -> new ClassPathResource("bot-scripts/" + audio).exists());
	}

	static List<Lesson> load(String location, Predicate<String> audioExists) {
		List<Lesson> lessons = new ArrayList<>();
		Map<String, String> ids = new HashMap<>();
		Map<Integer, String> orders = new HashMap<>();
		Resource[] resources;
		try {
			resources = new PathMatchingResourcePatternResolver().getResources(location);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list the lesson files at " + location, ex);
		}
		for (Resource resource : resources) {
			String file = name(resource);
			Lesson lesson = read(file, resource, audioExists);
			String other = ids.putIfAbsent(lesson.id(), file);
			if (other != null) {
				throw new LessonFileException(file, "id", "'" + lesson.id() + "' is also the id of " + other);
			}
			other = orders.putIfAbsent(lesson.order(), file);
			if (other != null) {
				throw new LessonFileException(file, "order", lesson.order() + " is also the order of " + other);
			}
			lessons.add(lesson);
		}
		lessons.sort(Comparator.comparingInt(Lesson::order));
		return List.copyOf(lessons);
	}

	private static String name(Resource resource) {
		try {
			String url = resource.getURL().toString();
			int at = url.lastIndexOf("bot-scripts/");
			return at >= 0 ? url.substring(at) : resource.getFilename();
		}
		catch (IOException ex) {
			return resource.getFilename();
		}
	}

	private static Lesson read(String file, Resource resource, Predicate<String> audioExists) {
		String filename = resource.getFilename() == null ? "" : resource.getFilename();
		if (!filename.matches("\\d{2}-[a-z0-9]+(-[a-z0-9]+)*\\.yaml")) {
			throw new LessonFileException(file, "(file name)", "is not <NN>-<slug>.yaml");
		}
		Object root;
		try (InputStream in = resource.getInputStream()) {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + file, ex);
		}
		catch (YAMLException ex) {
			throw new LessonFileException(file, "(yaml)", "cannot be read: " + ex.getMessage().lines().findFirst().orElse(""));
		}
		if (!(root instanceof Map<?, ?> map)) {
			throw new LessonFileException(file, "(file)", "is not a map of fields");
		}
		Fields f = new Fields(file, map, "");
		f.only(FIELDS);
		f.required(REQUIRED);
		String id = f.text("id", 64);
		if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
			throw new LessonFileException(file, "id", "'" + id + "' is not lowercase letters, digits and dashes");
		}
		int order = f.number("order", 1, 999);
		String title = f.text("title", 20);
		String topic = f.text("topic", 20);
		if (!TOPICS.contains(topic)) {
			throw new LessonFileException(file, "topic", "'" + topic + "' is none of " + String.join(" ", TOPICS));
		}
		Audience audience = Audience.of(f.text("audience", 20));
		if (audience == null) {
			throw new LessonFileException(file, "audience", "is none of guardian, parent, both");
		}
		List<Object> grades = f.list("grades", 2, 2);
		int from = Fields.grade(file, grades.get(0));
		int to = Fields.grade(file, grades.get(1));
		if (from > to) {
			throw new LessonFileException(file, "grades", "goes from " + from + " down to " + to);
		}
		Set<Season> seasons = new LinkedHashSet<>();
		if (map.containsKey("seasons")) {
			for (Object code : f.list("seasons", 1, Season.values().length)) {
				Season season = Season.of(String.valueOf(code));
				if (season == null) {
					throw new LessonFileException(file, "seasons", "has an unknown season '" + code + "'");
				}
				seasons.add(season);
			}
		}
		List<String> keywords = f.words("keywords", 2, 8, 12);
		String summary = f.text("summary", 150);
		if (summary.contains("\n")) {
			throw new LessonFileException(file, "summary", "is more than one paragraph");
		}
		String body = f.text("body", 600);
		Fields q = f.nested("question");
		q.only(QUESTION_FIELDS);
		q.required(QUESTION_FIELDS);
		String ask = q.text("ask", 60);
		List<String> options = q.words("options", 2, 3, 30);
		Object answer = q.raw("answer");
		if (!(answer instanceof Integer)) {
			throw new LessonFileException(file, "question.answer", "is not the one number of the right option");
		}
		int right = q.number("answer", 1, options.size());
		Lesson.Question question = new Lesson.Question(ask, options, right, q.text("right", 80), q.text("wrong", 80));
		String audio = "";
		if (map.containsKey("audio")) {
			audio = f.text("audio", 200);
			if (audio.contains("..") || audio.startsWith("/") || !audioExists.test(audio)) {
				throw new LessonFileException(file, "audio", "names bot-scripts/" + audio + ", which is not there");
			}
		}
		return new Lesson(id, order, title, topic, audience, from, to, seasons, keywords, summary, body, question,
				audio);
	}

	/** One level of a lesson file's fields, read with the file and the field named on every problem. */
	private record Fields(String file, Map<?, ?> map, String prefix) {

		void only(Set<String> known) {
			for (Object key : this.map.keySet()) {
				if (!known.contains(String.valueOf(key))) {
					throw new LessonFileException(this.file, this.prefix + key, "is not a field of a lesson");
				}
			}
		}

		void required(Set<String> names) {
			names.stream().sorted().filter(name -> this.map.get(name) == null).findFirst().ifPresent(name -> {
				throw new LessonFileException(this.file, this.prefix + name, "is missing");
			});
		}

		Object raw(String name) {
			return this.map.get(name);
		}

		String text(String name, int max) {
			Object value = this.map.get(name);
			if (!(value instanceof String) && !(value instanceof Number)) {
				throw new LessonFileException(this.file, this.prefix + name, "is not a text");
			}
			String text = String.valueOf(value).strip();
			if (text.isEmpty()) {
				throw new LessonFileException(this.file, this.prefix + name, "is empty");
			}
			int length = text.codePointCount(0, text.length());
			if (length > max) {
				throw new LessonFileException(this.file, this.prefix + name,
						"has " + length + " characters, more than " + max);
			}
			return text;
		}

		int number(String name, int min, int max) {
			if (!(this.map.get(name) instanceof Integer number) || number < min || number > max) {
				throw new LessonFileException(this.file, this.prefix + name,
						"is not a whole number from " + min + " to " + max);
			}
			return number;
		}

		@SuppressWarnings("unchecked")
		List<Object> list(String name, int min, int max) {
			if (!(this.map.get(name) instanceof List<?> list) || list.size() < min || list.size() > max) {
				throw new LessonFileException(this.file, this.prefix + name,
						"is not a list of " + (min == max ? String.valueOf(min) : min + " to " + max) + " items");
			}
			return (List<Object>) list;
		}

		List<String> words(String name, int min, int max, int maxLength) {
			List<String> words = new ArrayList<>();
			for (Object item : list(name, min, max)) {
				String word = item == null ? "" : String.valueOf(item).strip();
				if (word.isEmpty() || word.codePointCount(0, word.length()) > maxLength || word.contains("\n")) {
					throw new LessonFileException(this.file, this.prefix + name,
							"has an item that is empty or longer than " + maxLength + " characters: '" + word + "'");
				}
				words.add(word);
			}
			if (new LinkedHashSet<>(words).size() != words.size()) {
				throw new LessonFileException(this.file, this.prefix + name, "has the same item twice");
			}
			return words;
		}

		Fields nested(String name) {
			if (!(this.map.get(name) instanceof Map<?, ?> nested)) {
				throw new LessonFileException(this.file, this.prefix + name, "is not a map of fields");
			}
			return new Fields(this.file, nested, this.prefix + name + ".");
		}

		static int grade(String file, Object value) {
			if (!(value instanceof Integer grade) || grade < 1 || grade > 6) {
				throw new LessonFileException(file, "grades", "has '" + value + "', not a grade from 1 to 6");
			}
			return grade;
		}

	}

}
