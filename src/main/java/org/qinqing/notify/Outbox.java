package org.qinqing.notify;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * The one way to send a proactive message (reminders, lessons, alerts). A queued message is sent
 * once, by one of the instances, through the customer-service channel while the person's service
 * window is open and as a template message otherwise, within the account's rate and daily quota,
 * not during quiet hours unless urgent, and retried while WeChat is only busy. The tenant must be one
 * of the configured accounts: consumers read the queues of those.
 */
@Service
public class Outbox {

	/** Placeholder in a notification's url that is replaced by its message id. */
	public static final String MESSAGE_ID = "{messageId}";

	private final OutboxStore store;

	private final Clock clock;

	Outbox(OutboxStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Queues a message unless its idempotency key was queued before (within
	 * {@code qinqing.notify.idempotency-ttl}); either way the answer carries the message's id.
	 */
	public Enqueued enqueue(Notification notification) {
		String messageId = UUID.randomUUID().toString().replace("-", "");
		return this.store.enqueue(notification, messageId, this.clock.millis());
	}

	/** What became of a message, or empty when it is unknown or its log has expired. */
	public Optional<DeliveryLog> deliveryLog(String tenant, String messageId) {
		return this.store.log(tenant, messageId);
	}

	/**
	 * Records that the person opened the message's detail page; only the first time counts.
	 *
	 * @return whether this was the first read of a known message
	 */
	public boolean markRead(String tenant, String messageId) {
		return this.store.markRead(tenant, messageId, this.clock.millis());
	}

}
