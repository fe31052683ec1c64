package org.qinqing.notify;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.qinqing.notify.DeliveryLog.Channel;
import org.qinqing.notify.DeliveryLog.Event.Type;
import org.qinqing.notify.OutboxStore.Admission;
import org.qinqing.notify.OutboxStore.Entry;
import org.qinqing.notify.OutboxStore.Settlement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * One member of the outbox's consumer group. A reader thread reads entries for each tenant as
 * sender threads become free (so it never holds more unsettled entries than it has senders), every
 * half second moves held messages that are due back into the stream and takes over entries that a
 * dead consumer left pending; the senders admit, send and settle each message.
 */
final class OutboxConsumer implements SmartLifecycle {

	/** Points where a test can make a consumer "die" (return {@code false}); production never does. */
	interface Checkpoints {

		Checkpoints NONE = new Checkpoints() {
		};

		/** After the message was read and admitted, before WeChat is called. */
		default boolean beforeSend(String messageId) {
			return true;
		}

		/** After WeChat answered, before the outcome is recorded and the entry acknowledged. */
		default boolean afterSend(String messageId) {
			return true;
		}

	}

	/** A message sent to nobody because it has only a text and the service window is closed. */
	static final int NO_CHANNEL = -3;

	private static final Logger log = LoggerFactory.getLogger(OutboxConsumer.class);

	/** During an outage every poll and message fails alike: one line a minute with a count. */
	private static final org.qinqing.system.ThrottledLog failures = new org.qinqing.system.ThrottledLog(log);

	private static final long HOUSEKEEPING_MILLIS = 500;

	private static final int RELEASE_BATCH = 1000;

	/** Fallbacks and pauses one message may go through in one delivery before it is left for later. */
	private static final int MAX_ROUNDS = 4;

	private final OutboxStore store;

	private final Messenger messenger;

	private final ServiceWindow window;

	private final Reachability reachability;

	private final NotifyProperties properties;

	private final Clock clock;

	private final Supplier<Collection<String>> tenants;

	private final String name;

	private final Checkpoints checkpoints;

	private final QuietHours quietHours;

	private final Backoff backoff;

	/** Numbers this consumer's processing runs, so two runs of one message here are told apart too. */
	private final AtomicLong runs = new AtomicLong();

	/** Where each tenant's next XAUTOCLAIM scan starts (reader thread only). */
	private final Map<String, String> claimCursors = new HashMap<>();

	private volatile boolean running;

	/**
	 * Set when a checkpoint kills this consumer: nothing more is read or sent. The task that hit the
	 * checkpoint leaves its message unsettled; sends already under way settle, as they would have
	 * before a real crash.
	 */
	private volatile boolean halted;

	private Thread reader;

	private ThreadPoolExecutor senders;

	private Semaphore slots;

	OutboxConsumer(OutboxStore store, Messenger messenger, ServiceWindow window, Reachability reachability,
			NotifyProperties properties, Clock clock, Supplier<Collection<String>> tenants, String name,
			Checkpoints checkpoints) {
		this.store = store;
		this.messenger = messenger;
		this.window = window;
		this.reachability = reachability;
		this.properties = properties;
		this.clock = clock;
		this.tenants = tenants;
		this.name = name;
		this.checkpoints = checkpoints;
		this.quietHours = new QuietHours(properties.quietStart(), properties.quietEnd(), properties.zone());
		this.backoff = new Backoff(properties.backoff(), properties.maxBackoff());
	}

	/** Unique per process start, so a restarted instance does not inherit its old self's pending entries blindly. */
	static String uniqueName() {
		return ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 6);
	}

	String name() {
		return this.name;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.halted = false;
		int size = this.properties.senders();
		this.slots = new Semaphore(size);
		this.senders = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				new CustomizableThreadFactory("outbox-send-"));
		Collection<String> served = List.copyOf(this.tenants.get());
		for (String tenant : served) {
			try {
				this.store.createGroup(tenant);
			}
			catch (RuntimeException ex) {
				// Redis is away: reading creates the group when it answers again
				log.warn("Outbox consumer {}: no consumer group for tenant {} yet: {}", this.name, tenant, ex.toString());
			}
		}
		this.running = true;
		this.reader = new Thread(() -> readLoop(served), "outbox-reader");
		this.reader.setDaemon(true);
		this.reader.start();
		log.info("Outbox consumer {} started for {} tenant(s)", this.name, served.size());
	}

	/** Stops reading and lets messages in flight finish; unsettled ones are taken over by others later. */
	@Override
	public synchronized void stop() {
		if (!this.running && this.reader == null) {
			return;
		}
		this.running = false;
		join(this.reader);
		this.reader = null;
		this.senders.shutdown();
		try {
			if (!this.senders.awaitTermination(15, TimeUnit.SECONDS)) {
				this.senders.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		log.info("Outbox consumer {} stopped", this.name);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public boolean isAutoStartup() {
		return this.properties.consumerEnabled();
	}

	/** Dies like a killed process: no more reads or sends; what it holds unsettled stays pending. */
	void halt() {
		this.halted = true;
		this.running = false;
	}

	private void readLoop(Collection<String> served) {
		// an interval of elapsed time, not a time of day: the injected clock decides what is due
		long lastHousekeeping = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(HOUSEKEEPING_MILLIS);
		while (this.running) {
			try {
				boolean read = false;
				if (System.nanoTime() - lastHousekeeping >= TimeUnit.MILLISECONDS.toNanos(HOUSEKEEPING_MILLIS)) {
					for (String tenant : served) {
						housekeeping(tenant);
					}
					lastHousekeeping = System.nanoTime();
				}
				for (String tenant : served) {
					read |= readBatch(tenant);
				}
				if (!read) {
					Thread.sleep(this.properties.pollInterval().toMillis());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// Redis unreachable or similar: nothing is lost (entries stay in the stream), so wait and go on
				failures.warn("The outbox consumer's poll", ex);
				sleepQuietly(1000);
			}
		}
	}

	private void housekeeping(String tenant) throws InterruptedException {
		this.store.releaseDue(tenant, this.clock.millis(), RELEASE_BATCH);
		int free = takeSlots(this.properties.batchSize(), 0);
		if (free == 0) {
			return;
		}
		OutboxStore.Reclaimed claimed = this.store.reclaim(tenant, this.name,
				this.properties.claimIdle().toMillis(), this.claimCursors.getOrDefault(tenant, "0-0"), free);
		this.claimCursors.put(tenant, claimed.next());
		dispatch(tenant, claimed.entries(), free);
	}

	private boolean readBatch(String tenant) throws InterruptedException {
		int free = takeSlots(this.properties.batchSize(), this.properties.pollInterval().toMillis());
		if (free == 0) {
			return true; // every sender is busy; takeSlots has waited already
		}
		if (!this.running) {
			this.slots.release(free);
			return false;
		}
		List<Entry> entries = this.store.read(tenant, this.name, free);
		dispatch(tenant, entries, free);
		return !entries.isEmpty();
	}

	/** Takes up to {@code wanted} free senders, waiting at most {@code waitMillis} for the first. */
	private int takeSlots(int wanted, long waitMillis) throws InterruptedException {
		if (!this.slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
			return 0;
		}
		int taken = 1;
		while (taken < wanted && this.slots.tryAcquire()) {
			taken++;
		}
		return taken;
	}

	private void dispatch(String tenant, List<Entry> entries, int slotsTaken) {
		this.slots.release(slotsTaken - entries.size());
		for (Entry entry : entries) {
			this.senders.execute(() -> {
				try {
					process(tenant, entry);
				}
				catch (RuntimeException ex) {
					// left pending: another consumer (or this one) takes it over after claim-idle
					failures.warn("Sending an outbox message", ex);
				}
				finally {
					this.slots.release();
				}
			});
		}
	}

	/** Admits, sends and settles one message; WeChat's answer decides what happens next. */
	void process(String tenant, Entry entry) {
		// the in-flight mark names this run: a reclaimed entry still being worked on here is not sent twice
		String run = this.name + "/" + this.runs.incrementAndGet();
		List<String> events = new ArrayList<>();
		int rounds = 0;
		int lastCode = 0;
		while (!this.halted) {
			long now = this.clock.millis();
			Instant quietEnd = this.quietHours.until(Instant.ofEpochMilli(now));
			Admission admission = this.store.admit(tenant, entry, run, now,
					quietEnd == null ? 0 : quietEnd.toEpochMilli());
			switch (admission.verdict()) {
				case GONE:
				case DONE:
					settle(tenant, entry, null, events, Map.of());
					return;
				case BUSY:
					return;
				case WAIT:
					// the rate's slots are reserved further ahead than the horizon: wait, holding the entry
					if (!sleepQuietly(admission.until() + ThreadLocalRandom.current().nextInt(5)) || !this.running) {
						return;
					}
					continue;
				case QUIET:
					hold(tenant, entry, events, now, admission.until(), Type.HELD, 0, "quiet hours", Map.of());
					return;
				case PAUSED:
					hold(tenant, entry, events, now, admission.until(), Type.HELD, 0, "channel paused", Map.of());
					return;
				case QUOTA:
					long tomorrow = LocalDate.ofInstant(Instant.ofEpochMilli(now), this.properties.zone())
						.plusDays(1)
						.atStartOfDay(this.properties.zone())
						.toInstant()
						.toEpochMilli();
					hold(tenant, entry, events, now, tomorrow, Type.HELD, 0, "daily template quota used", Map.of());
					return;
				case UNREACHABLE:
					finish(tenant, entry, events, now, DeliveryLog.State.SKIPPED, Type.SKIPPED, null, 43004,
							"not following the account");
					return;
				case NONE:
					finish(tenant, entry, events, now, DeliveryLog.State.FAILED, Type.FAILED, null,
							lastCode == 0 ? NO_CHANNEL : lastCode, "service window closed and no template content");
					return;
				default:
					break;
			}
			Channel channel = admission.channel();
			Notification notification = this.store.notification(admission.payload());
			if (admission.uncertain()) {
				events.add(this.store.event(now, Type.UNFINISHED_ATTEMPT, channel, 0,
						"an earlier attempt stopped before its result was recorded", null));
			}
			// the admission reserved a rate slot: the send goes at it, not before (timed from the clock read the
			// slot was reserved by, so the script's own round trip does not push sends together)
			long pause = now + admission.until() - this.clock.millis();
			if (pause > 0 && !sleepQuietly(pause)) {
				return;
			}
			if (this.halted || !this.checkpoints.beforeSend(entry.messageId())) {
				halt();
				return;
			}
			Delivery delivery = send(tenant, entry, notification, channel);
			if (!this.checkpoints.afterSend(entry.messageId())) {
				halt();
				return;
			}
			now = this.clock.millis();
			if (delivery.isSent()) {
				finish(tenant, entry, events, now, DeliveryLog.State.SENT, Type.SENT, channel, 0, null);
				return;
			}
			int code = delivery.errorCode();
			lastCode = code;
			if (code == 43004) {
				this.reachability.markUnfollowed(tenant, entry.openid());
				finish(tenant, entry, events, now, DeliveryLog.State.FAILED, Type.FAILED, channel, code,
						"not following the account");
				return;
			}
			if (++rounds > MAX_ROUNDS) {
				retryLater(tenant, entry, events, now, admission, channel, delivery);
				return;
			}
			if (channel == Channel.CUSTOMER_SERVICE && (code == 45015 || code == 45047)) {
				// the window is closed (45015) or used up (45047) whatever our record said: the template goes at once
				if (code == 45015) {
					this.window.close(tenant, entry.openid());
				}
				else {
					this.window.useUp(tenant, entry.openid());
				}
				events.add(this.store.event(now, Type.FALLBACK, channel, code, delivery.detail(), null));
				continue;
			}
			if (code == 45009) {
				// the account's daily API quota: rest this channel for everyone of the tenant; admission then
				// picks the other channel or holds the message until the rest is over
				long until = now + this.properties.channelPause().toMillis();
				this.store.pause(tenant, channel, until, now);
				events.add(this.store.event(now, Type.PAUSED, channel, code, delivery.detail(), until));
				log.warn("Tenant {}: WeChat's quota for the {} channel is used up (45009); resting it until {}", tenant,
						channel, Instant.ofEpochMilli(until));
				continue;
			}
			if (delivery.status() == Delivery.Status.RETRY_LATER) {
				retryLater(tenant, entry, events, now, admission, channel, delivery);
				return;
			}
			finish(tenant, entry, events, now, DeliveryLog.State.FAILED, Type.FAILED, channel, code, delivery.detail());
			return;
		}
	}

	private Delivery send(String tenant, Entry entry, Notification notification, Channel channel) {
		OutboundMessage message;
		if (channel == Channel.CUSTOMER_SERVICE) {
			message = new TextMessage(tenant, entry.openid(), notification.text());
		}
		else {
			String url = notification.url() == null ? null
					: notification.url().replace(Outbox.MESSAGE_ID, entry.messageId());
			// the message id doubles as WeChat's client_msg_id: a resend after a crash is not shown twice
			message = new TemplateMessage(tenant, entry.openid(), this.properties.templateFor(notification.kind()),
					notification.title(), url, notification.fields(), entry.messageId());
		}
		try {
			return this.messenger.send(message);
		}
		catch (RuntimeException ex) {
			return Delivery.retryLater(-1, ex.getClass().getSimpleName());
		}
	}

	private void retryLater(String tenant, Entry entry, List<String> events, long now, Admission admission,
			Channel channel, Delivery delivery) {
		int retries = admission.retries() + 1;
		if (retries >= this.properties.maxAttempts()) {
			finish(tenant, entry, events, now, DeliveryLog.State.FAILED, Type.FAILED, channel, delivery.errorCode(),
					"gave up after " + retries + " attempts: " + delivery.detail());
			return;
		}
		long due = now + this.backoff.delayMillis(retries);
		hold(tenant, entry, events, now, due, Type.RETRY, delivery.errorCode(), delivery.detail(),
				Map.of("retries", String.valueOf(retries), "code", String.valueOf(delivery.errorCode())));
	}

	private void hold(String tenant, Entry entry, List<String> events, long now, long until, Type type, int code,
			String detail, Map<String, String> extra) {
		events.add(this.store.event(now, type, null, code, detail, until));
		Map<String, String> fields = new LinkedHashMap<>(extra);
		fields.put("state", "held");
		fields.put("heldUntil", String.valueOf(until));
		settle(tenant, entry, until, events, fields);
	}

	private void finish(String tenant, Entry entry, List<String> events, long now, DeliveryLog.State state, Type type,
			Channel channel, int code, String detail) {
		events.add(this.store.event(now, type, channel, code, detail, null));
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
		if (state == DeliveryLog.State.SENT) {
			fields.put("sentAt", String.valueOf(now));
		}
		else {
			fields.put("code", String.valueOf(code));
			log.warn("Outbox message {} of tenant {} not sent: {} {}", entry.messageId(), tenant, state, code);
		}
		settle(tenant, entry, null, events, fields);
	}

	private void settle(String tenant, Entry entry, Long due, List<String> events, Map<String, String> fields) {
		this.store.settle(tenant, entry, new Settlement(due, events, fields));
	}

	private static boolean sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void join(Thread thread) {
		if (thread == null) {
			return;
		}
		try {
			thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
