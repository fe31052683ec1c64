package org.qinqing.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.qinqing.wechat.WechatProperties;

/** Does what WeChat's servers do: signs (and in safe mode encrypts) a message and posts it to the portal. */
final class PortalClient {

	private static final Pattern ENCRYPT = Pattern.compile("<Encrypt><!\\[CDATA\\[(.*?)]]></Encrypt>", Pattern.DOTALL);

	private static final Pattern CONTENT = Pattern.compile("<Content><!\\[CDATA\\[(.*?)]]></Content>", Pattern.DOTALL);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	record Exchange(int status, String requestXml, String responseXml, String reply, long elapsedMs) {
	}

	Exchange post(String baseUrl, WechatProperties.Account account, String plainXml, boolean encrypted)
			throws IOException, InterruptedException {
		String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
		String nonce = UUID.randomUUID().toString().substring(0, 10);
		StringBuilder url = new StringBuilder(baseUrl).append("/wx/portal/")
			.append(account.appId())
			.append("?signature=")
			.append(SHA1.gen(account.token(), timestamp, nonce))
			.append("&timestamp=")
			.append(timestamp)
			.append("&nonce=")
			.append(nonce);
		String body = plainXml;
		WxCryptUtil crypt = null;
		if (encrypted) {
			crypt = new WxCryptUtil(account.token(), account.aesKey(), account.appId());
			String encrypt = crypt.encryptContext(plainXml).getEncrypt();
			body = "<xml><ToUserName><![CDATA[" + account.appId() + "]]></ToUserName><Encrypt><![CDATA[" + encrypt
					+ "]]></Encrypt></xml>";
			url.append("&encrypt_type=aes&msg_signature=").append(SHA1.gen(account.token(), timestamp, nonce, encrypt));
		}
		long start = System.nanoTime();
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(url.toString()))
					.timeout(Duration.ofSeconds(10))
					.header("Content-Type", "text/xml; charset=utf-8")
					.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
					.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		long elapsed = (System.nanoTime() - start) / 1_000_000;
		String responseXml = response.body();
		String plainReply = responseXml;
		if (crypt != null && response.statusCode() == 200) {
			Matcher m = ENCRYPT.matcher(responseXml);
			if (m.find()) {
				plainReply = crypt.decrypt(m.group(1));
				responseXml = responseXml + "\n\n<!-- decrypted -->\n" + plainReply;
			}
		}
		Matcher content = CONTENT.matcher(plainReply);
		String reply = response.statusCode() == 200 && content.find() ? content.group(1) : null;
		return new Exchange(response.statusCode(), plainXml, responseXml, reply, elapsed);
	}

}
