package org.qinqing.parenting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Spring Festival's date in each year (it follows the lunar calendar), from
 * {@code parenting/spring-festival.yaml}: one date a year, every year from {@link #FIRST} to {@link #LAST}, each
 * between 20 January and 21 February, or the start stops naming the entry.
 */
public final class SpringFestivals {

	static final String FILE = "parenting/spring-festival.yaml";

	static final int FIRST = 2025;

	static final int LAST = 2040;

	private static final MonthDay EARLIEST = MonthDay.of(1, 20);

	private static final MonthDay LATEST = MonthDay.of(2, 21);

	private final Map<Integer, LocalDate> byYear;

	SpringFestivals(Map<Integer, LocalDate> byYear) {
		this.byYear = Map.copyOf(byYear);
	}

	public static SpringFestivals fromClasspath() {
		try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
			return parse(FILE, new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing " + FILE, ex);
		}
	}

	static SpringFestivals parse(String file, Object root) {
		if (!(root instanceof Map<?, ?> map) || !(map.get("dates") instanceof List<?> dates)) {
			throw new IllegalStateException(file + ": has no list 'dates'");
		}
		Map<Integer, LocalDate> byYear = new TreeMap<>();
		for (Object raw : dates) {
			LocalDate date;
			try {
				date = LocalDate.parse(String.valueOf(raw));
			}
			catch (DateTimeParseException ex) {
				throw new IllegalStateException(file + ": dates has '" + raw + "', not a date like 2026-02-17");
			}
			MonthDay day = MonthDay.from(date);
			if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
				throw new IllegalStateException(file + ": dates has " + date + ", not between 1-20 and 2-21");
			}
			if (byYear.put(date.getYear(), date) != null) {
				throw new IllegalStateException(file + ": dates has two dates in " + date.getYear());
			}
		}
		for (int year = FIRST; year <= LAST; year++) {
			if (!byYear.containsKey(year)) {
				throw new IllegalStateException(file + ": dates has no date in " + year);
			}
		}
		return new SpringFestivals(byYear);
	}

	/** The Spring Festival of that year, if the table has it. */
	public Optional<LocalDate> in(int year) {
		return Optional.ofNullable(this.byYear.get(year));
	}

}
