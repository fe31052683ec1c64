package org.qinqing.notify;

import java.time.Instant;
import java.util.List;

/**
 * What became of one outbox message, kept in Redis for {@code qinqing.notify.log-ttl} after its last event.
 *
 * @param channel how it went (or was last tried); {@code null} before any attempt
 * @param attempts calls made to WeChat (or the simulator) for it
 * @param errorCode WeChat's error code of the last failed attempt, 0 if none
 * @param heldUntil when a held message (quiet hours, back-off, paused channel, quota) goes again
 * @param readAt when the person opened its detail page ({@link Outbox#markRead})
 */
public record DeliveryLog(String messageId, String kind, boolean urgent, State state, Channel channel,
		int attempts, int errorCode, Instant queuedAt, Instant sentAt, Instant readAt, Instant heldUntil,
		List<Event> events) {

	public enum State {

		/** Waiting in the stream for a consumer. */
		QUEUED,
		/** Waiting for a time: quiet hours, a retry's back-off, a paused channel or the next day's quota. */
		HELD,
		/** WeChat (or the simulator) accepted it. */
		SENT,
		/** It will not be sent: WeChat refused it for good or the attempts ran out. */
		FAILED,
		/** Not sent because the person does not follow the account any more. */
		SKIPPED

	}

	public enum Channel {

		CUSTOMER_SERVICE, TEMPLATE

	}

	/**
	 * One step in a message's life.
	 *
	 * @param until for {@link Type#HELD} and {@link Type#RETRY}: when it goes again
	 */
	public record Event(Instant at, Type type, Channel channel, int errorCode, String detail, Instant until) {

		public enum Type {

			QUEUED, HELD, RETRY, PAUSED, FALLBACK, UNFINISHED_ATTEMPT, SENT, FAILED, SKIPPED, READ

		}

	}

}
