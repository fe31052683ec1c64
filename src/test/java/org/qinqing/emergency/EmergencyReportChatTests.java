package org.qinqing.emergency;

import org.junit.jupiter.api.Test;
import org.qinqing.people.Child;
import org.qinqing.people.LeftBehindType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reporting in chat as short as it can be: a name after 紧急 finds the child at once, a name typed at the child's
 * step too, the place in words, the description by voice; a leader finds any child of the school by name; a
 * name of nobody says so and asks again.
 */
class EmergencyReportChatTests extends EmergencyTestSupport {

	@Test
	void aNameAfterTheWordSkipsTheChildsStep() {
		assertThat(say(this.teacher, "紧急 晓雨")).contains("孩子怎么了").doesNotContain("是哪个孩子");
		assertThat(say(this.teacher, "3")).contains("孩子现在在哪里");
		assertThat(say(this.teacher, "学校后门的小路上")).contains("简单说一下经过");
		String reply = wechat().post(org.qinqing.support.WechatClient.voiceXml(this.teacher, "放学后没有回家，奶奶打电话来说找不到。",
				org.qinqing.support.WechatClient.nextMsgId()), false).reply();
		assertThat(reply).contains("已上报，编号 E", "晓雨：走失，现在在学校后门的小路上");
		Incident incident = incident(number(reply));
		assertThat(incident.kind()).isEqualTo("走失");
		assertThat(incident.description()).contains("放学后没有回家");
		assertThat(incident.reporterId()).isEqualTo(this.teacherId);
		// the family hears it as a sentence says it
		awaitPush(this.grandmother, "【紧急】晓雨在学校找不到了，学校正在找。", "孩子现在在：学校后门的小路上");
	}

	@Test
	void aNameTypedAtTheChildsStepFindsTheChild() {
		this.records.save(EMERGENCY, new Child("em-c2-" + this.id, "马浩宇", this.classId, LeftBehindType.NONE,
				"em-f2-" + this.id, ""));
		assertThat(say(this.teacher, "紧急情况上报")).contains("是哪个孩子", "1. 晓雨（四年级(7)班）", "2. 浩宇（四年级(7)班）");
		assertThat(say(this.teacher, "小明")).contains("没找到叫「小明」的孩子", "是哪个孩子");
		assertThat(say(this.teacher, "林晓雨")).contains("孩子怎么了");
	}

	@Test
	void aLeaderFindsTheChildByName() {
		this.records.save(EMERGENCY, new Child("em-c3-" + this.id, "欧阳春燕", this.classId, LeftBehindType.NONE,
				"em-f3-" + this.id, ""));
		assertThat(say(this.leader, "紧急")).contains("请打孩子的名字").doesNotContain("1. ");
		assertThat(say(this.leader, "欧阳春燕")).contains("孩子怎么了");
		say(this.leader, "2");
		say(this.leader, "2");
		String reply = say(this.leader, "上课时肚子疼得厉害");
		assertThat(reply).contains("春燕：生病，现在在教室");
		Incident incident = incident(number(reply));
		assertThat(incident.childId()).isEqualTo("em-c3-" + this.id);
		assertThat(incident.reporterId()).isEqualTo(this.leaderId);
	}

	@Test
	void aTeacherOfAnotherClassCannotReportThisChild() {
		this.records.save(EMERGENCY, new Child("em-c4-" + this.id, "赵一鸣", "em-o-" + this.id, LeftBehindType.NONE,
				"em-f4-" + this.id, ""));
		this.records.save(EMERGENCY, new Child("em-c5-" + this.id, "钱多多", "em-o-" + this.id, LeftBehindType.NONE,
				"em-f5-" + this.id, ""));
		assertThat(say(this.otherTeacher, "紧急")).contains("1. 多多（四年级(8)班）", "2. 一鸣").doesNotContain("晓雨");
		assertThat(say(this.otherTeacher, "林晓雨")).contains("没找到叫「林晓雨」的孩子");
		assertThat(say(this.otherTeacher, "紧急 林晓雨")).contains("没找到叫「林晓雨」的孩子", "一鸣");
	}

}
