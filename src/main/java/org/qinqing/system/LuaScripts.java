package org.qinqing.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Lua scripts live in {@code src/main/resources/scripts/<module>/*.lua}, not in Java strings. A script may be
 * composed of files: libraries of functions first (e.g. {@code jobs/library.lua}, which schedules a due job in
 * the same step as its cause), then the script's own body. A missing file stops the start, naming it.
 */
public final class LuaScripts {

	private static final String ROOT = "scripts/";

	private LuaScripts() {
	}

	/** The files (paths under {@code scripts/}) joined into one script returning {@code type}. */
	public static <T> RedisScript<T> load(Class<T> type, String... files) {
		StringBuilder text = new StringBuilder();
		for (String file : files) {
			text.append(read(file)).append('\n');
		}
		return RedisScript.of(text.toString(), type);
	}

	public static String read(String file) {
		ClassPathResource resource = new ClassPathResource(ROOT + file);
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing Lua script " + ROOT + file, ex);
		}
	}

}
