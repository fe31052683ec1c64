package org.qinqing.parenting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one person had, read and answered, as their hash in Redis holds it ({@link ParentingKeys#person}).
 *
 * @param had lesson id → the school date it was given
 * @param givenAt lesson id → when it was given (epoch ms), to order lessons given the same day
 * @param weeks week (the push day's date) → the lesson pushed that week
 * @param read lesson id → the first read
 * @param answers lesson id → the latest answer
 * @param cursor the lesson last shown in chat, or empty
 */
public record History(String personId, Map<String, LocalDate> had, Map<String, Long> givenAt,
		Map<LocalDate, String> weeks, Map<String, Instant> read, Map<String, Answer> answers, String cursor) {

	public record Answer(int choice, boolean right, Instant at) {
	}

	public History {
		had = Map.copyOf(had);
		givenAt = Map.copyOf(givenAt);
		weeks = Map.copyOf(weeks);
		read = Map.copyOf(read);
		answers = Map.copyOf(answers);
		cursor = cursor == null ? "" : cursor;
	}

	static History of(String personId, Map<String, String> hash) {
		Map<String, LocalDate> had = new LinkedHashMap<>();
		Map<String, Long> givenAt = new LinkedHashMap<>();
		Map<LocalDate, String> weeks = new LinkedHashMap<>();
		Map<String, Instant> read = new LinkedHashMap<>();
		Map<String, Answer> answers = new LinkedHashMap<>();
		hash.forEach((field, value) -> {
			if (field.startsWith(ParentingKeys.HAD)) {
				String[] parts = value.split("\\|");
				had.put(field.substring(2), LocalDate.parse(parts[0]));
				givenAt.put(field.substring(2), parts.length > 2 ? Long.parseLong(parts[2]) : 0L);
			}
			else if (field.startsWith(ParentingKeys.WEEK)) {
				weeks.put(LocalDate.parse(field.substring(2)), value);
			}
			else if (field.startsWith(ParentingKeys.READ)) {
				read.put(field.substring(2), Instant.ofEpochMilli(Long.parseLong(value)));
			}
			else if (field.startsWith(ParentingKeys.ANSWER)) {
				String[] parts = value.split("\\|");
				answers.put(field.substring(2), new Answer(Integer.parseInt(parts[0]), "1".equals(parts[1]),
						Instant.ofEpochMilli(Long.parseLong(parts[2]))));
			}
		});
		return new History(personId, had, givenAt, weeks, read, answers, hash.get(ParentingKeys.CURSOR));
	}

	/** The lessons had, in the order they were given (then by id, for a stable order). */
	public List<String> hadInOrder() {
		return this.had.keySet()
			.stream()
			.sorted(Comparator.comparing((String id) -> this.had.get(id))
				.thenComparing(id -> this.givenAt.getOrDefault(id, 0L))
				.thenComparing(Comparator.naturalOrder()))
			.toList();
	}

	/** The lesson given last, if any. */
	public Optional<String> latest() {
		List<String> order = hadInOrder();
		return order.isEmpty() ? Optional.empty() : Optional.of(order.get(order.size() - 1));
	}

	/** The date the latest lesson was given. */
	public Optional<LocalDate> latestDate() {
		return latest().map(this.had::get);
	}

}
