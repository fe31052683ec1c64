package org.qinqing.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import redis.embedded.RedisServer;

/**
 * Starts a redis-server from the embedded-redis jar when no {@code REDIS_URL} is given and the
 * {@code prod} profile is off, on a free port, and points {@code spring.data.redis.url} at it. The
 * {@code prod} profile without {@code REDIS_URL} stops here, before anything else starts.
 * One server per JVM: contexts that restart in a test (or in devtools) find the same data again.
 */
class EmbeddedRedisEnvironment implements EnvironmentPostProcessor {

	static final String URL_PROPERTY = "spring.data.redis.url";

	private static RedisServer server;

	private static String url;

	private final Log log;

	EmbeddedRedisEnvironment(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(EmbeddedRedisEnvironment.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("REDIS_URL"))
				|| StringUtils.hasText(environment.getProperty(URL_PROPERTY))) {
			return;
		}
		if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
			// production data must live in a persistent Redis, never in a throwaway child process
			throw new IllegalStateException("The prod profile requires REDIS_URL (for example redis://redis:6379)");
		}
		String dataDir = environment.getProperty("qinqing.embedded-redis.dir", "");
		environment.getPropertySources()
			.addFirst(new MapPropertySource("embeddedRedis", Map.of(URL_PROPERTY, start(dataDir))));
	}

	private synchronized String start(String dataDir) {
		if (url != null) {
			return url;
		}
		int port = freePort();
		try {
			var builder = RedisServer.newRedisServer().port(port).bind("127.0.0.1");
			if (StringUtils.hasText(dataDir)) {
				Path dir = Files.createDirectories(Path.of(dataDir)).toAbsolutePath();
				builder.setting("dir " + dir).setting("appendonly yes").setting("save \"\"");
			}
			else {
				builder.setting("save \"\"").setting("appendonly no");
			}
			server = builder.build();
			server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded redis-server on port " + port, ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedRedisEnvironment::stop, "embedded-redis-stop"));
		url = "redis://127.0.0.1:" + port;
		this.log.info("Started embedded redis-server on 127.0.0.1:" + port);
		return url;
	}

	private static synchronized void stop() {
		try {
			if (server != null) {
				server.stop();
			}
		}
		catch (IOException ignored) {
			// the JVM is going away; the child process dies with it
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
