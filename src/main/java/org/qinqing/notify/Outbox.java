package org.qinqing.notify;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinqing.people.ChildRole;
import org.qinqing.people.ChildRoles;
import org.qinqing.people.Directory;
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

	private final Directory directory;

	private final Reachability reachability;

	private final ChildRoles roles;

	Outbox(OutboxStore store, Clock clock, Directory directory, Reachability reachability, ChildRoles roles) {
		this.store = store;
		this.clock = clock;
		this.directory = directory;
		this.reachability = reachability;
		this.roles = roles;
	}

	/**
	 * Queues a message to a person: once to each WeChat user bound to them who follows the account. Someone
	 * nobody can reach is recorded ({@link #unreachable}) and returned, never silently dropped.
	 */
	public Addressed toPerson(String tenant, String personId, Message message) {
		return toPeople(tenant, List.of(personId), message);
	}

	/** Queues a message to everyone who plays {@code role} for the child (its guardians, its head teacher...). */
	public Addressed toRole(String tenant, String childId, ChildRole role, Message message) {
		return toPeople(tenant, this.roles.people(tenant, childId, role), message);
	}

	/** The people of {@code role} for the child, without those in {@code except} (e.g. who booked, told in chat). */
	public Addressed toRole(String tenant, String childId, ChildRole role, Message message, Set<String> except) {
		List<String> people = new ArrayList<>(this.roles.people(tenant, childId, role));
		people.removeAll(except);
		return toPeople(tenant, people, message);
	}

	public Addressed toPeople(String tenant, Collection<String> personIds, Message message) {
		List<Enqueued> queued = new ArrayList<>();
		List<Addressed.Unreachable> unreachable = new ArrayList<>();
		for (String personId : new LinkedHashSet<>(personIds)) {
			if (personId == null || personId.isBlank()) {
				continue;
			}
			Set<String> openids = this.directory.openidsOf(tenant, personId);
			int reached = 0;
			for (String openid : openids) {
				if (this.reachability.isReachable(tenant, openid)) {
					queued.add(enqueue(message.to(tenant, openid)));
					reached++;
				}
			}
			if (reached == 0) {
				Addressed.Reason reason = openids.isEmpty() ? Addressed.Reason.NOT_BOUND : Addressed.Reason.UNFOLLOWED;
				unreachable.add(new Addressed.Unreachable(personId, reason));
				this.store.recordUnreachable(tenant, message.key(), message.kind(), personId, reason.name(),
						this.clock.millis());
			}
		}
		return new Addressed(queued, unreachable);
	}

	/**
	 * Queues each person their own message (a weekly lesson to thousands), as {@link #toPerson} would, in a few
	 * round trips for the whole batch: their openids, whether those are reachable, and every enqueue script, each
	 * in one pipeline. A message whose key was queued before is a duplicate, so a batch replayed after a crash
	 * queues nothing twice.
	 */
	public Addressed toEach(String tenant, Map<String, Message> byPerson) {
		Map<String, Set<String>> openids = this.directory.openidsOfEach(tenant, byPerson.keySet().stream()
			.filter(id -> id != null && !id.isBlank())
			.toList());
		Set<String> reachable = this.reachability
			.reachable(tenant, openids.values().stream().flatMap(Set::stream).toList());
		List<Notification> notifications = new ArrayList<>();
		List<Addressed.Unreachable> unreachable = new ArrayList<>();
		Map<String, Message> unreached = new LinkedHashMap<>();
		openids.forEach((personId, theirs) -> {
			Message message = byPerson.get(personId);
			List<String> reached = theirs.stream().filter(reachable::contains).toList();
			reached.forEach(openid -> notifications.add(message.to(tenant, openid)));
			if (reached.isEmpty()) {
				unreachable.add(new Addressed.Unreachable(personId,
						theirs.isEmpty() ? Addressed.Reason.NOT_BOUND : Addressed.Reason.UNFOLLOWED));
				unreached.put(personId, message);
			}
		});
		List<String> ids = notifications.stream().map(n -> UUID.randomUUID().toString().replace("-", "")).toList();
		long now = this.clock.millis();
		List<Enqueued> queued = this.store.enqueueAll(notifications, ids, now);
		this.store.recordAllUnreachable(tenant, unreachable, unreached, now);
		return new Addressed(queued, unreachable);
	}

	/**
	 * Messages of the tenant queued and not yet settled or held: a large push keeps this to a few seconds of sending,
	 * so other messages are not stuck behind it.
	 */
	public long backlog(String tenant) {
		return this.store.backlog(tenant);
	}

	/** Template messages counted against the account's quota on that school day so far. */
	public long templatesUsedOn(String tenant, java.time.LocalDate day) {
		return this.store.templatesUsed(tenant, day);
	}

	/** Who could not be reached for a message key ({@link #toPerson}), by person id, oldest first. */
	public List<Addressed.Unreachable> unreachable(String tenant, String key) {
		return this.store.unreachable(tenant, key);
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
