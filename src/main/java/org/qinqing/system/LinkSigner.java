package org.qinqing.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs links the app hands out (binding QR images, detail pages) so they cannot be guessed or
 * altered. The secret comes from {@code QINQING_LINK_SECRET}; instances that share links must share it.
 */
@Component
public class LinkSigner {

	private static final Logger log = LoggerFactory.getLogger(LinkSigner.class);

	private final SecretKeySpec key;

	LinkSigner(@Value("${qinqing.links.secret:}") String secret) {
		byte[] bytes;
		if (secret.isBlank()) {
			bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			log.warn("QINQING_LINK_SECRET is not set: signed links last until this instance restarts");
		}
		else {
			bytes = secret.getBytes(StandardCharsets.UTF_8);
		}
		this.key = new SecretKeySpec(bytes, "HmacSHA256");
	}

	public String sign(String... parts) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			byte[] digest = mac.doFinal(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public boolean verify(String signature, String... parts) {
		return signature != null && MessageDigest.isEqual(sign(parts).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

}
