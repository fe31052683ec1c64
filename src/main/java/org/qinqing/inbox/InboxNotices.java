package org.qinqing.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qinqing.conversation.Wording;
import org.qinqing.notify.Message;
import org.qinqing.notify.Notification;
import org.qinqing.notify.Outbox;
import org.qinqing.people.ChildRole;
import org.qinqing.people.ChildRoles;
import org.qinqing.people.Person;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.BotScripts;
import org.qinqing.system.SchoolTime;
import org.springframework.stereotype.Component;

/**
 * Who is told what about a thread, through the outbox: the teacher of a new question (the leaders of a message for
 * the school, or when the child has no teacher), the asker of an answer, the teacher of an addition, the leaders of an
 * escalation, and — urgently, whatever the hour — the head teacher and the leaders of worrying words. Every message
 * is keyed by thread and event, so a job or a retry that runs twice sends once.
 */
@Component
class InboxNotices {

	private static final String PREFIX = "inbox.";

	private final Outbox outbox;

	private final ChildRoles roles;

	private final SchoolRecords records;

	private final BotScripts scripts;

	private final Wording wording;

	private final ThreadLinks links;

	InboxNotices(Outbox outbox, ChildRoles roles, SchoolRecords records, BotScripts scripts, Wording wording,
			ThreadLinks links) {
		this.outbox = outbox;
		this.roles = roles;
		this.records = records;
		this.scripts = scripts;
		this.wording = wording;
		this.links = links;
	}

	void filed(String tenant, InboxThread t) {
		Map<String, Object> p = params(tenant, t, t.question());
		String text = t.kind() == InboxThread.Kind.MESSAGE ? text("notice-new-school", p) : text("notice-new", p);
		this.outbox.toPeople(tenant, staffFor(tenant, t), message(tenant, t, "question-new", "new", text, "title-new",
				"status-new"));
		if (t.urgent()) {
			Set<String> people = new LinkedHashSet<>(this.roles.people(tenant, t.childId(), ChildRole.HEAD_TEACHER));
			people.addAll(this.records.leaders(tenant));
			people.addAll(staffFor(tenant, t));
			this.outbox.toPeople(tenant, people, message(tenant, t, "question-urgent", "urgent", text("notice-urgent", p),
					"title-urgent", "status-urgent").urgently());
		}
	}

	void added(String tenant, InboxThread t, int entry, String words) {
		this.outbox.toPeople(tenant, staffFor(tenant, t), message(tenant, t, "question-new", "added-" + entry,
				text("notice-added", params(tenant, t, words)), "title-new", "status-new"));
	}

	/** The answer to the asker: a bound person through the outbox, a visitor who left a message by their openid. */
	void answered(String tenant, InboxThread t, int entry, String teacherId, String words, String visitorOpenid) {
		Map<String, Object> p = params(tenant, t, words);
		p.put("teacher", teacherName(tenant, teacherId));
		Message message = message(tenant, t, "question-answered", "answer-" + entry, text("notice-answer", p),
				"title-answer", "status-answer");
		if (!t.askerId().isEmpty()) {
			this.outbox.toPerson(tenant, t.askerId(), message.linking(this.links.forAsker(tenant, t.number(), t.askerId())));
		}
		else if (visitorOpenid != null && !visitorOpenid.isEmpty()) {
			this.outbox.enqueue(Notification.builder(tenant, visitorOpenid, "question-answered",
					"inbox:" + tenant + ":" + t.number() + ":answer-" + entry + ":" + visitorOpenid)
				.text(message.text())
				.build());
		}
	}

	void remind(String tenant, InboxThread t, Instant now) {
		Map<String, Object> p = params(tenant, t, t.question());
		p.put("waited", waited(Duration.between(t.filed(), now)));
		this.outbox.toPeople(tenant, staffFor(tenant, t), message(tenant, t, "question-remind", "remind",
				text("notice-remind", p), "title-remind", "status-remind"));
	}

	void escalate(String tenant, InboxThread t, Instant now) {
		Map<String, Object> p = params(tenant, t, t.question());
		p.put("waited", waited(Duration.between(t.filed(), now)));
		this.outbox.toPeople(tenant, this.records.leaders(tenant), message(tenant, t, "question-remind", "escalate",
				text("notice-escalate", p), "title-remind", "status-remind"));
	}

	/** The teacher the thread went to, or the school's leaders. */
	private List<String> staffFor(String tenant, InboxThread t) {
		return t.teacherId().isEmpty() ? this.records.leaders(tenant) : List.of(t.teacherId());
	}

	private Message message(String tenant, InboxThread t, String kind, String event, String text, String titleKey,
			String statusKey) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("child", Message.field(childName(tenant, t)));
		fields.put("time", Message.field(this.wording.shortWhen(SchoolTime.local(t.filed()))));
		fields.put("status", Message.field(this.scripts.text(PREFIX + statusKey)));
		return Message.of(kind, "inbox:" + tenant + ":" + t.number() + ":" + event, text,
				this.scripts.text(PREFIX + titleKey), fields);
	}

	private Map<String, Object> params(String tenant, InboxThread t, String words) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("number", t.number());
		String child = childName(tenant, t);
		p.put("child", child.isEmpty() ? "" : this.scripts.text(PREFIX + "child-of", Map.of("child", child)));
		p.put("asker", asker(t.askerRole()));
		p.put("topic", t.topic());
		p.put("text", words);
		return p;
	}

	String asker(String role) {
		String key = PREFIX + "asker-" + role;
		return this.scripts.has(key) ? this.scripts.text(key) : this.scripts.text(PREFIX + "asker-parent");
	}

	private String childName(String tenant, InboxThread t) {
		return t.childId().isEmpty() ? ""
				: this.records.child(tenant, t.childId()).map(this.wording::givenName).orElse("");
	}

	String teacherName(String tenant, String teacherId) {
		return this.records.person(tenant, teacherId)
			.map(Person::name)
			.filter(name -> !name.isBlank())
			.map(this.wording::teacher)
			.orElse(this.scripts.text(PREFIX + "school"));
	}

	private String waited(Duration waited) {
		long days = Math.max(1, waited.toDays());
		return days == 1 ? this.scripts.text(PREFIX + "waited-day")
				: this.scripts.text(PREFIX + "waited-days", Map.of("n", days));
	}

	private String text(String key, Map<String, Object> params) {
		return this.scripts.text(PREFIX + key, params);
	}

}
