package org.qinqing.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The bot's wording, loaded from {@code bot-scripts/**.yaml} on the classpath. A file's name is
 * the first part of its keys: {@code flows/feedback.yaml} holds {@code feedback.*}. Features call
 * {@link #require} at start-up, so a missing key stops the start naming the file and the key.
 */
public final class BotScripts {

	private static final String ROOT = "bot-scripts/";

	private final Map<String, Object> values = new LinkedHashMap<>();

	private final Map<String, String> files = new LinkedHashMap<>();

	private BotScripts() {
	}

	public static BotScripts loadFromClasspath() {
		ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		BotScripts scripts = new BotScripts();
		try {
			for (Resource resource : resolver.getResources("classpath*:" + ROOT + "**/*.yaml")) {
				String path = resource.getURL().toString();
				String relative = path.substring(path.lastIndexOf(ROOT));
				try (InputStream in = resource.getInputStream()) {
					scripts.add(relative, in);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read bot-scripts", ex);
		}
		return scripts;
	}

	/** Adds one file; {@code file} is its path from the project root, e.g. {@code bot-scripts/replies.yaml}. */
	public BotScripts add(String file, InputStream in) {
		String name = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
		Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		this.files.put(name, file);
		if (root instanceof Map<?, ?> map) {
			flatten(name, map);
		}
		return this;
	}

	private void flatten(String prefix, Map<?, ?> map) {
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			String key = prefix + "." + entry.getKey();
			if (entry.getValue() instanceof Map<?, ?> nested) {
				flatten(key, nested);
			}
			else {
				this.values.put(key, entry.getValue() instanceof String s ? s.strip() : entry.getValue());
			}
		}
	}

	public boolean has(String key) {
		return this.values.containsKey(key);
	}

	/** Fails unless every key is present; the message names the file each key belongs in. */
	public void require(String... keys) {
		for (String key : keys) {
			if (!has(key)) {
				throw new MissingScriptKeyException(fileOf(key), key);
			}
		}
	}

	public String text(String key) {
		Object value = this.values.get(key);
		if (value == null) {
			throw new MissingScriptKeyException(fileOf(key), key);
		}
		return String.valueOf(value);
	}

	/** Text with {@code {name}} placeholders filled in. */
	public String text(String key, Map<String, ?> params) {
		String text = text(key);
		for (Map.Entry<String, ?> param : params.entrySet()) {
			text = text.replace("{" + param.getKey() + "}", String.valueOf(param.getValue()));
		}
		return text;
	}

	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> list(String key) {
		Object value = this.values.get(key);
		if (!(value instanceof List<?>)) {
			throw new MissingScriptKeyException(fileOf(key), key);
		}
		return (List<Map<String, Object>>) value;
	}

	@SuppressWarnings("unchecked")
	public List<String> strings(String key) {
		Object value = this.values.get(key);
		if (!(value instanceof List<?>)) {
			throw new MissingScriptKeyException(fileOf(key), key);
		}
		return (List<String>) value;
	}

	public String fileOf(String key) {
		String name = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
		return this.files.getOrDefault(name, ROOT + name + ".yaml");
	}

	/** A key the code needs is not in bot-scripts. */
	public static final class MissingScriptKeyException extends IllegalStateException {

		MissingScriptKeyException(String file, String key) {
			super(file + " has no key '" + key.substring(key.indexOf('.') + 1) + "' (looked up as '" + key + "')");
		}

	}

}
