package org.qinqing.emergency;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan's chain with a moved clock: the report told at once to the family, a grandmother's 收到 in time, a
 * silent guardian (the teacher given the numbers at 15 minutes, the leader alerted, late at 30), a call that counts,
 * the parents' step, the report to the authority not sent by 90 minutes, and the report recorded sent.
 */
class EmergencyChainTests extends EmergencyTestSupport {

	@Test
	void theReportIsToldAtOnceAndTheGrandmothersReplyIsInTime() {
		String reply = report();
		String number = number(reply);
		assertThat(reply).contains("已上报，编号 " + number, "晓雨：受伤，现在在学校医务室", "祖母（王秀英）", "父亲（林建国）")
			.contains("这些人微信联系不上，请马上打电话", "母亲 陈丽：" + MOTHER_PHONE)
			.doesNotContain(GRANDMOTHER_PHONE, FATHER_PHONE);
		awaitPush(this.grandmother, "晓雨在学校受伤了", "课间在操场摔倒，右膝擦伤", "学校医务室", "0000-7654321", "回复「收到」");
		awaitPush(this.father, "晓雨在学校受伤了");
		awaitPush(this.leader, "请在 2 小时内上报教育局和乡镇", number);
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(say(this.grandmother, "收到")).contains("已告诉学校您收到了", "0000-7654321");
		Incident incident = incident(number);
		assertThat(incident.done(ChainStep.GUARDIANS)).isPresent();
		assertThat(incident.outcome(ChainStep.GUARDIANS, Duration.ofMinutes(30))).isEqualTo(Incident.Outcome.MET);
		later(Duration.ofMinutes(12));
		later(Duration.ofMinutes(20));
		assertThat(pushes(this.teacher, "已经 15 分钟了")).isEmpty();
		assertThat(pushes(this.leader, "15 分钟了还没有监护人确认")).isEmpty();
		assertThat(incident(number).late()).doesNotContain(ChainStep.GUARDIANS);
		// a second 收到 counts once
		assertThat(say(this.grandmother, "收到")).contains("已告诉学校您收到了");
		assertThat(incident(number).events().stream().filter(e -> e.type() == IncidentEvent.Type.ACKNOWLEDGED))
			.hasSize(1);
	}

	@Test
	void aSilentGuardianGivesTheTeacherTheNumbersAt15AndIsLateAt30() {
		String number = number(report());
		later(Duration.ofMinutes(14));
		assertThat(pushes(this.teacher, "已经 15 分钟了")).isEmpty();
		later(Duration.ofMinutes(2));
		awaitPush(this.teacher, "已经 15 分钟了，晓雨的监护人还没有回复「收到」", "祖母 王秀英：" + GRANDMOTHER_PHONE);
		awaitPush(this.leader, "15 分钟了还没有监护人确认收到", "周明正在打电话");
		assertThat(incident(number).late()).isEmpty();
		later(Duration.ofMinutes(15));
		Incident late = incident(number);
		assertThat(late.late()).containsExactly(ChainStep.GUARDIANS);
		assertThat(late.outcome(ChainStep.GUARDIANS, Duration.ofMinutes(30))).isEqualTo(Incident.Outcome.LATE);
		// the call the teacher then made counts for the step, still late
		assertThat(say(this.teacher, "已电话通知 奶奶")).contains("给晓雨的奶奶打了电话", number);
		Incident called = incident(number);
		assertThat(called.done(ChainStep.GUARDIANS)).isPresent();
		assertThat(called.outcome(ChainStep.GUARDIANS, Duration.ofMinutes(30))).isEqualTo(Incident.Outcome.LATE);
		assertThat(pushes(this.teacher, "已经 15 分钟了")).hasSize(1);
	}

	@Test
	void aCallWithItsTimeCountsForTheParentsAndStopsTheirAlarm() {
		String number = number(report());
		this.clock.advance(Duration.ofMinutes(20));
		String at = SchoolTimeText.hhmm(this.clock.instant().minusSeconds(300));
		assertThat(say(this.teacher, "已电话通知 爸爸 " + at)).contains(at + " 给晓雨的爸爸打了电话");
		Incident incident = incident(number);
		assertThat(incident.done(ChainStep.PARENTS)).isPresent();
		assertThat(incident.events()).anyMatch(e -> e.type() == IncidentEvent.Type.CALLED
				&& e.person().equals(this.fatherId) && e.step() == ChainStep.PARENTS);
		later(Duration.ofMinutes(30));
		assertThat(pushes(this.teacher, "已经 45 分钟了")).isEmpty();
		assertThat(incident(number).outcome(ChainStep.PARENTS, Duration.ofHours(1))).isEqualTo(Incident.Outcome.MET);
		// the guardian was silent all along
		assertThat(incident(number).late()).containsExactly(ChainStep.GUARDIANS);
	}

	@Test
	void theReportNotSentBy90MinutesAlertsTheLeaderAndIsLateAt2Hours() {
		String number = number(report());
		later(Duration.ofMinutes(89));
		assertThat(pushes(this.leader, "已经 90 分钟")).isEmpty();
		later(Duration.ofMinutes(2));
		awaitPush(this.leader, "已经 90 分钟，还没有记录上报教育局", "已上报 " + number);
		later(Duration.ofMinutes(30));
		assertThat(incident(number).late()).contains(ChainStep.AUTHORITY);
		assertThat(say(this.leader, "已上报 " + number)).contains(number + " 已上报教育局和乡镇");
		assertThat(say(this.leader, "已上报 " + number)).contains("已经记录过上报了");
		assertThat(incident(number).outcome(ChainStep.AUTHORITY, Duration.ofHours(2))).isEqualTo(Incident.Outcome.LATE);
	}

	@Test
	void theReportSentInTimeStopsItsAlarm() {
		String number = number(report());
		later(Duration.ofMinutes(50));
		assertThat(say(this.leader, "已上报")).contains(number + " 已上报教育局和乡镇");
		later(Duration.ofMinutes(50));
		assertThat(pushes(this.leader, "已经 90 分钟")).isEmpty();
		assertThat(incident(number).outcome(ChainStep.AUTHORITY, Duration.ofHours(2))).isEqualTo(Incident.Outcome.MET);
	}

}
