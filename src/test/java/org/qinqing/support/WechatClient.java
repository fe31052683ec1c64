package org.qinqing.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.qinqing.wechat.WechatReferenceCrypto;

/**
 * Plays WeChat's servers in tests: signs (and in safe mode encrypts, by the published algorithm,
 * not WxJava) messages, posts them to the portal and reads the replies.
 */
public final class WechatClient {

	public static final String APP_ID = "wxqinqingdemo0001";

	public static final String TOKEN = "qinqingdemotoken";

	public static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 1000);

	private static final Pattern CONTENT = Pattern.compile("<Content><!\\[CDATA\\[(.*?)]]></Content>", Pattern.DOTALL);

	private static final HttpClient HTTP = TestHttp.client().build();

	/** How long a test waits for the portal's answer. */
	public static final Duration PORTAL_TIMEOUT = Duration.ofSeconds(20);

	private final String baseUrl;

	private final WechatReferenceCrypto crypto = new WechatReferenceCrypto(TOKEN, AES_KEY, APP_ID);

	public WechatClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public static long nextMsgId() {
		return MSG_IDS.incrementAndGet();
	}

	/** What came back: the HTTP status, the raw body and the reply text (null when none). */
	public record Response(int status, String body, String reply) {

		public boolean isSuccessOnly() {
			return this.status == 200 && "success".equals(this.body);
		}

	}

	public static String textXml(String openid, String text, long msgId) {
		return "<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[" + openid
				+ "]]></FromUserName><CreateTime>" + System.currentTimeMillis() / 1000
				+ "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + text + "]]></Content><MsgId>"
				+ msgId + "</MsgId></xml>";
	}

	public static String voiceXml(String openid, String recognition, long msgId) {
		return "<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[" + openid
				+ "]]></FromUserName><CreateTime>" + System.currentTimeMillis() / 1000
				+ "</CreateTime><MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[m1]]></MediaId>"
				+ "<Format><![CDATA[amr]]></Format><Recognition><![CDATA[" + recognition + "]]></Recognition><MsgId>"
				+ msgId + "</MsgId></xml>";
	}

	public static String eventXml(String openid, String event, String key, long createTime) {
		return "<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[" + openid
				+ "]]></FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
				+ "<Event><![CDATA[" + event + "]]></Event><EventKey><![CDATA[" + key + "]]></EventKey></xml>";
	}

	public Response text(String openid, String text) {
		return post(textXml(openid, text, nextMsgId()), false);
	}

	public Response post(String plainXml, boolean encrypted) {
		String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
		String nonce = String.valueOf(System.nanoTime());
		String query = "?signature=" + WechatReferenceCrypto.signature(TOKEN, timestamp, nonce) + "&timestamp="
				+ timestamp + "&nonce=" + nonce + "&openid=x";
		String body = plainXml;
		if (encrypted) {
			body = this.crypto.encryptedEnvelope(plainXml, timestamp, nonce);
			String encrypt = body.replaceAll("(?s).*<Encrypt><!\\[CDATA\\[(.*?)]]></Encrypt>.*", "$1");
			query += "&encrypt_type=aes&msg_signature=" + this.crypto.msgSignature(timestamp, nonce, encrypt);
		}
		Response raw = postRaw("/wx/portal/" + APP_ID + query, body);
		if (raw.status() != 200 || raw.body().equals("success") || raw.body().isEmpty()) {
			return raw;
		}
		String plain = encrypted ? this.crypto.decryptReplyEnvelope(raw.body()) : raw.body();
		Matcher content = CONTENT.matcher(plain);
		return new Response(raw.status(), plain, content.find() ? content.group(1) : null);
	}

	public Response postRaw(String pathAndQuery, String body) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + pathAndQuery))
			.header("Content-Type", "text/xml")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	public Response get(String pathAndQuery) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + pathAndQuery)).GET());
	}

	private static Response send(HttpRequest.Builder builder) {
		HttpRequest request = builder.timeout(PORTAL_TIMEOUT).build();
		try {
			HttpResponse<String> response;
			try {
				response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				if (ex instanceof HttpTimeoutException) {
					throw ex;
				}
				// a kept-alive connection the server had just closed ("header parser received no bytes"): the request
				// never arrived, so it is sent once more on a new connection, as WeChat would retry
				response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			}
			return new Response(response.statusCode(), response.body(), null);
		}
		catch (HttpTimeoutException ex) {
			// WeChat itself waits 5 s: a portal that has not answered in 20 s is a failure, never a hang
			throw new AssertionError("The portal did not answer " + request.method() + " " + request.uri().getPath()
					+ " within " + PORTAL_TIMEOUT.toSeconds() + " s", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A signed query for now, with a fresh nonce: what WeChat sends with each delivery. */
	public static String freshQuery() {
		return signedQuery(now(), String.valueOf(System.nanoTime()));
	}

	/** The epoch second now, as WeChat puts it in {@code timestamp}. */
	public static String now() {
		return String.valueOf(System.currentTimeMillis() / 1000);
	}

	public static String signedQuery(String timestamp, String nonce) {
		return "?signature=" + WechatReferenceCrypto.signature(TOKEN, timestamp, nonce) + "&timestamp=" + timestamp
				+ "&nonce=" + nonce;
	}

}
