package org.qinqing.questions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.qinqing.system.BotScripts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FAQ speaks as the bot does: every command an answer quotes in 「」 is one the bot knows (a command word, a
 * menu item, a custom-menu button), answers stay short, and no phone number but a public hotline appears.
 */
class FaqWordingTests {

	private static final FaqContent FAQ = FaqFiles.load();

	@Test
	void everyQuotedCommandIsOneTheBotKnows() {
		BotScripts scripts = BotScripts.loadFromClasspath();
		List<String> known = new ArrayList<>();
		known.addAll(scripts.strings("calls.words-book"));
		known.addAll(scripts.strings("calls.words-mine"));
		known.addAll(scripts.strings("calls.words-today"));
		known.addAll(scripts.strings("binding.words-unbind"));
		known.addAll(scripts.strings("binding.words-my-info"));
		for (String words : new String[] { "lesson", "previous", "next", "stop", "start" }) {
			known.addAll(scripts.strings("parenting.words-" + words));
		}
		for (String global : new String[] { "menu", "cancel", "back", "help" }) {
			known.addAll(scripts.strings("commands." + global));
		}
		for (String role : new String[] { "visitor", "parent", "guardian", "teacher", "admin" }) {
			scripts.list("menus." + role + ".items").forEach(item -> known.add(String.valueOf(item.get("label"))));
		}
		scripts.list("menus.custom-menu").forEach(button -> known.add(String.valueOf(button.get("label"))));
		String bind = scripts.text("binding.words-bind");
		known.add(bind);
		Pattern bindWithCode = Pattern.compile(Pattern.quote(bind) + " \\d{8}");
		List<String> unknown = new ArrayList<>();
		int quoted = 0;
		for (FaqTopic topic : FAQ.topics()) {
			Matcher m = Pattern.compile("「([^」]+)」").matcher(topic.answer());
			while (m.find()) {
				quoted++;
				String command = m.group(1);
				if (!known.contains(command) && !bindWithCode.matcher(command).matches()) {
					unknown.add(topic.id() + ": 「" + command + "」");
				}
			}
		}
		assertThat(unknown).as("commands the bot does not know").isEmpty();
		assertThat(quoted).isGreaterThanOrEqualTo(10);
	}

	@Test
	void answersAreShortAndTitlesShorter() {
		assertThat(FAQ.topics()).allSatisfy(topic -> {
			assertThat(topic.answer().length()).as(topic.id()).isLessThanOrEqualTo(120);
			assertThat(topic.title().length()).as(topic.id()).isLessThanOrEqualTo(16);
		});
	}

	@Test
	void noPhoneNumberButPublicHotlines() {
		Pattern phone = Pattern.compile("(?<!\\d)(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}|\\d{5,}(?!\\d))");
		List<String> found = new ArrayList<>();
		for (FaqTopic topic : FAQ.topics()) {
			List<String> texts = new ArrayList<>(topic.asks());
			texts.add(topic.answer());
			texts.add(topic.title());
			for (String text : texts) {
				Matcher m = phone.matcher(text);
				while (m.find()) {
					// 12348: the public legal-service hotline; 12345671: the bot's own example binding code
					if (!Map.of("12348", 0, "12345671", 0).containsKey(m.group(1))) {
						found.add(topic.id() + ": " + m.group(1));
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}

}
