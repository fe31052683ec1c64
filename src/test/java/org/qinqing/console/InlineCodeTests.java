package org.qinqing.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No template carries code the console's CSP would refuse (it has no 'unsafe-inline'): no inline script
 * or style, no style attribute, no event handler attribute, no javascript: URL. Scripts and styles are
 * files under static/js and static/css; a {@code <script type="application/json">} is data and allowed.
 */
class InlineCodeTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** Each pattern and what it means; {@link #offences} is shared with the HTTP test of rendered pages. */
	static final List<Pattern> INLINE = List.of(Pattern.compile("<style\\b", Pattern.CASE_INSENSITIVE),
			Pattern.compile("[\\s:]style\\s*=", Pattern.CASE_INSENSITIVE),
			Pattern.compile("[\\s:]on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE),
			Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE),
			Pattern.compile("<script\\b(?![^>]*\\bsrc\\s*=)(?![^>]*type=\"application/json\")[^>]*>",
					Pattern.CASE_INSENSITIVE));

	static List<String> offences(String html) {
		List<String> found = new ArrayList<>();
		for (Pattern pattern : INLINE) {
			Matcher m = pattern.matcher(html);
			while (m.find()) {
				int from = Math.max(0, m.start() - 40);
				found.add(html.substring(from, Math.min(html.length(), m.end() + 40)).replaceAll("\\s+", " "));
			}
		}
		return found;
	}

	@Test
	void noTemplateHasInlineScriptStyleOrHandlers() throws IOException {
		List<String> offences = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				offences(Files.readString(file)).forEach(o -> offences.add(TEMPLATES.relativize(file) + ": " + o));
			}
		}
		assertThat(offences).isEmpty();
	}

	@Test
	void thePatternsCatchWhatTheCspWouldRefuse() {
		assertThat(offences("<button onclick=\"window.print()\">")).hasSize(1);
		assertThat(offences("<form style=\"display:inline\">")).hasSize(1);
		assertThat(offences("<tr th:style=\"${x}\">")).hasSize(1);
		assertThat(offences("<style>p{}</style>")).hasSize(1);
		assertThat(offences("<script th:inline=\"javascript\">")).hasSize(1);
		assertThat(offences("<a href=\"javascript:void(0)\">")).hasSize(1);
		assertThat(offences("<script th:src=\"@{/js/a.js}\"></script><script type=\"application/json\" id=\"t\">"
				+ "</script><div data-online=\"1\" class=\"one\">")).isEmpty();
	}

}
