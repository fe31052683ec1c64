package org.qinqing.conversation;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.qinqing.support.PortalTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** 菜单/0, 取消, 返回/上一步 and 帮助 at every step of the sample flow, and the three-miss offer. */
class GlobalCommandsTests extends PortalTestSupport {

	private static final String USER = "demo-guardian-2";

	/** The prompts of 给学校留言, by step; answers that reach each step. */
	private static final List<String> PROMPTS = List.of("哪方面", "请写下您想告诉学校的话", "请确认您的留言");

	private static final List<String> ANSWERS = List.of("1", "孩子晚上总看手机");

	private void atStep(int step) {
		resetSession(USER);
		assertThat(wechat().text(USER, "给学校留言").reply()).contains(PROMPTS.get(0));
		for (int i = 0; i < step; i++) {
			assertThat(wechat().text(USER, ANSWERS.get(i)).reply()).contains(PROMPTS.get(i + 1));
		}
	}

	static Stream<Arguments> steps() {
		return Stream.of(0, 1, 2).map(Arguments::of);
	}

	@ParameterizedTest(name = "菜单 and 0 at step {0} show the menu and leave the flow")
	@MethodSource("steps")
	void menuLeavesTheFlow(int step) {
		for (String word : List.of("菜单", "0")) {
			atStep(step);
			String reply = wechat().text(USER, word).reply();
			assertThat(reply).contains("1. 问问老师").doesNotContain(PROMPTS.get(step));
			// the flow is gone: a number now picks a menu item
			// (the guardian's item 2, 家长学校小课堂, answers with this week's lesson, or that none is left)
			assertThat(wechat().text(USER, "2").reply()).contains("家长课堂");
		}
	}

	@ParameterizedTest(name = "取消 at step {0} drops the answers")
	@MethodSource("steps")
	void cancelDropsTheAnswers(int step) {
		atStep(step);
		assertThat(wechat().text(USER, "取消").reply()).contains("已取消").contains("1. 问问老师");
		assertThat(sessionJson(USER)).contains("\"flow\":\"\"").contains("\"answers\":{}");
	}

	@ParameterizedTest(name = "返回 and 上一步 at step {0} go back one step")
	@MethodSource("steps")
	void backGoesOneStepBack(int step) {
		for (String word : List.of("返回", "上一步")) {
			atStep(step);
			String reply = wechat().text(USER, word).reply();
			if (step == 0) {
				assertThat(reply).contains("已退出").contains("1. 问问老师");
			}
			else {
				assertThat(reply).contains(PROMPTS.get(step - 1));
			}
		}
	}

	@ParameterizedTest(name = "帮助 at step {0} explains and asks the same question again")
	@MethodSource("steps")
	void helpKeepsTheStep(int step) {
		atStep(step);
		assertThat(wechat().text(USER, "帮助").reply()).contains("正在办理中").contains(PROMPTS.get(step));
		if (step < ANSWERS.size()) {
			assertThat(wechat().text(USER, ANSWERS.get(step)).reply()).contains(PROMPTS.get(step + 1));
		}
	}

	@Test
	void wrongAnswersReAskWithAHintAndTheThirdOffersTheMenu() {
		atStep(0);
		String first = wechat().text(USER, "7").reply();
		assertThat(first).contains("请回复 1 到 4").contains(PROMPTS.get(0)).doesNotContain("不太顺利");
		assertThat(wechat().text(USER, "好的").reply()).doesNotContain("不太顺利");
		assertThat(wechat().text(USER, "啊").reply()).contains("不太顺利").contains("回复 0 回到主菜单");
		// still at the same step, and a right answer goes on
		assertThat(wechat().text(USER, "２").reply()).contains(PROMPTS.get(1));
	}

	@Test
	void emptyVoiceRecognitionAsksKindlyAndKeepsTheStep() {
		atStep(1);
		var reply = wechat().post(org.qinqing.support.WechatClient.voiceXml(USER, "",
				org.qinqing.support.WechatClient.nextMsgId()), false);
		assertThat(reply.reply()).contains("没听清").contains(PROMPTS.get(1));
		var spoken = wechat().post(org.qinqing.support.WechatClient.voiceXml(USER, "孩子最近不爱吃饭。",
				org.qinqing.support.WechatClient.nextMsgId()), false);
		assertThat(spoken.reply()).contains("内容：孩子最近不爱吃饭\n");
	}

}
