package org.qinqing.notify;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.qinqing.people.Child;
import org.qinqing.people.ChildRole;
import org.qinqing.people.Directory;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Features hand the outbox a person, or a part in a child's care, never an openid: it finds the WeChat users bound
 * to them who follow the account, and records who nobody can reach (a fresh tenant no consumer serves, so what was
 * queued stays in its stream).
 */
class OutboxAddressingTests extends PortalTestSupport {

	@Autowired
	Outbox outbox;

	@Autowired
	SchoolRecords records;

	@Autowired
	Directory directory;

	@Autowired
	Reachability reachability;

	@Test
	void aPersonIsReachedOnEveryFollowingWechatUserAndNobodyReachableIsRecorded() {
		String tenant = TENANT + "-addr-" + UUID.randomUUID().toString().substring(0, 8);
		this.records.save(tenant, new SchoolClass("c1", "s", 3, 1, "三年级(1)班", "head"));
		this.records.save(tenant, new Child("k1", "王小明", "c1", LeftBehindType.BOTH_AWAY, "f1", "pair"));
		this.records.save(tenant, new Person("head", Role.TEACHER, "李老师", "", List.of(), List.of("c1")));
		this.records.save(tenant, new Person("mum", Role.PARENT, "王妈妈", "母亲", List.of("k1"), List.of()));
		this.records.save(tenant, new Person("dad", Role.PARENT, "王爸爸", "父亲", List.of("k1"), List.of()));
		this.records.save(tenant, new Person("gran", Role.GUARDIAN, "王奶奶", "祖母", List.of("k1"), List.of()));
		this.directory.bind(tenant, "o-mum-phone", "mum");
		this.directory.bind(tenant, "o-mum-pad", "mum");
		this.directory.bind(tenant, "o-gran", "gran");
		this.directory.bind(tenant, "o-head", "head");
		this.reachability.markUnfollowed(tenant, "o-mum-pad");
		this.reachability.markUnfollowed(tenant, "o-gran");

		Message note = Message.of("call-booked", "call:" + tenant + ":V1:booked", "周三 17:15 视频", "视频预约",
				Map.of("child", "小明"));
		Addressed parents = this.outbox.toRole(tenant, "k1", ChildRole.PARENTS, note);
		assertThat(parents.queued()).hasSize(1);
		assertThat(parents.unreachable()).containsExactly(new Addressed.Unreachable("dad", Addressed.Reason.NOT_BOUND));
		assertThat(this.outbox.toRole(tenant, "k1", ChildRole.GUARDIANS, note).unreachable())
			.containsExactly(new Addressed.Unreachable("gran", Addressed.Reason.UNFOLLOWED));
		assertThat(this.outbox.unreachable(tenant, note.key())).extracting(Addressed.Unreachable::personId)
			.containsExactly("dad", "gran");
		// queued again (a job run twice): nothing new
		assertThat(this.outbox.toRole(tenant, "k1", ChildRole.PARENTS, note).queued()).allMatch(Enqueued::duplicate);
		// the duty teacher is the head teacher; the booker can be left out
		assertThat(this.outbox.toRole(tenant, "k1", ChildRole.DUTY_TEACHER, note).queued()).hasSize(1);
		assertThat(this.outbox.toRole(tenant, "k1", ChildRole.PARENTS, note, Set.of("mum", "dad")).queued()).isEmpty();
		assertThat(this.redis.opsForStream().size(org.qinqing.system.RedisKeys.of(tenant, "outbox:stream"))).isEqualTo(2);
	}

	@Test
	void eachPersonTheirOwnMessageInOneBatchAndABatchReplayedQueuesNothingTwice() {
		String tenant = TENANT + "-each-" + UUID.randomUUID().toString().substring(0, 8);
		this.directory.bind(tenant, "o-ann-phone", "ann");
		this.directory.bind(tenant, "o-ann-pad", "ann");
		this.directory.bind(tenant, "o-bo", "bo");
		this.directory.bind(tenant, "o-cy", "cy");
		this.reachability.markUnfollowed(tenant, "o-cy");
		this.reachability.markUnfollowed(tenant, "o-ann-pad");
		Map<String, Message> batch = new java.util.LinkedHashMap<>();
		for (String person : List.of("ann", "bo", "cy", "dee")) {
			batch.put(person, Message.of("lesson", "lesson:" + tenant + ":w1:" + person, "本周家长课堂：" + person, "家长课堂",
					Map.of("title", "防溺水")));
		}

		Addressed first = this.outbox.toEach(tenant, batch);
		assertThat(first.queued()).hasSize(2).noneMatch(Enqueued::duplicate);
		assertThat(first.unreachable()).containsExactly(new Addressed.Unreachable("cy", Addressed.Reason.UNFOLLOWED),
				new Addressed.Unreachable("dee", Addressed.Reason.NOT_BOUND));
		assertThat(this.outbox.unreachable(tenant, "lesson:" + tenant + ":w1:dee")).hasSize(1);
		// each got their own text, on each of their following WeChat users
		assertThat(first.queued()).extracting(e -> this.outbox.deliveryLog(tenant, e.messageId()).orElseThrow().kind())
			.containsOnly("lesson");
		assertThat(this.redis.opsForHash().get(org.qinqing.system.RedisKeys.of(tenant, "outbox:msg", first.queued().get(1).messageId()), "n").toString())
			.contains("本周家长课堂：bo", "o-bo");

		Addressed replay = this.outbox.toEach(tenant, batch);
		assertThat(replay.queued()).hasSize(2).allMatch(Enqueued::duplicate);
		assertThat(replay.queued()).extracting(Enqueued::messageId)
			.containsExactlyElementsOf(first.queued().stream().map(Enqueued::messageId).toList());
		assertThat(this.outbox.backlog(tenant)).isEqualTo(2);
	}

}
