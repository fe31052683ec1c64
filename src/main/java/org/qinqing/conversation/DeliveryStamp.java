package org.qinqing.conversation;

import java.time.Duration;

/**
 * What identifies one delivery of a message over its channel, beside the message's own id: for WeChat the
 * signed (signature, timestamp, nonce) of the request and a digest of its body. The gate remembers a stamp
 * for as long as the channel would accept it, so the same stamp with another body (a signed URL copied
 * from a log and replayed with a forged message) is refused, while a true retry (same stamp, same body)
 * goes through to de-duplication.
 *
 * @param id the delivery's signed identity (a digest, never the raw signature)
 * @param digest the body's digest
 * @param remember how long the channel accepts this stamp
 */
public record DeliveryStamp(String id, String digest, Duration remember) {

	public DeliveryStamp {
		if (id == null || id.isBlank() || digest == null || digest.isBlank()) {
			throw new IllegalArgumentException("a delivery stamp needs an id and a digest");
		}
	}

}
