package org.qinqing.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 from a chosen local address, so the app sees a request come from another client: any
 * 127.x.y.z is this machine's loopback, and a socket bound to it is what Tomcat reports as the
 * remote address. The JDK's HttpClient cannot choose its local address on Java 17, hence this small
 * client: one request per connection ({@code Connection: close}), with the timeouts of {@link TestHttp}.
 */
final class BoundHttp {

	record Response(int status, List<Map.Entry<String, String>> headers, String body) {

		List<String> all(String name) {
			return this.headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
		}

	}

	private BoundHttp() {
	}

	static Response exchange(InetAddress local, int port, String method, String path, Map<String, String> headers,
			String body) {
		byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
		StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
			.append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
		headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		if (body != null) {
			request.append("Content-Length: ").append(content.length).append("\r\n");
		}
		request.append("\r\n");
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(local, 0));
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
			socket.setSoTimeout((int) TestHttp.TIMEOUT.toMillis());
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			return parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("HTTP " + method + " " + path + " from " + local, ex);
		}
	}

	private static Response parse(byte[] raw) throws IOException {
		String all = new String(raw, StandardCharsets.ISO_8859_1);
		int end = all.indexOf("\r\n\r\n");
		if (end < 0) {
			throw new IOException("no complete HTTP answer: " + all);
		}
		String[] lines = all.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		boolean chunked = false;
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			String name = lines[i].substring(0, colon).strip();
			String value = lines[i].substring(colon + 1).strip();
			headers.add(Map.entry(name, value));
			chunked |= name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked");
		}
		byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
		return new Response(status, headers, new String(chunked ? unchunk(body) : body, StandardCharsets.UTF_8));
	}

	private static byte[] unchunk(byte[] body) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (true) {
			int lineEnd = indexOfCrlf(body, at);
			String size = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
			int length = Integer.parseInt(size, 16);
			if (length == 0) {
				return out.toByteArray();
			}
			out.write(body, lineEnd + 2, length);
			at = lineEnd + 2 + length + 2;
		}
	}

	private static int indexOfCrlf(byte[] bytes, int from) throws IOException {
		for (int i = from; i + 1 < bytes.length; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		throw new IOException("truncated chunked body");
	}

}
