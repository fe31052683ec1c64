package org.qinqing.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import org.qinqing.conversation.DeliveryStamp;
import org.springframework.stereotype.Component;

/**
 * WeChat's signature covers token, timestamp and nonce, never the body. So a signed request is accepted only
 * while its timestamp is near the app's clock, and its (signature, timestamp, nonce) is remembered for that
 * long with a digest of its body: the conversation gate refuses the same triple with another body. Whether
 * WeChat's retries reuse the triple is not documented; a true retry (same triple, same body) passes either way.
 */
@Component
class Freshness {

	private final Clock clock;

	private final Duration tolerance;

	Freshness(Clock clock, WechatProperties properties) {
		this.clock = clock;
		this.tolerance = properties.timestampTolerance();
	}

	/** Whether the request's timestamp (epoch seconds) is within the tolerance of now, either way. */
	boolean isFresh(String timestamp) {
		long seconds;
		try {
			seconds = Long.parseLong(timestamp);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		long now = this.clock.instant().getEpochSecond();
		return Math.abs(now - seconds) <= this.tolerance.toSeconds();
	}

	/** The delivery's stamp: remembered as long as its timestamp could still be accepted. */
	DeliveryStamp stamp(String signature, String timestamp, String nonce, String body) {
		return new DeliveryStamp(sha256(signature + "|" + timestamp + "|" + nonce), sha256(body),
				this.tolerance.multipliedBy(2));
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
