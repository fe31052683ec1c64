package org.qinqing.system;

import java.time.Duration;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** During an outage every message fails alike: the log gets a line per kind per interval, one stack trace. */
class ThrottledLogTests {

	@Test
	void tenThousandFailuresOfOneKindLogOneStackTraceAndThenCounts() throws InterruptedException {
		Logger logger = (Logger) LoggerFactory.getLogger("throttled-test-" + System.nanoTime());
		ListAppender<ILoggingEvent> lines = new ListAppender<>();
		lines.start();
		logger.addAppender(lines);
		ThrottledLog log = new ThrottledLog(logger, Duration.ofMillis(300));
		RuntimeException down = new IllegalStateException("Redis connection refused");
		// an outage of about a second, a failure every millisecond or so
		long until = System.nanoTime() + Duration.ofMillis(1000).toNanos();
		int failures = 0;
		while (System.nanoTime() < until) {
			log.warn("Handling a message", down);
			failures++;
			Thread.sleep(1);
		}
		assertThat(failures).isGreaterThan(100);
		assertThat(lines.list).hasSizeBetween(2, 5);
		assertThat(lines.list.get(0).getThrowableProxy()).isNotNull();
		assertThat(lines.list.subList(1, lines.list.size())).allSatisfy(line -> {
			assertThat(line.getThrowableProxy()).isNull();
			assertThat(line.getFormattedMessage()).contains("more time(s)", "Redis connection refused");
		});
		// after a quiet interval, the next outage shows its stack trace again
		Thread.sleep(700);
		log.warn("Handling a message", down);
		assertThat(lines.list.get(lines.list.size() - 1).getThrowableProxy()).isNotNull();
	}

}
