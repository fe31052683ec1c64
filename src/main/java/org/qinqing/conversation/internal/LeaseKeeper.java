package org.qinqing.conversation.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.qinqing.system.ThrottledLog;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Renews the leases of the messages this instance is handling, every third of a lease, one round trip per
 * tenant. A handler that dies with its process stops being renewed, so a retry takes over within one lease;
 * one stuck for longer than {@code maxHandling} is no longer renewed either, so a hang never locks a user out
 * for good.
 */
public final class LeaseKeeper implements AutoCloseable {

	private static final ThrottledLog log = new ThrottledLog(LoggerFactory.getLogger(LeaseKeeper.class));

	private final InboundGate gate;

	private final Clock clock;

	private final long leaseMillis;

	private final long maxHandlingMillis;

	private final long dedupSeconds;

	private final Map<InboundGate.Hold, Held> held = new ConcurrentHashMap<>();

	private final ScheduledExecutorService timer = Executors
		.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("conversation-leases-"));

	public LeaseKeeper(InboundGate gate, Clock clock, Duration lease, Duration maxHandling, Duration dedupTtl) {
		this.gate = gate;
		this.clock = clock;
		this.leaseMillis = lease.toMillis();
		this.maxHandlingMillis = maxHandling.toMillis();
		this.dedupSeconds = dedupTtl.toSeconds();
		long every = Math.max(50, this.leaseMillis / 3);
		this.timer.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
	}

	private record Held(String tenant, long since) {
	}

	public void hold(String tenant, InboundGate.Hold hold) {
		this.held.put(hold, new Held(tenant, this.clock.millis()));
	}

	public void release(InboundGate.Hold hold) {
		this.held.remove(hold);
	}

	void renewAll() {
		long now = this.clock.millis();
		Map<String, List<InboundGate.Hold>> byTenant = new HashMap<>();
		this.held.forEach((hold, info) -> {
			if (now - info.since() <= this.maxHandlingMillis) {
				byTenant.computeIfAbsent(info.tenant(), t -> new ArrayList<>()).add(hold);
			}
		});
		byTenant.forEach((tenant, holds) -> {
			try {
				this.gate.renew(holds, this.leaseMillis, now, this.dedupSeconds);
			}
			catch (RuntimeException ex) {
				// Redis away: the leases run out, and whoever comes after takes over once it answers
				log.warn("Renewing message leases", ex);
			}
		});
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

}
