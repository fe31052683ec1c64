package org.qinqing.notify;

import java.util.List;

/**
 * What {@link Outbox#toPerson} / {@link Outbox#toRole} did: the messages queued, and the people who could not be
 * reached at all (bound to no WeChat user, or all of theirs unfollowed), whom a feature may list for a phone call.
 */
public record Addressed(List<Enqueued> queued, List<Unreachable> unreachable) {

	public Addressed {
		queued = List.copyOf(queued);
		unreachable = List.copyOf(unreachable);
	}

	/** A person nobody can reach through WeChat, and why. */
	public record Unreachable(String personId, Reason reason) {
	}

	public enum Reason {

		/** No WeChat user is bound to the person. */
		NOT_BOUND,
		/** Every WeChat user bound to them unfollowed the account. */
		UNFOLLOWED

	}

	public boolean reachedSomeone() {
		return !this.queued.isEmpty();
	}

}
