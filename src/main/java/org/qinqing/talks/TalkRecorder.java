package org.qinqing.talks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.console.AuditLog;
import org.qinqing.jobs.DueJobs;
import org.qinqing.people.Access;
import org.qinqing.people.Child;
import org.qinqing.people.ChildRole;
import org.qinqing.people.ChildRoles;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.springframework.stereotype.Service;

/**
 * Saving a talk, from chat or console alike: the one access rule first (only a child the teacher looks after), then
 * the card, the parents' note as a due job a few minutes later (保密 or the console's private box stops it), and for
 * a concern an individual plan, told to the leaders and audited.
 */
@Service
class TalkRecorder {

	static final String PARENTS_JOB = "talks-parents";

	static final String PLAN_OPENED = "talk-plan-open";

	/**
	 * What saving came to.
	 *
	 * @param plan the plan a concern opened, if any
	 * @param parentsTold whether the child has parents to tell
	 */
	record Saved(TalkCard card, Optional<IndividualPlan> plan, boolean parentsTold) {
	}

	private final TalkCards cards;

	private final IndividualPlans plans;

	private final DueJobs jobs;

	private final Access access;

	private final SchoolRecords records;

	private final ChildRoles roles;

	private final TalkNotices notices;

	private final AuditLog audit;

	private final TalksProperties properties;

	private final org.springframework.data.redis.core.StringRedisTemplate redis;

	private final Clock clock;

	TalkRecorder(TalkCards cards, IndividualPlans plans, DueJobs jobs, Access access, SchoolRecords records,
			ChildRoles roles, TalkNotices notices, AuditLog audit, TalksProperties properties,
			org.springframework.data.redis.core.StringRedisTemplate redis, Clock clock) {
		this.cards = cards;
		this.plans = plans;
		this.jobs = jobs;
		this.access = access;
		this.records = records;
		this.roles = roles;
		this.notices = notices;
		this.audit = audit;
		this.properties = properties;
		this.redis = redis;
		this.clock = clock;
	}

	/** Whether this teacher (or leader) may record for and read the cards of this child. */
	boolean mayRecord(String tenant, Role role, String personId, Child child) {
		return this.access.scopeOf(tenant, role, personId).covers(child);
	}

	/** Saves a card; empty when the child is missing or not the teacher's (the access rule). */
	Optional<Saved> record(String tenant, Role role, String teacherId, String childId, LocalDate day, int mood,
			List<String> topics, String note, boolean concern) {
		Optional<Child> child = this.records.child(tenant, childId);
		if (child.isEmpty() || !mayRecord(tenant, role, teacherId, child.get())) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		TalkCard card = this.cards.save(tenant, new TalkCard("", childId, child.get().classId(), teacherId, day, mood,
				topics, note.strip(), concern, false, teacherId, now, "", null));
		boolean hasParents = !this.roles.people(tenant, childId, ChildRole.PARENTS).isEmpty();
		if (hasParents) {
			this.jobs.schedule(tenant, PARENTS_JOB, card.id(), now.plus(this.properties.parentsAfter()), Map.of());
			this.redis.opsForValue().set(TalksKeys.lastSaved(tenant, teacherId), card.id(),
					this.properties.parentsAfter());
		}
		Optional<IndividualPlan> plan = concern ? Optional.of(concernRaised(tenant, card, child.get())) : Optional.empty();
		if (concern) {
			String teacherName = this.records.person(tenant, teacherId).map(Person::name).orElse("");
			this.audit.recordFromChat(tenant, teacherId, teacherName, PLAN_OPENED, plan.get().id());
		}
		return Optional.of(new Saved(card, plan, hasParents));
	}

	/** A card marked 需要关注 (in chat, or later in the console): a plan is opened and the leaders are told. */
	IndividualPlan concernRaised(String tenant, TalkCard card, Child child) {
		IndividualPlan opened = this.plans.open(tenant, card, this.clock.instant());
		String teacherName = this.records.person(tenant, card.teacherId()).map(Person::name).orElse("");
		String className = this.records.schoolClass(tenant, card.classId()).map(c -> c.name()).orElse("");
		this.notices.concern(tenant, opened, org.qinqing.people.PersonNames.givenName(child.name()), className,
				teacherName);
		return opened;
	}

	/** Marks the teacher's card saved last private while its parents' note has not gone; empty when none. */
	Optional<TalkCard> keepPrivate(String tenant, String teacherId) {
		String id = this.redis.opsForValue().get(TalksKeys.lastSaved(tenant, teacherId));
		Optional<TalkCard> card = this.cards.card(tenant, id).filter(c -> c.teacherId().equals(teacherId));
		return card.map(c -> setPrivate(tenant, c, true, teacherId));
	}

	/** Sets a card private or shared; a private card's pending parents' note is cancelled. */
	TalkCard setPrivate(String tenant, TalkCard card, boolean secret, String by) {
		TalkCard changed = card.edited(card.date(), card.mood(), card.topics(), card.note(), card.concern(), secret, by,
				this.clock.instant());
		this.cards.update(tenant, changed);
		if (secret) {
			this.jobs.cancel(tenant, PARENTS_JOB, card.id());
		}
		return changed;
	}

}
