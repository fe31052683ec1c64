package org.qinqing.emergency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The leader's 今日概况 through the real portal: a line per plan target, each with its console page. */
class TodayOverviewTests extends EmergencyTestSupport {

	@Test
	void theLeaderSeesTodaysFiguresWithTheirLinks() {
		String quiet = say(this.leader, "今日概况");
		assertThat(quiet).contains("今日概况（", "紧急情况：没有进行中的。", "/console/incidents", "亲情视频：",
				"/console/calls", "家长提问：", "/console/inbox");
		String number = number(report());
		say(this.grandmother, "问问老师");
		say(this.grandmother, "孩子膝盖擦伤了，晚上要换药吗？");
		say(this.grandmother, "收到");
		// the menu's first item for a leader
		say(this.leader, "菜单");
		String busy = say(this.leader, "1");
		assertThat(busy).contains("紧急情况：1 件进行中（" + number + " 晓雨：监护人按时完成，家长还没完成，上报还没完成）")
			.containsPattern("家长提问：\\d+ 个在等回复（不到一天 \\d+ 个")
			.doesNotContain("即将开放", GRANDMOTHER_PHONE);
		assertThat(busy.indexOf("紧急情况：")).isLessThan(busy.indexOf("亲情视频："));
		assertThat(busy.indexOf("亲情视频：")).isLessThan(busy.indexOf("家长提问："));
	}

	@Test
	void aTeacherHasNoOverview() {
		assertThat(say(this.teacher, "今日概况")).doesNotContain("今日概况（");
	}

}
