package org.qinqing.system;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BotScriptsTests {

	private static BotScripts of(String file, String yaml) {
		return BotScripts.loadFromClasspath()
			.add(file, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void missingKeyNamesTheFileAndTheKey() {
		BotScripts scripts = of("bot-scripts/flows/sample.yaml", "ask: 请回复数字\n");
		assertThatThrownBy(() -> scripts.require("sample.ask", "sample.confirm"))
			.hasMessageContaining("bot-scripts/flows/sample.yaml")
			.hasMessageContaining("'confirm'");
	}

	@Test
	void fillsPlaceholdersAndTrimsBlockText() {
		BotScripts scripts = of("bot-scripts/sample.yaml", "hello: |\n  {name}，您好！\n");
		assertThat(scripts.text("sample.hello", Map.of("name", "王奶奶"))).isEqualTo("王奶奶，您好！");
	}

	@Test
	void theShippedScriptsHaveEveryMenuAndCommand() {
		BotScripts scripts = BotScripts.loadFromClasspath();
		for (String role : new String[] { "visitor", "parent", "guardian", "teacher", "admin" }) {
			scripts.require("menus." + role + ".title", "menus." + role + ".items");
		}
		assertThat(scripts.strings("commands.menu")).contains("菜单", "0");
		assertThat(scripts.strings("commands.back")).contains("返回", "上一步");
	}

}
