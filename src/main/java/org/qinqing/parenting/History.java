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
 * @param weeks week (the push day's date) → the lesson pushed that week
 * @param read lesson id → the first read
 * @param answers lesson id → the latest answer
 * @param cursor the lesson last shown in chat, or empty
 */
public record History(String personId, Map<String, LocalDate> had, Map<LocalDate, String> weeks,
		Map<String, Instant> read, Map<String, Answer> answers, String cursor) {

	public record Answer(int choice, boolean right, Instant at) {
	}

	public History {
		had = Map.copyOf(had);
		weeks = Map.copyOf(weeks);
		read = Map.copyOf(read);
		answers = Map.copyOf(answers);
		cursor = cursor == null ? "" : cursor;
	}

	static History of(String personId, Map<String, String> hash) {
		Map<String, LocalDate> had = new LinkedHashMap<>();
		Map<LocalDate, String> weeks = new LinkedHashMap<>();
		Map<String, Instant> read = new LinkedHashMap<>();
		Map<String, Answer> answers = new LinkedHashMap<>();
		hash.forEach((field, value) -> {
			if (field.startsWith(ParentingKeys.HAD)) {
				had.put(field.substring(2), LocalDate.parse(value.substring(0, value.indexOf('|'))));
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
		return new History(personId, had, weeks, read, answers, hash.get(ParentingKeys.CURSOR));
	}

	/** The lessons had, oldest first (by the date given, then by id for a stable order). */
	public List<String> hadInOrder() {
		return this.had.entrySet()
			.stream()
			.sorted(Map.Entry.<String, LocalDate>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.map(Map.Entry::getKey)
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

	static Comparator<History> byPerson() {
		return Comparator.comparing(History::personId);
	}

}
