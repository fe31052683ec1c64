package org.qinqing.inbox;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.qinqing.jobs.DueJobs;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing rots: a question unanswered for a school day reminds its teacher, for two the leader is told; each once,
 * however often the jobs run; an answer stops both. The clock starts on a Tuesday at 10:00.
 */
class InboxRemindersTests extends InboxChatTestSupport {

	private static final Pattern NUMBER = Pattern.compile("问题编号 (Q\\d+)");

	@Autowired
	DueJobs jobs;

	private String ask(String words) {
		say(this.guardian.openid(), "问问老师");
		Matcher m = NUMBER.matcher(say(this.guardian.openid(), words));
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	/** Moves the clock on, lets the recipients write again (their 48 h window), and runs what is due, twice. */
	private void later(Duration by) {
		this.clock.advance(by);
		say(this.teacher, "菜单");
		say(this.leader, "菜单");
		this.jobs.runDue(INBOX);
		this.jobs.runDue(INBOX);
	}

	@Test
	void aDayUnansweredRemindsTheTeacherTwoDaysTellTheLeaderEachOnce() {
		String number = ask("孩子的作业本丢了，能再领一本吗？");
		later(Duration.ofHours(23));
		assertThat(pushes(this.teacher, "已经等了")).isEmpty();
		later(Duration.ofHours(2));
		awaitPush(this.teacher, "问题 " + number + " 已经等了一天还没有回复");
		assertThat(pushes(this.leader, number)).isEmpty();
		later(Duration.ofHours(24));
		awaitPush(this.leader, "问题 " + number + "（晓雨的监护人）已经等了2天");
		later(Duration.ofHours(1));
		assertThat(pushes(this.teacher, "已经等了一天")).hasSize(1);
		assertThat(pushes(this.leader, "老师还没有回复")).hasSize(1);
	}

	@Test
	void anAnswerStopsTheReminders() {
		String number = ask("明天学校有家长会吗？");
		later(Duration.ofHours(3));
		assertThat(say(this.teacher, "回复 " + number + " 有的，下午三点。")).contains("已回复");
		later(Duration.ofHours(60));
		assertThat(pushes(this.teacher, "已经等了")).isEmpty();
		assertThat(pushes(this.leader, number)).isEmpty();
	}

	@Test
	void aWeekendDoesNotCount() {
		// filed on Friday 16:00: a school day's wait ends on Monday 16:00, not on Saturday
		this.clock.advance(Duration.ofDays(3).plusHours(6));
		String number = ask("下周一几点到校？");
		later(Duration.ofHours(71));
		assertThat(pushes(this.teacher, "已经等了")).as("Monday 15:00").isEmpty();
		later(Duration.ofHours(2));
		awaitPush(this.teacher, "问题 " + number + " 已经等了");
	}

}
