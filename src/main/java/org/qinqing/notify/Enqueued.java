package org.qinqing.notify;

/**
 * What {@link Outbox#enqueue} did.
 *
 * @param messageId the outbox's id of the message: the new one, or for a duplicate the one queued first
 * @param duplicate the idempotency key had been queued already, so nothing new was queued
 */
public record Enqueued(String messageId, boolean duplicate) {

	public boolean queued() {
		return !this.duplicate;
	}

}
