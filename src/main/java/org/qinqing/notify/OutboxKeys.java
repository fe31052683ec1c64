package org.qinqing.notify;

import java.time.LocalDate;

import org.qinqing.system.RedisKeys;

/** The outbox's Redis keys; all carry the tenant's hash tag, so every script stays on one cluster node. */
final class OutboxKeys {

	/** The consumer group every instance joins. */
	static final String GROUP = "senders";

	private OutboxKeys() {
	}

	/** Stream of message ids waiting to be sent (entries are deleted once settled). */
	static String stream(String tenant) {
		return RedisKeys.of(tenant, "outbox:stream");
	}

	/** Sorted set of held message ids, scored by the epoch millis they go again. */
	static String delayed(String tenant) {
		return RedisKeys.of(tenant, "outbox:delayed");
	}

	static String idempotency(String tenant, String key) {
		return RedisKeys.of(tenant, "outbox:idem", key);
	}

	/** List of the people a message key could not reach (JSON: at, kind, person, reason). */
	static String unreachable(String tenant, String key) {
		return RedisKeys.of(tenant, "outbox:nobody", key);
	}

	/** Hash: the notification and its delivery state. */
	static String message(String tenant, String messageId) {
		return RedisKeys.of(tenant, "outbox:msg", messageId);
	}

	/** List of the message's events (JSON). */
	static String log(String tenant, String messageId) {
		return RedisKeys.of(tenant, "outbox:log", messageId);
	}

	/** The account's rate: when its next permit is due (GCRA's theoretical arrival time, epoch microseconds). */
	static String rate(String tenant) {
		return RedisKeys.of(tenant, "outbox:rate-tat");
	}

	/** Template messages counted in one day of the schools' zone. */
	static String quota(String tenant, LocalDate day) {
		return RedisKeys.of(tenant, "outbox:quota", day.toString());
	}

	/** Holds the epoch millis until which a channel rests. */
	static String pause(String tenant, DeliveryLog.Channel channel) {
		return RedisKeys.of(tenant, "outbox:pause", channel == DeliveryLog.Channel.TEMPLATE ? "template" : "cs");
	}

}
