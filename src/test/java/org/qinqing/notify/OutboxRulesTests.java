package org.qinqing.notify;

import org.qinqing.system.SchoolTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qinqing.support.TestDates;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The outbox's rules that need neither Redis nor WeChat. */
class OutboxRulesTests {

	private static final ZoneId SHANGHAI = SchoolTime.ZONE;

	private static final LocalDate DAY = TestDates.NEXT_MONDAY;

	private final QuietHours quiet = new QuietHours(LocalTime.of(21, 30), LocalTime.of(7, 30), SHANGHAI);

	private static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(SHANGHAI).toInstant();
	}

	@Test
	void quietHoursCrossMidnightAndEndAtQuietEnd() {
		assertThat(this.quiet.until(at(DAY, 21, 29))).isNull();
		assertThat(this.quiet.until(at(DAY, 21, 30))).isEqualTo(at(DAY.plusDays(1), 7, 30));
		assertThat(this.quiet.until(at(DAY, 23, 59))).isEqualTo(at(DAY.plusDays(1), 7, 30));
		assertThat(this.quiet.until(at(DAY, 0, 0))).isEqualTo(at(DAY, 7, 30));
		assertThat(this.quiet.until(at(DAY, 7, 29))).isEqualTo(at(DAY, 7, 30));
		assertThat(this.quiet.until(at(DAY, 7, 30))).isNull();
		assertThat(this.quiet.until(at(DAY, 12, 0))).isNull();
	}

	@Test
	void quietHoursWithinOneDayOrNone() {
		QuietHours noon = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0), SHANGHAI);
		assertThat(noon.until(at(DAY, 11, 59))).isNull();
		assertThat(noon.until(at(DAY, 13, 0))).isEqualTo(at(DAY, 14, 0));
		assertThat(noon.until(at(DAY, 14, 0))).isNull();
		QuietHours none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, SHANGHAI);
		assertThat(none.until(at(DAY, 23, 0))).isNull();
	}

	@Test
	void backoffDoublesWithJitterUpToItsCap() {
		Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(60));
		for (int i = 0; i < 50; i++) {
			assertThat(backoff.delayMillis(1)).isBetween(5_000L, 10_000L);
			assertThat(backoff.delayMillis(2)).isBetween(10_000L, 20_000L);
			assertThat(backoff.delayMillis(3)).isBetween(20_000L, 40_000L);
			assertThat(backoff.delayMillis(10)).isBetween(30_000L, 60_000L);
			assertThat(backoff.delayMillis(99)).isBetween(30_000L, 60_000L);
		}
	}

	@Test
	void templateFieldsAreOneLineOfAtMostTwentyCharacters() {
		Notification.Builder builder = Notification.builder("t", "o", "lesson", "k");
		assertThat(builder.template("家长课堂", Map.of("topic", "一二三四五六七八九十一二三四五六七八九十"), null).build().hasTemplate())
			.isTrue();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> builder.template("家长课堂", Map.of("topic", "一二三四五六七八九十一二三四五六七八九十一"), null).build())
			.withMessageContaining("topic");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> builder.template("家长课堂", Map.of("topic", "第一行\n第二行"), null).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> builder.template("家长课堂", Map.of("topic", "第一行\r第二行"), null).build());
	}

	@Test
	void notificationNeedsARecipientAKeyAndSomethingToSay() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Notification.builder("t", "o", "lesson", "k").build())
			.withMessageContaining("text");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Notification.builder("t", "", "lesson", "k").text("hi").build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Notification.builder("t", "o", "lesson", "k".repeat(201)).text("hi").build());
		Notification text = Notification.builder("t", "o", "lesson", "k").text("您好").build();
		assertThat(text.hasText()).isTrue();
		assertThat(text.hasTemplate()).isFalse();
		assertThat(text.urgent()).isFalse();
	}

	@Test
	void defaultsAreTheIssuesAndTemplateKindsMatchLooselyForEnvironmentVariables() {
		NotifyProperties defaults = new Binder(new MapConfigurationPropertySource(
				Map.of("qinqing.notify.templates.callreminder", "TPL_ENV", "qinqing.notify.templates.lesson", "TPL_L")))
			.bindOrCreate("qinqing.notify", NotifyProperties.class);
		assertThat(defaults.ratePerSecond()).isEqualTo(200);
		assertThat(defaults.dailyTemplateQuota()).isEqualTo(100_000);
		assertThat(defaults.quietStart()).isEqualTo(LocalTime.of(21, 30));
		assertThat(defaults.quietEnd()).isEqualTo(LocalTime.of(7, 30));
		assertThat(defaults.zone()).isEqualTo(SHANGHAI);
		assertThat(defaults.consumerEnabled()).isTrue();
		assertThat(defaults.templateFor("lesson")).isEqualTo("TPL_L");
		assertThat(defaults.templateFor("call-reminder")).isEqualTo("TPL_ENV");
		assertThat(defaults.templateFor("unknown")).isNull();
	}

}
