package org.qinqing.parenting.push;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.ConsoleBrowser.Page;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin's 家长课堂推送 page: this week's audience, plan per day, what went, the next batch; the last weeks. */
class PushPlanPageTests extends PushTestSupport {

	@Test
	void anAdminSeesThisWeeksPlanAndProgressAndTheLastWeeks() {
		LocalDate week = freshWeek();
		LocalDate lastWeek = week.minusWeeks(1);
		List<String> ids = IntStream.range(0, 250).mapToObj(i -> "page-" + i).toList();
		this.store.snapshot(DEMO, lastWeek, ids.subList(0, 120), new PushPlan(List.of(new PushPlan.Day(lastWeek, 120))),
				this.clock.instant().minusSeconds(7 * 86_400));
		this.store.advance(DEMO, lastWeek, 0, 120, 118, 118, 2, 0, lastWeek);
		this.store.finish(DEMO, lastWeek, new PushPlan(List.of(new PushPlan.Day(lastWeek, 118))),
				this.clock.instant().minusSeconds(7 * 86_400 - 600));
		PushPlan plan = PushPlan.of(Map.of(), week, 90, 90, 250);
		this.store.snapshot(DEMO, week, ids, plan, this.clock.instant());
		this.store.startDay(DEMO, week, week, 90, plan);
		this.store.advance(DEMO, week, 0, 40, 40, 40, 0, 0, week);
		this.jobs.schedule(DEMO, PushSchedule.KIND, week.toString(), instant(week, LocalTime.of(19, 0, 5)), Map.of());

		ConsoleBrowser browser = new ConsoleBrowser(this.port);
		browser.signIn("admin-push", "qinqing-demo");
		Page page = browser.get("/console/parenting/push");
		assertThat(page.status()).isEqualTo(200);
		String body = page.body();
		assertThat(body).contains("家长课堂推送", "要发的人数", "250", "已处理 40 / 250 人（16%）", "下一批：", "19:00:05")
			.contains("每天的计划", ">90<", ">70<", "今天")
			.contains("前几周", lastWeek.toString(), ">118<");
		assertThat(browser.get("/console/admin/jobs").body()).contains("/console/parenting/push");
		assertThat(new ConsoleBrowser(this.port).get("/console/parenting/push").status()).as("signed out").isEqualTo(302);
	}

}
