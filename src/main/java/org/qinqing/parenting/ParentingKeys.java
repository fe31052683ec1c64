package org.qinqing.parenting;

import org.qinqing.system.RedisKeys;

/**
 * The parenting school's Redis keys, all under the tenant's hash tag. A person's whole history is one hash, so a
 * page of people is one pipeline of reads; the term's readers and right answers are sets, so the reach figures of
 * a county read two sets rather than 50,000 hashes.
 */
final class ParentingKeys {

	/** Field of a person's hash: {@code w:<week>} → the lesson pushed for that week (the push's retry gets the same). */
	static final String WEEK = "w:";

	/** Field: {@code h:<lesson>} → {@code <school date>|push} or {@code |chat}: the lesson was given to them. */
	static final String HAD = "h:";

	/** Field: {@code r:<lesson>} → epoch ms of the first read (the page opened, or the question answered). */
	static final String READ = "r:";

	/** Field: {@code a:<lesson>} → {@code <choice>|<1 right, 0 wrong>|<epoch ms>}, the latest answer. */
	static final String ANSWER = "a:";

	/** Field: the lesson the person last looked at in chat, where 上一课/下一课 move from. */
	static final String CURSOR = "cursor";

	private ParentingKeys() {
	}

	/** Hash: one person's lessons had, read and answered. */
	static String person(String tenant, String personId) {
		return RedisKeys.of(tenant, "parenting:person", personId);
	}

	/** Set of the people who read a lesson in the term. */
	static String readers(String tenant, String termId) {
		return RedisKeys.of(tenant, "parenting:readers", termId);
	}

	/** Set of the people who read a lesson in the lesson week starting that push day: this week's reach. */
	static String readersOfWeek(String tenant, java.time.LocalDate start) {
		return RedisKeys.of(tenant, "parenting:readers-week", start.toString());
	}

	/** Set of the people who answered a lesson's question right in the term. */
	static String rightAnswers(String tenant, String termId) {
		return RedisKeys.of(tenant, "parenting:right", termId);
	}

	/** Set of everyone who ever read a lesson: a family none of whose adults is here never opened one. */
	static String readersEver(String tenant) {
		return RedisKeys.of(tenant, "parenting:readers-ever");
	}

	/** Set of the people who said 退订: no weekly push until they say 订阅. */
	static String unsubscribed(String tenant) {
		return RedisKeys.of(tenant, "parenting:unsubscribed");
	}

}
