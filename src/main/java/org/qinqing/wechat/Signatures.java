package org.qinqing.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import me.chanjar.weixin.common.util.crypto.SHA1;

/** WeChat's request signatures (SHA-1 of the sorted parts), compared in constant time. */
final class Signatures {

	private Signatures() {
	}

	static boolean valid(String expected, String... parts) {
		if (expected == null || expected.isEmpty()) {
			return false;
		}
		for (String part : parts) {
			if (part == null) {
				return false;
			}
		}
		String actual = SHA1.gen(parts);
		return MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII),
				expected.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

}
