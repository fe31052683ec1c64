package org.qinqing.inbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.people.Access;
import org.qinqing.people.CareScope;
import org.qinqing.people.Child;
import org.qinqing.people.ChildRole;
import org.qinqing.people.ChildRoles;
import org.qinqing.people.FamilyTie;
import org.qinqing.people.Identity;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.BotScripts;
import org.springframework.stereotype.Service;

/**
 * What people do with threads, each checked against the one access rule: a family files a question for one of
 * its own children (to that child's head teacher, else the paired teacher, else the leaders) or a message for the
 * school; a teacher answers a thread of a child they look after (a leader any); the asker adds to or solves their
 * own. Each returns the chat's reply, worded.
 */
@Service
public class Questions {

	private static final String PREFIX = "inbox.";

	private final Inbox inbox;

	private final InboxNotices notices;

	private final WorryingWords worrying;

	private final Access access;

	private final ChildRoles roles;

	private final SchoolRecords records;

	private final BotScripts scripts;

	private final InboxProperties properties;

	Questions(Inbox inbox, InboxNotices notices, WorryingWords worrying, Access access, ChildRoles roles,
			SchoolRecords records, BotScripts scripts, InboxProperties properties) {
		this.inbox = inbox;
		this.notices = notices;
		this.worrying = worrying;
		this.access = access;
		this.roles = roles;
		this.records = records;
		this.scripts = scripts;
		this.properties = properties;
	}

	/** A family's question about one of its children; empty when the user may not act for that child. */
	public Optional<String> ask(String tenant, String openid, String childId, String text) {
		return ask(tenant, openid, childId, text, true);
	}

	/** @param sayUrgent whether a worrying question's reply begins with the urgent words (not when said already) */
	public Optional<String> ask(String tenant, String openid, String childId, String text, boolean sayUrgent) {
		Optional<FamilyTie> tie = this.access.tieTo(tenant, openid, childId);
		if (tie.isEmpty()) {
			return Optional.empty();
		}
		Child child = tie.get().child();
		String teacher = this.roles.people(tenant, childId, ChildRole.DUTY_TEACHER).stream().findFirst().orElse("");
		boolean urgent = this.worrying.in(text);
		String number = this.inbox.file(tenant, new Inbox.Filing(InboxThread.Kind.QUESTION, childId, child.classId(),
				tie.get().adult().id(), tie.get().adult().role().code(), "", teacher, "", urgent, text));
		this.inbox.thread(tenant, number).ifPresent(t -> this.notices.filed(tenant, t));
		String filed = teacher.isEmpty() ? text("filed-school", Map.of("number", number))
				: text("filed", Map.of("number", number, "teacher", this.notices.teacherName(tenant, teacher)));
		return Optional.of(urgent && sayUrgent ? urgentReply() + "\n\n" + filed : filed);
	}

	/** A message for the school (给学校留言) from anyone, a visitor too; returns its number. */
	public String message(String tenant, Identity who, String openid, String topic, String text) {
		boolean urgent = this.worrying.in(text);
		String number = this.inbox.file(tenant, new Inbox.Filing(InboxThread.Kind.MESSAGE, "", "", who.personId(),
				who.role().code(), who.role() == Role.VISITOR ? openid : "", "", topic, urgent, text));
		this.inbox.thread(tenant, number).ifPresent(t -> this.notices.filed(tenant, t));
		return number;
	}

	/** Said at once to someone whose words worry us: we told the school, and whom to call now. */
	String urgentReply() {
		String phone = this.properties.schoolPhone().isBlank() ? text("urgent-no-phone", Map.of())
				: this.properties.schoolPhone();
		return text("urgent-reply", Map.of("phone", phone));
	}

	boolean worrying(String text) {
		return this.worrying.in(text);
	}

	/** What became of an answer, an addition or a solve. */
	public enum Outcome {

		DONE,
		/** The thread was solved already: nothing changed. */
		SOLVED_ALREADY,
		/** No such thread, or not one this person may touch. */
		UNKNOWN

	}

	/** A teacher's (or leader's) answer in chat, worded. */
	public String answer(String tenant, Identity staff, String number, String text) {
		return switch (answered(tenant, staff, number, text)) {
			case DONE -> text("answered", Map.of("number", number));
			case SOLVED_ALREADY -> text("answer-solved", Map.of("number", number));
			case UNKNOWN -> text("answer-unknown", Map.of("number", number));
		};
	}

	/**
	 * A teacher's (or leader's) answer, in chat or the console: to a thread they may see, not solved; the asker is
	 * told through the outbox. A leader without a person record (the console's first admin) answers as the school.
	 */
	public Outcome answered(String tenant, Identity staff, String number, String text) {
		Optional<InboxThread> thread = visibleTo(tenant, staff, number);
		if (thread.isEmpty()) {
			return Outcome.UNKNOWN;
		}
		InboxThread t = thread.get();
		int entry = t.state() == InboxThread.State.SOLVED ? 0
				: this.inbox.answer(tenant, t, staff.personId(), staff.role().code(), text);
		if (entry == 0) {
			return Outcome.SOLVED_ALREADY;
		}
		this.notices.answered(tenant, t, entry, staff.personId(), text,
				this.inbox.askerOpenid(tenant, number).orElse(""));
		return Outcome.DONE;
	}

	/** A teacher (or leader) marks a thread they may see solved, e.g. when the matter was settled by phone. */
	public Outcome solvedByStaff(String tenant, Identity staff, String number) {
		Optional<InboxThread> thread = visibleTo(tenant, staff, number);
		if (thread.isEmpty()) {
			return Outcome.UNKNOWN;
		}
		return this.inbox.solve(tenant, thread.get()) ? Outcome.DONE : Outcome.SOLVED_ALREADY;
	}

	/** The thread if this staff member may read and answer it: their children's questions; a leader's every thread. */
	public Optional<InboxThread> visibleTo(String tenant, Identity staff, String number) {
		CareScope scope = this.access.scopeOf(tenant, staff);
		return this.inbox.thread(tenant, number).filter(t -> !visible(tenant, scope, List.of(t)).isEmpty());
	}

	/** Of these threads, in order, those the scope may see: the children are read in one round trip for all. */
	private List<InboxThread> visible(String tenant, CareScope scope, List<InboxThread> threads) {
		if (scope.everyone() || threads.isEmpty()) {
			return threads;
		}
		List<String> childIds = threads.stream()
			.filter(t -> t.kind() == InboxThread.Kind.QUESTION && !t.childId().isEmpty())
			.map(InboxThread::childId)
			.toList();
		Map<String, Child> children = childIds.isEmpty() ? Map.of() : this.records.children(tenant, childIds);
		return threads.stream().filter(t -> mayAnswer(scope, t, children.get(t.childId()))).toList();
	}

	private static boolean mayAnswer(CareScope scope, InboxThread t, Child child) {
		if (scope.everyone()) {
			return true;
		}
		if (t.kind() == InboxThread.Kind.MESSAGE) {
			return false;
		}
		if (!scope.teacherId().isEmpty() && scope.teacherId().equals(t.teacherId())) {
			return true;
		}
		return child != null && scope.covers(child);
	}

	/** The threads waiting for this staff member's answer, oldest first. */
	public List<InboxThread> waiting(String tenant, Identity staff, int limit) {
		CareScope scope = this.access.scopeOf(tenant, staff);
		return visible(tenant, scope, this.inbox.waitingFor(tenant, scope, limit));
	}

	/**
	 * What the console lists for a staff member: the threads waiting for an answer, oldest first (at most
	 * {@code waitingLimit}; {@code moreWaiting} when there were more), then a page of the others (answered or
	 * solved), newest filed first, from {@code after} on, and where the page after it starts. Each thread is
	 * checked by the same rule as {@link #visibleTo}; a page costs a few pipelines, whatever the number of threads.
	 */
	public record Listing(List<InboxThread> waiting, boolean moreWaiting, List<InboxThread> others,
			Optional<Inbox.Cursor> next) {
	}

	public Listing list(String tenant, Identity staff, int waitingLimit, Optional<Inbox.Cursor> after, int pageSize) {
		CareScope scope = this.access.scopeOf(tenant, staff);
		List<InboxThread> waiting = visible(tenant, scope, this.inbox.waitingFor(tenant, scope, waitingLimit + 1));
		Inbox.Page page = this.inbox.filed(tenant, scope, after, pageSize);
		List<InboxThread> others = visible(tenant, scope, page.threads().stream().filter(t -> !t.waiting()).toList());
		return new Listing(waiting.subList(0, Math.min(waitingLimit, waiting.size())), waiting.size() > waitingLimit,
				others, page.next());
	}

	/** The asker adds to their own thread. */
	public String add(String tenant, String openid, Identity who, String number, String text) {
		Optional<InboxThread> thread = own(tenant, openid, who, number);
		if (thread.isEmpty()) {
			return text("add-unknown", Map.of("number", number));
		}
		int entry = this.inbox.add(tenant, thread.get(), who.personId(), who.role().code(), text);
		if (entry == 0) {
			return text("add-solved", Map.of("number", number));
		}
		this.notices.added(tenant, thread.get(), entry, text);
		return text("added", Map.of("number", number));
	}

	public String solve(String tenant, String openid, Identity who, String number) {
		Optional<InboxThread> thread = own(tenant, openid, who, number);
		if (thread.isEmpty()) {
			return text("solve-unknown", Map.of("number", number));
		}
		this.inbox.solve(tenant, thread.get());
		return text("solved", Map.of("number", number));
	}

	/** The asker adds to their thread from its signed page (the caller checked that the link names the asker). */
	Outcome addedFromPage(String tenant, InboxThread thread, String text) {
		int entry = this.inbox.add(tenant, thread, thread.askerId(), thread.askerRole(), text);
		if (entry == 0) {
			return Outcome.SOLVED_ALREADY;
		}
		this.notices.added(tenant, thread, entry, text);
		return Outcome.DONE;
	}

	/** The asker marks their thread solved from its signed page. */
	Outcome solvedFromPage(String tenant, InboxThread thread) {
		return this.inbox.solve(tenant, thread) ? Outcome.DONE : Outcome.SOLVED_ALREADY;
	}

	/** A thread the user asked: as the person they are bound as, or (a visitor's message) from this openid. */
	private Optional<InboxThread> own(String tenant, String openid, Identity who, String number) {
		return this.inbox.thread(tenant, number).filter(t -> t.askerId().isEmpty()
				? this.inbox.askerOpenid(tenant, number).map(openid::equals).orElse(false)
				: isAsker(tenant, openid, who, t));
	}

	private boolean isAsker(String tenant, String openid, Identity who, InboxThread t) {
		if (t.askerId().equals(who.personId())) {
			return true;
		}
		// bound as several people (a mother of two families): any of them
		return this.access.familyOf(tenant, openid).stream().anyMatch(tie -> tie.adult().id().equals(t.askerId()));
	}

	private String text(String key, Map<String, ?> params) {
		return this.scripts.text(PREFIX + key, params);
	}

}
