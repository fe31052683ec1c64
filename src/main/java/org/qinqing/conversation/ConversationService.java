package org.qinqing.conversation;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.qinqing.conversation.internal.InboundGate;
import org.qinqing.conversation.internal.InboundGate.Keys;
import org.qinqing.conversation.internal.LeaseKeeper;
import org.qinqing.notify.Messenger;
import org.qinqing.notify.Reachability;
import org.qinqing.notify.TextMessage;
import org.qinqing.people.Directory;
import org.qinqing.system.BotScripts;
import org.qinqing.system.ThrottledLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;

/**
 * The way into the bot for every channel. Each message is handled once (retries get the stored
 * result), one at a time per user, within the reply budget; what misses the budget is pushed as a
 * customer-service message instead, exactly once.
 */
@Service
public class ConversationService implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ConversationService.class);

	/** During an outage every message fails alike: one line a minute with a count, the stack trace once. */
	private static final ThrottledLog failures = new ThrottledLog(log);

	private static final String REPLIED = "R:";

	private static final String NO_REPLY = "N";

	/** The reply went out as a customer-service message; retries answer nothing. */
	private static final String PUSHED = "A";

	private final InboundGate gate;

	private final ConversationEngine engine;

	private final SessionCodec codec;

	private final Directory directory;

	private final Messenger messenger;

	private final Reachability reachability;

	private final BotScripts scripts;

	private final ConversationProperties properties;

	private final Clock clock;

	private final ThreadPoolExecutor workers;

	private final LeaseKeeper leases;

	ConversationService(InboundGate gate, ConversationEngine engine, SessionCodec codec, Directory directory,
			Messenger messenger, Reachability reachability, BotScripts scripts, ConversationProperties properties,
			Clock clock) {
		this.reachability = reachability;
		this.gate = gate;
		this.engine = engine;
		this.codec = codec;
		this.directory = directory;
		this.messenger = messenger;
		this.scripts = scripts;
		this.properties = properties;
		this.clock = clock;
		scripts.require("replies.busy", "replies.error");
		this.workers = new ThreadPoolExecutor(properties.workers(), properties.workers(), 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(properties.queue()), new CustomizableThreadFactory("conversation-"));
		this.leases = new LeaseKeeper(gate, clock, properties.lockLease(), properties.maxHandling(),
				properties.dedupTtl());
	}

	/**
	 * The reply to give now, or empty to answer {@code success} (nothing, or a reply pushed later).
	 *
	 * @throws ReplayedDeliveryException when the delivery's stamp was seen before with another body
	 */
	public Optional<Reply> receive(Inbound inbound) {
		Handling handling = new Handling();
		Future<Optional<Reply>> result;
		try {
			result = this.workers.submit(() -> handle(inbound, handling));
		}
		catch (RejectedExecutionException ex) {
			log.warn("Conversation workers saturated; asking a user to retry");
			return Optional.of(new Reply(this.scripts.text("replies.busy")));
		}
		try {
			return await(result, this.properties.replyBudget().toMillis());
		}
		catch (TimeoutException ex) {
			// past the budget: WeChat gets "success" and the worker pushes the reply, unless it just finished
			return handling.giveUp() ? Optional.empty() : await(result);
		}
	}

	private Optional<Reply> await(Future<Optional<Reply>> result) {
		try {
			return await(result, Long.MAX_VALUE);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Optional<Reply> await(Future<Optional<Reply>> result, long millis) throws TimeoutException {
		try {
			return result.get(millis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof ReplayedDeliveryException replay) {
				throw replay;
			}
			failures.warn("Handling a message", ex.getCause());
			return Optional.of(new Reply(this.scripts.text("replies.busy")));
		}
	}

	private Optional<Reply> handle(Inbound inbound, Handling handling) throws InterruptedException {
		DeliveryStamp stamp = inbound.stamp();
		Keys keys = Keys.of(inbound.tenant(), inbound.openid(), inbound.dedupKey(), stamp == null ? null : stamp.id());
		String token = UUID.randomUUID().toString();
		long lease = this.properties.lockLease().toMillis();
		long deadline = this.clock.millis() + this.properties.busyWait().toMillis();
		long pause = 2;
		while (true) {
			InboundGate.Begin begin = this.gate.begin(keys, token, lease, this.properties.dedupTtl().toSeconds(),
					this.clock.millis(), stamp == null ? null : stamp.digest(),
					stamp == null ? 0 : stamp.remember().toSeconds());
			switch (begin.outcome()) {
				case GO:
					return process(inbound, handling, keys, token, begin);
				case REPLAY:
					throw new ReplayedDeliveryException();
				case DUPLICATE:
					Optional<Optional<Reply>> first = awaitFirstTry(keys, begin.payload(), handling);
					if (first.isPresent()) {
						return first.get();
					}
					break; // the first try died without an answer: take the message over
				case BUSY:
					if (this.clock.millis() > deadline) {
						// another message of this user was being handled all along: say so rather than wait on
						return deliver(inbound, handling, this.scripts.text("replies.busy"));
					}
					Thread.sleep(pause);
					pause = Math.min(pause * 2, 50);
					break;
			}
		}
	}

	private Optional<Reply> process(Inbound inbound, Handling handling, Keys keys, String token,
			InboundGate.Begin begin) {
		InboundGate.Hold hold = new InboundGate.Hold(keys, token);
		this.leases.hold(inbound.tenant(), hold);
		try {
			return processHeld(inbound, handling, keys, token, begin.payload(), begin.identityRevision());
		}
		catch (RuntimeException ex) {
			// Redis failed mid-way: let go at once (when it answers) so a retry or the next message is not kept waiting
			try {
				this.gate.abandon(keys, token);
			}
			catch (RuntimeException ignored) {
				// still away: the lease runs out within seconds all the same
			}
			throw ex;
		}
		finally {
			this.leases.release(hold);
		}
	}

	private Optional<Reply> processHeld(Inbound inbound, Handling handling, Keys keys, String token, String stored,
			long identityRevision) {
		Session before = stored.isEmpty() ? null : this.codec.read(stored);
		if (before == null || before.identityRevision() != identityRevision) {
			// a new session, or the school changed who this user is since (a binding revoked, a family member
			// removed, a teacher's classes changed): who they are is read again, and a flow in progress ends
			Session fresh = Session.start(this.directory.identify(inbound.tenant(), inbound.openid()), identityRevision);
			before = before == null ? fresh : before.reidentified(fresh.identity(), identityRevision);
		}
		Turn turn;
		try {
			turn = this.engine.handle(inbound, before.nextTurn());
		}
		catch (RuntimeException ex) {
			log.error("A {} message broke the conversation engine", inbound.kind(), ex);
			turn = new Turn(this.scripts.text("replies.error"), before.atMenu());
		}
		String session = turn.session() == null ? "" : this.codec.write(turn.session());
		long sessionTtl = this.properties.sessionIdleTtl().toSeconds();
		long dedupTtl = this.properties.dedupTtl().toSeconds();
		long wroteAt = opensWindow(inbound.kind()) ? this.clock.millis() : 0;
		following(inbound);
		if (turn.reply() == null) {
			this.gate.commit(keys, token, NO_REPLY, dedupTtl, session, sessionTtl, wroteAt);
			return Optional.empty();
		}
		if (handling.finish()) {
			this.gate.commit(keys, token, REPLIED + turn.reply(), dedupTtl, session, sessionTtl, wroteAt);
			return Optional.of(new Reply(turn.reply()));
		}
		// WeChat has been told "success" already: store that, then push the reply once. Straight
		// through the Messenger, not the outbox: it answers the user's own message inside the
		// window, and must not wait for quiet hours or queued lessons. A try that was taken over meanwhile
		// (presumed dead) pushes nothing: the try that took over answers.
		if (this.gate.commit(keys, token, PUSHED, dedupTtl, session, sessionTtl, wroteAt)) {
			this.messenger.send(new TextMessage(inbound.tenant(), inbound.openid(), turn.reply()));
		}
		return Optional.empty();
	}

	/** What WeChat counts as the user writing: it opens the 48-hour customer-service window. */
	private static boolean opensWindow(Inbound.Kind kind) {
		return kind != Inbound.Kind.UNSUBSCRIBE && kind != Inbound.Kind.IGNORED;
	}

	/** Unfollowing keeps the binding but stops pushes until the person follows again. */
	private void following(Inbound inbound) {
		if (inbound.kind() == Inbound.Kind.UNSUBSCRIBE) {
			this.reachability.markUnfollowed(inbound.tenant(), inbound.openid());
		}
		else if (inbound.kind() == Inbound.Kind.SUBSCRIBE) {
			this.reachability.markFollowing(inbound.tenant(), inbound.openid());
		}
	}

	/** A reply that belongs to no stored result: passive if WeChat still waits, else pushed. */
	private Optional<Reply> deliver(Inbound inbound, Handling handling, String text) {
		if (handling.finish()) {
			return Optional.of(new Reply(text));
		}
		this.messenger.send(new TextMessage(inbound.tenant(), inbound.openid(), text));
		return Optional.empty();
	}

	/**
	 * Waits for the first try of this message while WeChat still waits. Empty when that try died (its lease ran
	 * out unrenewed, or it let go after a failure): this try takes the message over.
	 */
	private Optional<Optional<Reply>> awaitFirstTry(Keys keys, String stored, Handling handling)
			throws InterruptedException {
		String result = stored;
		while (result != null && result.startsWith(InboundGate.PENDING) && !handling.gaveUp()) {
			if (InboundGate.abandoned(result, this.clock.millis())) {
				return Optional.empty();
			}
			Thread.sleep(20);
			result = this.gate.peek(keys);
		}
		if (result == null) {
			return Optional.empty();
		}
		if (result.startsWith(REPLIED)) {
			return Optional.of(Optional.of(new Reply(result.substring(REPLIED.length()))));
		}
		return Optional.of(Optional.empty());
	}

	@Override
	public void destroy() {
		this.workers.shutdown();
		this.leases.close();
	}

	/** Who delivers the reply: the waiting request (passive reply) or the worker (push), decided once. */
	private static final class Handling {

		private static final int WAITING = 0;

		private static final int REPLIED_IN_TIME = 1;

		private static final int GAVE_UP = 2;

		private final AtomicInteger state = new AtomicInteger(WAITING);

		boolean finish() {
			return this.state.compareAndSet(WAITING, REPLIED_IN_TIME);
		}

		boolean giveUp() {
			return this.state.compareAndSet(WAITING, GAVE_UP);
		}

		boolean gaveUp() {
			return this.state.get() == GAVE_UP;
		}

	}

}
