package org.qinqing.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser for console tests: keeps cookies (the Redis-backed session), does not follow redirects
 * (tests look at where they lead) and takes the CSRF token from the last page's form, as a real
 * browser would send it. {@link #from} makes one that calls from another client address.
 */
public final class ConsoleBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final int port;

	private final String base;

	private final HttpClient http;

	/** The local address to call from (then through {@link BoundHttp}, with {@link #cookies}), or null. */
	private final InetAddress local;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private String csrf;

	public ConsoleBrowser(int port) {
		this(port, null);
	}

	private ConsoleBrowser(int port, InetAddress local) {
		this.port = port;
		this.base = "http://127.0.0.1:" + port;
		this.local = local;
		this.http = TestHttp.client()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** A browser whose requests come from {@code clientAddress}, a loopback address such as 127.4.5.6. */
	public static ConsoleBrowser from(int port, String clientAddress) {
		try {
			return new ConsoleBrowser(port, InetAddress.getByName(clientAddress));
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(clientAddress, ex);
		}
	}

	public record Page(int status, String body, String location, HttpHeaders headers) {

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

	public Page get(String path) {
		Page page = this.local != null ? sendFrom("GET", path, null)
				: send(TestHttp.request(uri(path)).GET());
		Matcher m = CSRF.matcher(page.body());
		if (m.find()) {
			this.csrf = m.group(1);
		}
		return page;
	}

	/** Posts a form with the CSRF token of the last page, like the page's own form would. */
	public Page post(String path, Map<String, String> form) {
		Map<String, String> withToken = new LinkedHashMap<>(form);
		if (this.csrf != null) {
			withToken.put("_csrf", this.csrf);
		}
		return postWithoutToken(path, withToken);
	}

	public Page postWithoutToken(String path, Map<String, String> form) {
		StringJoiner body = new StringJoiner("&");
		form.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
				+ URLEncoder.encode(v, StandardCharsets.UTF_8)));
		if (this.local != null) {
			return sendFrom("POST", path, body.toString());
		}
		return send(TestHttp.request(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
	}

	/** A file as the browser received it: status, bytes and headers (Content-Type, Content-Disposition). */
	public record Download(int status, byte[] body, HttpHeaders headers) {

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

	/** GETs a file (an export, a template, a binding sheet's CSV) as bytes. */
	public Download download(String path) {
		try {
			HttpResponse<byte[]> response = this.http.send(TestHttp.request(uri(path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Download(response.statusCode(), response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Uploads a file as the page's {@code <form enctype="multipart/form-data">} would: one file field and
	 * the CSRF token of the last page (a multipart form carries it as a field too).
	 */
	public Page upload(String path, String field, String fileName, byte[] content) {
		String boundary = "----qinqing" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		StringBuilder head = new StringBuilder();
		if (this.csrf != null) {
			head.append("--").append(boundary).append("\r\n")
				.append("Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
				.append(this.csrf)
				.append("\r\n");
		}
		head.append("--").append(boundary).append("\r\n")
			.append("Content-Disposition: form-data; name=\"").append(field).append("\"; filename=\"").append(fileName)
			.append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(TestHttp.request(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** A path, or a redirect's absolute Location on this server. */
	private URI uri(String pathOrUrl) {
		return URI.create(pathOrUrl.startsWith(this.base) ? pathOrUrl : this.base + pathOrUrl);
	}

	/** Signs in through the login form; returns the answer (a redirect to /console on success). */
	public Page signIn(String username, String password) {
		get("/console/login");
		return post("/console/login", Map.of("username", username, "password", password));
	}

	private Page sendFrom(String method, String path, String form) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (!this.cookies.isEmpty()) {
			StringJoiner cookie = new StringJoiner("; ");
			this.cookies.forEach((name, value) -> cookie.add(name + "=" + value));
			headers.put("Cookie", cookie.toString());
		}
		if (form != null) {
			headers.put("Content-Type", "application/x-www-form-urlencoded");
		}
		BoundHttp.Response response = BoundHttp.exchange(this.local, this.port, method, path, headers, form);
		for (String set : response.all("Set-Cookie")) {
			String pair = set.split(";", 2)[0];
			int eq = pair.indexOf('=');
			String name = pair.substring(0, eq).strip();
			String value = pair.substring(eq + 1).strip();
			if (value.isEmpty() || set.toLowerCase(Locale.ROOT).contains("max-age=0")) {
				this.cookies.remove(name);
			}
			else {
				this.cookies.put(name, value);
			}
		}
		Map<String, java.util.List<String>> all = new LinkedHashMap<>();
		response.headers().forEach(h -> all.computeIfAbsent(h.getKey(), k -> new java.util.ArrayList<>()).add(h.getValue()));
		return new Page(response.status(), response.body(), response.all("Location").stream().findFirst().orElse(""),
				HttpHeaders.of(all, (name, value) -> true));
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Page(response.statusCode(), response.body(),
					response.headers().firstValue("Location").orElse(""), response.headers());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
