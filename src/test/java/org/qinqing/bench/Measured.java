package org.qinqing.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** How the benchmarks time a piece of work: a warm-up, then the median of some rounds and their Redis round trips. */
final class Measured {

	private Measured() {
	}

	/** Runs {@code run} once to warm up, then {@code rounds} times; prints the median time and round trips a run. */
	static void measure(CountingConnectionFactory counting, int rounds, String what, Supplier<String> run) {
		run.get();
		List<Long> micros = new ArrayList<>();
		long trips = 0;
		String result = "";
		for (int i = 0; i < rounds; i++) {
			long before = counting.roundTrips();
			long start = System.nanoTime();
			result = run.get();
			micros.add((System.nanoTime() - start) / 1_000);
			trips += counting.roundTrips() - before;
		}
		micros.sort(null);
		System.out.printf("%-44s median %8.1f ms, %6.1f round trips (%s)%n", what, micros.get(micros.size() / 2) / 1000.0,
				trips / (double) rounds, result);
	}

}
