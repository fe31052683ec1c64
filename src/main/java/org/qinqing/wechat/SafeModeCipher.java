package org.qinqing.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens a safe-mode (AES) message and says which account it was encrypted for. WxJava's decrypt returns
 * the XML only and never compares the app id inside the payload with the account's, so a message
 * encrypted for another account (sharing the key) would be taken for ours. The published layout:
 * AES-256-CBC with the key's first 16 bytes as IV, PKCS#7 padding to 32 bytes, and inside
 * {@code random(16) | length(4, big-endian) | xml | appid}. Replies are still encrypted by WxJava.
 */
final class SafeModeCipher {

	private static final int RANDOM_BYTES = 16;

	private static final int PAD_BLOCK = 32;

	private SafeModeCipher() {
	}

	/** What the envelope held: the message XML and the app id it was encrypted for. */
	record Opened(String xml, String appId) {
	}

	/** @throws BadCipherException when it is not a well-formed message under this key */
	static Opened open(String encodingAesKey, String encrypt) {
		byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
		byte[] plain;
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
			plain = cipher.doFinal(Base64.getDecoder().decode(encrypt));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new BadCipherException();
		}
		int pad = plain.length == 0 ? 0 : plain[plain.length - 1] & 0xff;
		if (pad < 1 || pad > PAD_BLOCK || plain.length < RANDOM_BYTES + 4 + pad) {
			throw new BadCipherException();
		}
		byte[] content = Arrays.copyOf(plain, plain.length - pad);
		int length = ByteBuffer.wrap(content, RANDOM_BYTES, 4).getInt();
		int start = RANDOM_BYTES + 4;
		if (length < 0 || start + length > content.length) {
			throw new BadCipherException();
		}
		String xml = new String(content, start, length, StandardCharsets.UTF_8);
		String appId = new String(content, start + length, content.length - start - length, StandardCharsets.UTF_8);
		return new Opened(xml, appId);
	}

	/** The body does not decrypt to a message under the account's key. */
	static final class BadCipherException extends RuntimeException {

		BadCipherException() {
			super("not a safe-mode message under this key");
		}

	}

}
