package org.qinqing.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every console bundle and its zh_CN twin hold the same keys, none of them empty, so a page never
 * shows a raw key whichever file the locale picks. Bundles not on the classpath yet are skipped.
 */
class MessageBundlesTests {

	private static final List<String> BASES = List.of("messages", "messages-archives", "messages-import",
			"messages-binding", "messages-calls", "messages-families", "messages-jobs", "messages-inbox",
			"messages-faq", "messages-parenting");

	@Test
	void everyBundleAndItsChineseTwinHaveTheSameKeysAndNoEmptyValues() throws IOException {
		int checked = 0;
		for (String base : BASES) {
			Properties plain = load(base + ".properties");
			Properties chinese = load(base + "_zh_CN.properties");
			if (plain == null && chinese == null) {
				continue;
			}
			assertThat(plain).as("%s.properties", base).isNotNull();
			assertThat(chinese).as("%s_zh_CN.properties", base).isNotNull();
			assertThat(new TreeSet<>(chinese.stringPropertyNames())).as("keys of %s_zh_CN vs %s", base, base)
				.isEqualTo(new TreeSet<>(plain.stringPropertyNames()));
			for (Properties bundle : List.of(plain, chinese)) {
				for (Map.Entry<Object, Object> entry : bundle.entrySet()) {
					assertThat(String.valueOf(entry.getValue()).strip()).as("%s: %s", base, entry.getKey())
						.isNotEmpty();
				}
			}
			checked++;
		}
		assertThat(checked).as("bundles found").isGreaterThanOrEqualTo(2);
	}

	private static Properties load(String name) throws IOException {
		InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(name);
		if (in == null) {
			return null;
		}
		try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			Properties properties = new Properties();
			properties.load(reader);
			return properties;
		}
	}

}
