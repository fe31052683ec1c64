package org.qinqing.parenting.push;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qinqing.notify.Notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A week's push through the real job poll and outbox to WireMock's WeChat: the plan inside the day's quota carried
 * over three days, none held over quota, quiet hours kept, and the job there for next week.
 */
class LessonPushTests extends PushTestSupport {

	@Test
	void twoHundredFiftyAgainstAQuotaOf100Go90And90And70OnThreeEveningsNoneOverQuota() {
		LocalDate week = freshWeek();
		String prefix = audience(250);
		this.schedule.ensureWeek(T, week);

		awaitReceived(prefix, 90);
		WeekPush friday = awaitRun(week, p -> p.sentOn(week) == 90);
		assertThat(friday.audience()).isEqualTo(250);
		assertThat(friday.plan().days()).containsExactly(new PushPlan.Day(week, 90),
				new PushPlan.Day(week.plusDays(1), 90), new PushPlan.Day(week.plusDays(2), 70));
		// the rest waits for tomorrow evening; the job asks for Saturday 19:00
		await().atMost(Duration.ofSeconds(10)).until(() -> instant(week.plusDays(1), LocalTime.of(19, 0)).equals(due(week)));
		// and next week's push is scheduled already
		assertThat(due(week.plusWeeks(1))).isEqualTo(instant(week.plusWeeks(1), LocalTime.of(19, 0)));
		assertThat(total(received(prefix))).isEqualTo(90);

		at(week.plusDays(1), LocalTime.of(19, 0));
		awaitReceived(prefix, 180);
		at(week.plusDays(2), LocalTime.of(19, 0));
		awaitReceived(prefix, 250);
		WeekPush done = awaitRun(week, WeekPush::finished);

		Map<String, Integer> received = received(prefix);
		assertThat(received).hasSize(250);
		assertThat(received.values()).allMatch(n -> n == 1);
		// the quota as the outbox counts it: 90, 90, 70, so no lesson was ever held over it to the next day
		assertThat(this.outbox.templatesUsedOn(T, week)).isEqualTo(90);
		assertThat(this.outbox.templatesUsedOn(T, week.plusDays(1))).isEqualTo(90);
		assertThat(this.outbox.templatesUsedOn(T, week.plusDays(2))).isEqualTo(70);
		assertThat(done.queued()).isEqualTo(250);
		assertThat(done.plan().days()).extracting(PushPlan.Day::count).containsExactly(90, 90, 70);
		assertThat(due(week)).as("the week's job is done").isNull();
		assertThat(this.lessons.recorded(T, week, "p" + prefix.substring(7) + "249")).isNotNull();
	}

	@Test
	void whatOtherMessagesUsedOfTheDayComesOffThatEvening() {
		LocalDate week = freshWeek();
		// 30 reminders went as template messages at 18:00
		at(week, LocalTime.of(18, 0));
		String others = "o-push-other-" + System.nanoTime() + "-";
		for (int i = 0; i < 30; i++) {
			this.outbox.enqueue(Notification.builder(T, others + i, "lesson", "other:" + others + i)
				.template("提醒", Map.of("what", "明天开家长会"), null)
				.build());
		}
		awaitReceived(others, 30);
		at(week, LocalTime.of(19, 0));
		String prefix = audience(100);
		this.schedule.ensureWeek(T, week);

		awaitReceived(prefix, 60);
		WeekPush friday = awaitRun(week, p -> p.sentOn(week) == 60);
		assertThat(friday.plan().days()).extracting(PushPlan.Day::count).containsExactly(60, 40);
		assertThat(this.outbox.templatesUsedOn(T, week)).isEqualTo(90);
		await().atMost(Duration.ofSeconds(10)).until(() -> instant(week.plusDays(1), LocalTime.of(19, 0)).equals(due(week)));
		assertThat(total(received(prefix))).isEqualTo(60);
	}

	@Test
	void aPushThatCouldOnlyStartInQuietHoursWaitsForTheNextEvening() throws InterruptedException {
		LocalDate week = freshWeek();
		String prefix = audience(30);
		// the instances were down at 19:00; the job runs at 21:40, inside quiet hours
		at(week, LocalTime.of(21, 40));
		this.schedule.ensureWeek(T, week);
		await().atMost(Duration.ofSeconds(10)).until(() -> instant(week.plusDays(1), LocalTime.of(19, 0)).equals(due(week)));
		WeekPush planned = this.store.week(T, week).orElseThrow();
		assertThat(planned.plan().days()).extracting(PushPlan.Day::date).containsExactly(week.plusDays(1));

		// Saturday 07:30 the quiet hours are over, but the push waits for its evening
		at(week.plusDays(1), LocalTime.of(7, 30));
		Thread.sleep(600);
		assertThat(received(prefix)).isEmpty();
		at(week.plusDays(1), LocalTime.of(19, 0));
		awaitReceived(prefix, 30);
		assertThat(awaitRun(week, WeekPush::finished).sentOn(week.plusDays(1))).isEqualTo(30);
	}

	@Test
	void theNextPushIsScheduledOnceAfterStartAndAfterEachRun() throws InterruptedException {
		LocalDate week = freshWeek();
		// Wednesday before: the upcoming push is Friday's
		at(week.minusDays(2), LocalTime.of(10, 0));
		assertThat(this.schedule.ensure(T)).isEqualTo(week);
		assertThat(this.schedule.ensure(T)).isEqualTo(week);
		assertThat(due(week)).isEqualTo(instant(week, LocalTime.of(19, 0)));
		// Friday 19:00, and a restart before the job ran: still this week's
		String prefix = audience(3);
		at(week, LocalTime.of(19, 0));
		assertThat(this.schedule.ensure(T)).isEqualTo(week);
		awaitRun(week, WeekPush::finished);
		awaitReceived(prefix, 3);
		// once under way or done, a restart schedules next week's
		assertThat(this.schedule.ensure(T)).isEqualTo(week.plusWeeks(1));
		assertThat(due(week.plusWeeks(1))).isEqualTo(instant(week.plusWeeks(1), LocalTime.of(19, 0)));
		// a finished week is not pushed again, even when its job is scheduled once more by hand
		this.jobs.schedule(T, PushSchedule.KIND, week.toString(), this.clock.instant(), Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> due(week) == null);
		Thread.sleep(300);
		assertThat(total(received(prefix))).isEqualTo(3);
	}

}
