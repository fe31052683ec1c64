package org.qinqing.questions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Benchmark, not a test: the FAQ matcher on the paraphrases of {@code src/test/resources/faq/paraphrases.yaml}
 * (questions written for it, none of them an ask of the FAQ files), its tuning half and its held-out half apart.
 * Prints per half the top-1 accuracy, how often the chat would answer right, answer wrong or not answer, false
 * answers on out-of-scope questions, then match latency (p50/p99/max over many rounds, one thread), the index's
 * build time and the heap it and the segmenter's dictionaries take. Needs neither Spring nor Redis.
 * <p>
 * Run: {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.main=org.qinqing.questions.FaqMatcherBenchmark}
 * (options: -Dbench.threshold=0.47 -Dbench.margin=0.06 -Dbench.grams=0.5 -Dbench.answer=0.2 -Dbench.floor=2 to try
 * other tunings; -Dbench.misses=tune lists what went wrong in the tuning half, =all in both; -Dbench.sweep=true
 * prints a grid of thresholds and margins on the tuning half; -Dbench.rounds=200).
 */
public final class FaqMatcherBenchmark {

	private FaqMatcherBenchmark() {
	}

	record Question(String expected, String text) {

		boolean outOfScope() {
			return this.expected == null;
		}

	}

	record Outcome(int questions, int top1, int answeredRight, int answeredWrong, int unanswered, int outOfScope,
			int falseAnswers) {
	}

	public static void main(String[] args) {
		QuestionsProperties defaults = QuestionsProperties.defaults();
		FaqIndex.Tuning shipped = FaqMatcher.tuning(defaults);
		FaqIndex.Tuning tuning = new FaqIndex.Tuning(dbl("bench.threshold", shipped.threshold()),
				dbl("bench.margin", shipped.margin()), dbl("bench.grams", shipped.gramsWeight()),
				dbl("bench.answer", shipped.answerWeight()), dbl("bench.floor", shipped.floor()));
		boolean misses = System.getProperty("bench.misses") != null;
		boolean allMisses = "all".equals(System.getProperty("bench.misses"));
		int rounds = Integer.getInteger("bench.rounds", 200);

		long heapBefore = usedHeap();
		long loadStart = System.nanoTime();
		FaqContent content = FaqFiles.load();
		long loaded = System.nanoTime();
		FaqIndex first = new FaqIndex(content, tuning);
		long firstBuilt = System.nanoTime();
		long heapAfter = usedHeap();
		FaqIndex index = first;
		Map<String, List<Question>> sets = questions();
		int paraphrases = 0;
		int outOfScope = 0;
		for (List<Question> set : sets.values()) {
			paraphrases += (int) set.stream().filter(q -> !q.outOfScope()).count();
			outOfScope += (int) set.stream().filter(Question::outOfScope).count();
		}
		System.out.printf("FAQ matcher benchmark: %d topics, %d paraphrases and %d out-of-scope questions, %d cores%n",
				content.topics().size(), paraphrases, outOfScope, Runtime.getRuntime().availableProcessors());
		System.out.printf("tuning: threshold %.2f, margin %.2f, character pairs %.2f, answer words %.2f%n",
				tuning.threshold(), tuning.margin(), tuning.gramsWeight(), tuning.answerWeight());
		Outcome all = null;
		for (Map.Entry<String, List<Question>> set : sets.entrySet()) {
			Outcome outcome = measure(index, set.getValue(), misses && (allMisses || "tune".equals(set.getKey())) ? set.getKey() : null);
			print(set.getKey(), outcome);
			all = all == null ? outcome : add(all, outcome);
		}
		print("both", all);

		if (Boolean.getBoolean("bench.sweep")) {
			sweep(content, tuning, sets);
		}

		List<Question> every = sets.values().stream().flatMap(List::stream).toList();
		for (int i = 0; i < 5_000; i++) {
			index.match(every.get(i % every.size()).text());
		}
		long[] nanos = new long[rounds * every.size()];
		int n = 0;
		for (int r = 0; r < rounds; r++) {
			for (Question question : every) {
				long start = System.nanoTime();
				index.match(question.text());
				nanos[n++] = System.nanoTime() - start;
			}
		}
		Arrays.sort(nanos);
		System.out.printf("match latency over %,d matches: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", nanos.length,
				nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6, nanos[nanos.length - 1] / 1e6);
		// a school's edit, once the JIT has warmed up
		List<Long> rebuilds = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			long start = System.nanoTime();
			new FaqIndex(content, tuning);
			rebuilds.add(System.nanoTime() - start);
		}
		rebuilds.sort(Long::compare);
		System.out.printf("files read and checked in %.1f ms; first index (with smartcn's dictionaries) %.0f ms; "
				+ "a rebuild (p50 of 50) %.1f ms%n", (loaded - loadStart) / 1e6, (firstBuilt - loaded) / 1e6,
				rebuilds.get(rebuilds.size() / 2) / 1e6);
		System.out.printf("heap after loading files, dictionaries and the first index: +%.1f MB (one more index: "
				+ "+%.2f MB)%n", (heapAfter - heapBefore) / 1e6, indexHeap(content, tuning) / 1e6);
	}

	private static Outcome measure(FaqIndex index, List<Question> questions, String listMisses) {
		int top1 = 0;
		int right = 0;
		int wrong = 0;
		int unanswered = 0;
		int oos = 0;
		int falseAnswers = 0;
		int inScope = 0;
		for (Question question : questions) {
			FaqMatch match = index.match(question.text());
			String best = match.best().map(FaqMatch.Scored::id).orElse(null);
			if (question.outOfScope()) {
				oos++;
				if (match.answered()) {
					falseAnswers++;
					miss(listMisses, "answered out-of-scope", question, match);
				}
				continue;
			}
			inScope++;
			boolean first = question.expected().equals(best);
			if (first) {
				top1++;
			}
			if (!match.answered()) {
				unanswered++;
				miss(listMisses, first ? "right first, not answered" : "wrong first, not answered", question, match);
			}
			else if (first) {
				right++;
			}
			else {
				wrong++;
				miss(listMisses, "ANSWERED WRONG", question, match);
			}
		}
		return new Outcome(inScope, top1, right, wrong, unanswered, oos, falseAnswers);
	}

	private static void miss(String set, String what, Question question, FaqMatch match) {
		if (set != null) {
			System.out.printf("  [%s] %s: %s (%s) -> %s%n", set, what, question.text(),
					question.outOfScope() ? "out of scope" : question.expected(), match.matches());
		}
	}

	private static void print(String name, Outcome o) {
		System.out.printf("%-9s top-1 %d/%d = %.1f%%; the chat answers right %.1f%%, wrong %.1f%%, not %.1f%%; "
				+ "out-of-scope answered %d/%d = %.1f%%%n", name, o.top1(), o.questions(), pct(o.top1(), o.questions()),
				pct(o.answeredRight(), o.questions()), pct(o.answeredWrong(), o.questions()),
				pct(o.unanswered(), o.questions()), o.falseAnswers(), o.outOfScope(),
				pct(o.falseAnswers(), o.outOfScope()));
	}

	private static Outcome add(Outcome a, Outcome b) {
		return new Outcome(a.questions() + b.questions(), a.top1() + b.top1(), a.answeredRight() + b.answeredRight(),
				a.answeredWrong() + b.answeredWrong(), a.unanswered() + b.unanswered(), a.outOfScope() + b.outOfScope(),
				a.falseAnswers() + b.falseAnswers());
	}

	/** Right answers and false answers on the tuning half for a grid of thresholds and margins. */
	private static void sweep(FaqContent content, FaqIndex.Tuning base, Map<String, List<Question>> sets) {
		System.out.println("sweep on 'tune' (answered right % / answered wrong % / out-of-scope answered %):");
		double[] margins = { 0.0, 0.03, 0.06, 0.09, 0.12 };
		System.out.print("threshold");
		for (double margin : margins) {
			System.out.printf(" | margin %.2f      ", margin);
		}
		System.out.println();
		for (double threshold = 0.30; threshold <= 0.501; threshold += 0.02) {
			System.out.printf("  %.2f   ", threshold);
			for (double margin : margins) {
				FaqIndex index = new FaqIndex(content,
						new FaqIndex.Tuning(threshold, margin, base.gramsWeight(), base.answerWeight(), base.floor()));
				Outcome o = measure(index, sets.get("tune"), null);
				System.out.printf(" | %4.1f/%4.1f/%4.1f", pct(o.answeredRight(), o.questions()),
						pct(o.answeredWrong(), o.questions()), pct(o.falseAnswers(), o.outOfScope()));
			}
			System.out.println();
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, List<Question>> questions() {
		try (InputStream in = FaqMatcherBenchmark.class.getResourceAsStream("/faq/paraphrases.yaml")) {
			Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			Map<String, List<Question>> sets = new LinkedHashMap<>();
			for (Map.Entry<String, Object> set : root.entrySet()) {
				List<Question> questions = new ArrayList<>();
				for (Map.Entry<String, List<String>> topic : ((Map<String, List<String>>) set.getValue()).entrySet()) {
					String expected = "out-of-scope".equals(topic.getKey()) ? null : topic.getKey();
					topic.getValue().forEach(text -> questions.add(new Question(expected, text)));
				}
				sets.put(set.getKey(), questions);
			}
			return sets;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long indexHeap(FaqContent content, FaqIndex.Tuning tuning) {
		long before = usedHeap();
		List<FaqIndex> kept = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			kept.add(new FaqIndex(content, tuning));
		}
		long after = usedHeap();
		return kept.isEmpty() ? 0 : (after - before) / kept.size();
	}

	/** Heap in use after full collections, once two readings in a row agree within 100 KB. */
	private static long usedHeap() {
		java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
		long last = -1;
		for (int i = 0; i < 10; i++) {
			System.gc();
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			long used = memory.getHeapMemoryUsage().getUsed();
			if (last >= 0 && Math.abs(used - last) < 100_000) {
				return used;
			}
			last = used;
		}
		return last;
	}

	private static double dbl(String property, double fallback) {
		String value = System.getProperty(property);
		return value == null ? fallback : Double.parseDouble(value);
	}

	private static double pct(int part, int whole) {
		return whole == 0 ? 0 : 100.0 * part / whole;
	}

}
