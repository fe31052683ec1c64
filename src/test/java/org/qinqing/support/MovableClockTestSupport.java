package org.qinqing.support;


import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole app (the demo school, the console, the portal) on a clock the tests move to a school time of
 * their choosing, for rules that depend on the hour ("a call that has not begun"), whatever the hour the suite
 * runs at. The portal accepts the test client's real timestamps however far the clock was moved; the
 * context's outbox consumer and call poller stay idle, so no notice of the shared demo school is sent by a
 * moved clock. The clock is real time again after each test.
 */
@Import(MovableClockTestSupport.MovableClockConfiguration.class)
@TestPropertySource(properties = { "wechat.timestamp-tolerance=2d", "qinqing.notify.consumer-enabled=false",
		"qinqing.calls.poll-interval=6h" })
public abstract class MovableClockTestSupport extends PortalTestSupport {

	@Autowired
	protected TickingClock clock;

	@AfterEach
	void realTimeAgain() {
		this.clock.reset();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MovableClockConfiguration {

		@Bean
		@Primary
		TickingClock movableClock() {
			return new TickingClock();
		}

	}

}
