package org.qinqing.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.qinqing.support.PortalTestSupport;
import org.qinqing.support.WechatClient;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays every transcript in {@code bot-scripts/conversations/} through the real portal: signed
 * XML in, reply XML out, as WeChat would send it.
 */
class TranscriptTests extends PortalTestSupport {

	private static final Path DIR = Path.of("bot-scripts", "conversations");

	@TestFactory
	Stream<DynamicTest> transcripts() throws IOException {
		List<Path> files;
		try (Stream<Path> list = Files.list(DIR)) {
			files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
		}
		assertThat(files).as("transcripts in " + DIR).isNotEmpty();
		return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> replay(file)));
	}

	@SuppressWarnings("unchecked")
	private void replay(Path file) throws IOException {
		Map<String, Object> transcript;
		try (InputStream in = Files.newInputStream(file)) {
			transcript = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		String mainPersona = String.valueOf(transcript.get("persona"));
		boolean encrypted = Boolean.TRUE.equals(transcript.get("encrypted"));
		resetSession(mainPersona);
		List<Map<String, Object>> turns = (List<Map<String, Object>>) transcript.get("turns");
		long eventTime = System.currentTimeMillis() / 1000;
		int index = 0;
		java.util.Set<String> others = new java.util.HashSet<>();
		for (Map<String, Object> turn : turns) {
			index++;
			// a turn may be another persona's ("as: demo-guardian-1"), e.g. the grandmother answering a teacher's report
			String persona = turn.containsKey("as") ? String.valueOf(turn.get("as")) : mainPersona;
			if (!persona.equals(mainPersona) && others.add(persona)) {
				resetSession(persona);
			}
			String xml;
			String said;
			if (turn.containsKey("user")) {
				said = String.valueOf(turn.get("user"));
				xml = WechatClient.textXml(persona, said, WechatClient.nextMsgId());
			}
			else if (turn.containsKey("voice")) {
				said = "(voice) " + turn.get("voice");
				xml = WechatClient.voiceXml(persona, String.valueOf(turn.get("voice")), WechatClient.nextMsgId());
			}
			else if (turn.containsKey("click")) {
				said = "(click) " + turn.get("click");
				xml = WechatClient.eventXml(persona, "CLICK", String.valueOf(turn.get("click")), eventTime++);
			}
			else {
				said = "(event) " + turn.get("event");
				xml = WechatClient.eventXml(persona, String.valueOf(turn.get("event")), "", eventTime++);
			}
			WechatClient.Response response = wechat().post(xml, encrypted);
			String where = file.getFileName() + " turn " + index + " (" + persona + ") [" + said + "]";
			assertThat(response.status()).as(where).isEqualTo(200);
			if (Boolean.TRUE.equals(turn.get("silent"))) {
				assertThat(response.isSuccessOnly()).as(where + " expects no reply").isTrue();
				continue;
			}
			assertThat(response.reply()).as(where + " got no reply").isNotNull();
			for (Object fragment : (List<Object>) turn.getOrDefault("expect", new ArrayList<>())) {
				assertThat(response.reply()).as(where).contains(String.valueOf(fragment));
			}
			for (Object fragment : (List<Object>) turn.getOrDefault("absent", new ArrayList<>())) {
				assertThat(response.reply()).as(where).doesNotContain(String.valueOf(fragment));
			}
		}
	}

}
