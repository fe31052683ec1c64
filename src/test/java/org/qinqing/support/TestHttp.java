package org.qinqing.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * HTTP for tests with timeouts everywhere: a stuck server is a failing test with a message, never a
 * CI run that waits for ever. Every test request goes through {@link #request}.
 */
public final class TestHttp {

	/** Longer than anything the app may take (WeChat itself gives up after 5 s), short enough to fail fast. */
	public static final Duration TIMEOUT = Duration.ofSeconds(30);

	private TestHttp() {
	}

	/** A client that gives up connecting after 5 s. */
	public static HttpClient.Builder client() {
		return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
	}

	public static HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri).timeout(TIMEOUT);
	}

	public static HttpRequest.Builder request(String uri) {
		return request(URI.create(uri));
	}

}
