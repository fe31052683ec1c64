package org.qinqing.inbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinqing.people.Child;
import org.qinqing.people.Identity;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console lists, on a tenant of this test's own (real Redis, no HTTP): a head teacher's classes, the
 * questions given to them and their paired child's in another class, never another class's or a message for the
 * school; a leader everything; pages that meet without a gap or a thread twice, also when many threads were filed in
 * the same millisecond (as here, filed in a loop); and threads filed before the per-class sets existed found again.
 */
class InboxListingTests extends PortalTestSupport {

	private static final int PAGE = 7;

	@Autowired
	private Inbox inbox;

	@Autowired
	private Questions questions;

	@Autowired
	private SchoolRecords records;

	@Autowired
	private Clock clock;

	@Autowired
	private InboxProperties properties;

	private String tenant;

	private Identity head;

	/** Numbers of the threads the head teacher may see, and of all of them. */
	private final Set<String> theirs = new HashSet<>();

	private final Set<String> all = new HashSet<>();

	private final Set<String> answered = new HashSet<>();

	@BeforeEach
	void school() {
		this.tenant = TENANT + "-inbox-" + System.nanoTime();
		this.records.save(this.tenant, new SchoolClass("a", "s", 3, 1, "三年级(1)班", "t-head"));
		this.records.save(this.tenant, new SchoolClass("b", "s", 3, 2, "三年级(2)班", "t-other"));
		this.records.save(this.tenant, new Person("t-head", Role.TEACHER, "周明远", "", List.of("b-paired"), List.of("a")));
		this.records.save(this.tenant, new Person("t-other", Role.TEACHER, "吴静怡", "", List.of(), List.of("b")));
		this.records.save(this.tenant, new Child("a-child", "程一诺", "a", LeftBehindType.BOTH_AWAY, "f1", ""));
		this.records.save(this.tenant, new Child("b-paired", "郑可馨", "b", LeftBehindType.BOTH_AWAY, "f2", "t-head"));
		this.records.save(this.tenant, new Child("b-child", "王子涵", "b", LeftBehindType.BOTH_AWAY, "f3", ""));
		this.head = new Identity(Role.TEACHER, "t-head", "周明远");
		// filed in a loop: many share a millisecond
		for (int i = 0; i < 30; i++) {
			this.theirs.add(file("a-child", "a", "t-head", i));
		}
		for (int i = 0; i < 6; i++) {
			// the paired child's questions go to the head of their own class
			this.theirs.add(file("b-paired", "b", "t-other", i));
		}
		for (int i = 0; i < 15; i++) {
			file("b-child", "b", "t-other", i);
		}
		for (int i = 0; i < 3; i++) {
			String number = this.inbox.file(this.tenant, new Inbox.Filing(InboxThread.Kind.MESSAGE, "", "", "p-a", "parent",
					"", "", "学习", false, "给学校的留言 " + i));
			this.all.add(number);
		}
		// every third thread answered
		List<String> sorted = new ArrayList<>(this.all);
		sorted.sort(null);
		for (int i = 0; i < sorted.size(); i += 3) {
			InboxThread t = this.inbox.thread(this.tenant, sorted.get(i)).orElseThrow();
			assertThat(this.inbox.answer(this.tenant, t, "t-head", "teacher", "回答 " + i)).isPositive();
			this.answered.add(t.number());
		}
	}

	private String file(String child, String classId, String teacher, int i) {
		String number = this.inbox.file(this.tenant, new Inbox.Filing(InboxThread.Kind.QUESTION, child, classId,
				"p-" + child, "parent", "", teacher, "", false, "问题 " + child + " " + i));
		this.all.add(number);
		return number;
	}

	/** Every page of the answered and solved ones, and the waiting ones of the first page. */
	private record Listed(List<InboxThread> waiting, List<InboxThread> others, int pages) {
	}

	private Listed listAll(Identity who) {
		Questions.Listing first = this.questions.list(this.tenant, who, 100, Optional.empty(), PAGE);
		List<InboxThread> others = new ArrayList<>(first.others());
		Optional<Inbox.Cursor> next = first.next();
		int pages = 1;
		while (next.isPresent()) {
			// the cursor goes through the page's link as text
			Questions.Listing page = this.questions.list(this.tenant, who, 100, Inbox.Cursor.parse(next.get().toString()),
					PAGE);
			others.addAll(page.others());
			next = page.next();
			pages++;
			assertThat(pages).isLessThan(100);
		}
		return new Listed(first.waiting(), others, pages);
	}

	@Test
	void aHeadTeacherPagesThroughTheirClassAndTheirPairedChildOnlyEachThreadOnce() {
		Listed listed = listAll(this.head);
		Set<String> expectedWaiting = new HashSet<>(this.theirs);
		expectedWaiting.removeAll(this.answered);
		Set<String> expectedOthers = new HashSet<>(this.theirs);
		expectedOthers.retainAll(this.answered);

		assertThat(listed.waiting()).extracting(InboxThread::number).containsExactlyInAnyOrderElementsOf(expectedWaiting);
		// the lists are ordered by their indexes' scores, milliseconds: two threads filed in the same one may come either way
		assertThat(listed.waiting()).extracting(t -> t.waitingSince().toEpochMilli()).isSorted();
		assertThat(listed.others()).extracting(InboxThread::number).containsExactlyInAnyOrderElementsOf(expectedOthers);
		assertThat(listed.others()).extracting(t -> t.filed().toEpochMilli())
			.isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(listed.pages()).isGreaterThan(1);
		// the chat's 待回答 lists the paired child's questions too, as visibleTo lets the teacher answer them
		assertThat(this.questions.waiting(this.tenant, this.head, 100)).extracting(InboxThread::number)
			.containsExactlyInAnyOrderElementsOf(expectedWaiting);
		for (String number : this.all) {
			assertThat(this.questions.visibleTo(this.tenant, this.head, number).isPresent()).as(number)
				.isEqualTo(this.theirs.contains(number));
		}
	}

	@Test
	void aLeaderSeesEveryThreadOnceAcrossThePages() {
		Listed listed = listAll(new Identity(Role.ADMIN, "", "德育处"));
		List<String> seen = new ArrayList<>();
		listed.waiting().forEach(t -> seen.add(t.number()));
		listed.others().forEach(t -> seen.add(t.number()));
		assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(this.all);
	}

	@Test
	void threadsFiledBeforeThePerClassSetsAreFoundAgain() {
		// as a tenant whose threads were filed by the version without them: the sets and the marker gone
		this.redis.delete(List.of(InboxKeys.ofClass(this.tenant, "a"), InboxKeys.ofClass(this.tenant, "b"),
				InboxKeys.ofTeacher(this.tenant, "t-head"), InboxKeys.ofTeacher(this.tenant, "t-other"),
				InboxKeys.ofChild(this.tenant, "a-child"), InboxKeys.ofChild(this.tenant, "b-paired"),
				InboxKeys.ofChild(this.tenant, "b-child"), InboxKeys.ownersIndexed(this.tenant)));
		Inbox restarted = new Inbox(this.redis, this.clock, this.properties);
		Inbox.Page page = restarted.filed(this.tenant, new org.qinqing.people.CareScope(false, "t-head", Set.of("a"),
				Set.of("b-paired")), Optional.empty(), 100);
		assertThat(page.threads()).extracting(InboxThread::number).containsExactlyInAnyOrderElementsOf(this.theirs);
		assertThat(page.next()).isEmpty();
		assertThat(this.redis.hasKey(InboxKeys.ownersIndexed(this.tenant))).isTrue();
	}

}
