package org.qinqing.notify;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import org.qinqing.system.SchoolTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox's settings ({@code qinqing.notify.*}).
 *
 * @param templates template id by message kind, e.g. {@code qinqing.notify.templates.call-reminder=<id>}
 * @param ratePerSecond calls to WeChat's message APIs per second and account, shared by all instances; it holds in
 * every one-second window at WeChat, not on average
 * @param dailyTemplateQuota template messages per account and day (in {@code zone})
 * @param quietStart non-urgent messages wait from this time...
 * @param quietEnd ...until this time (equal to {@code quietStart}: no quiet hours)
 * @param zone the schools' time zone: quiet hours and the quota's day ({@link SchoolTime#ZONE} unless set)
 * @param maxAttempts attempts for passing failures (-1, 5xx, timeouts) before a message fails for good
 * @param backoff the first retry's delay; it doubles with each retry (with jitter) up to {@code maxBackoff}
 * @param channelPause how long a channel rests after WeChat's quota error (45009) before it is tried again
 * @param claimIdle a message read by a consumer that has not finished it in this time is taken over by
 * another; keep it well above one send's worst time (WeChat's HTTP timeouts are 5 s)
 * @param batchSize messages a consumer reads from the stream at once
 * @param senders messages a consumer sends concurrently
 * @param pollInterval how long a consumer waits when its streams are empty
 * @param consumerEnabled start the consumer with the application (tests and benchmarks may start it later)
 * @param idempotencyTtl how long an idempotency key is remembered
 * @param logTtl how long a message's delivery log is kept after its last event
 * @param rateBurst permits that may go at once after an idle spell (at most a tenth of the rate)
 * @param rateSlack how much later than its slot a send may reach WeChat (threads, the HTTP client): the limiter
 * spaces permits so that a second plus this holds no more than the rate
 */
@ConfigurationProperties("qinqing.notify")
public record NotifyProperties(Map<String, String> templates, @DefaultValue("200") int ratePerSecond,
		@DefaultValue("100000") int dailyTemplateQuota, @DefaultValue("21:30") LocalTime quietStart,
		@DefaultValue("07:30") LocalTime quietEnd, ZoneId zone,
		@DefaultValue("8") int maxAttempts, @DefaultValue("10s") Duration backoff,
		@DefaultValue("30m") Duration maxBackoff, @DefaultValue("30m") Duration channelPause,
		@DefaultValue("60s") Duration claimIdle, @DefaultValue("50") int batchSize, @DefaultValue("32") int senders,
		@DefaultValue("100ms") Duration pollInterval, @DefaultValue("true") boolean consumerEnabled,
		@DefaultValue("7d") Duration idempotencyTtl, @DefaultValue("30d") Duration logTtl,
		@DefaultValue("5") int rateBurst, @DefaultValue("40ms") Duration rateSlack) {

	public NotifyProperties {
		templates = templates == null ? Map.of() : Map.copyOf(templates);
		// not a @DefaultValue: that takes a constant, and the school zone comes from QINQING_SCHOOL_ZONE
		zone = zone == null ? SchoolTime.ZONE : zone;
		positive(ratePerSecond, "rate-per-second");
		positive(rateBurst, "rate-burst");
		positive(dailyTemplateQuota, "daily-template-quota");
		positive(maxAttempts, "max-attempts");
		positive(batchSize, "batch-size");
		positive(senders, "senders");
		if (logTtl.compareTo(idempotencyTtl) < 0) {
			// a duplicate answers with the first message's id; its log should still be there
			throw new IllegalArgumentException("qinqing.notify.log-ttl must not be shorter than idempotency-ttl");
		}
	}

	/**
	 * The template id for a kind of message, or {@code null}. Environment variables cannot carry the
	 * dash of {@code call-reminder} ({@code QINQING_NOTIFY_TEMPLATES_CALLREMINDER}), so a key that
	 * differs only in dashes, underscores and case matches too.
	 */
	public String templateFor(String kind) {
		String exact = this.templates.get(kind);
		if (exact != null) {
			return exact;
		}
		String wanted = loose(kind);
		return this.templates.entrySet()
			.stream()
			.filter(e -> loose(e.getKey()).equals(wanted))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private static String loose(String key) {
		return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
	}

	private static void positive(int value, String name) {
		if (value < 1) {
			throw new IllegalArgumentException("qinqing.notify." + name + " must be at least 1");
		}
	}

}
