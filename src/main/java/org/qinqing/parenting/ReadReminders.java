package org.qinqing.parenting;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.qinqing.notify.Addressed;
import org.qinqing.notify.Message;
import org.qinqing.notify.Outbox;
import org.springframework.stereotype.Service;

/**
 * 提醒未读: a kind reminder, through the outbox, to parents and guardians whose child no adult has read a lesson for
 * this term, with the link of the lesson they were given last. Keyed per person and school day, so a double tap (or
 * two staff tapping) sends once a day; those who said 退订 are left alone.
 */
@Service
class ReadReminders {

	static final String KIND = "lesson-remind";

	private final Outbox outbox;

	private final Learners learners;

	private final LessonCatalogue catalogue;

	private final LessonLinks links;

	private final LessonWording wording;

	ReadReminders(Outbox outbox, Learners learners, LessonCatalogue catalogue, LessonLinks links, LessonWording wording) {
		this.outbox = outbox;
		this.learners = learners;
		this.catalogue = catalogue;
		this.links = links;
		this.wording = wording;
	}

	/** Reminds these people; returns how many of them WeChat reaches. */
	int remind(String tenant, Collection<String> personIds, LocalDate day) {
		Set<String> unsubscribed = this.learners.unsubscribed(tenant);
		Map<String, History> histories = this.learners.histories(tenant,
				personIds.stream().filter(id -> !unsubscribed.contains(id)).toList());
		Map<String, Message> messages = new LinkedHashMap<>();
		histories.forEach((id, history) -> messages.put(id, message(tenant, id, history, day)));
		// one pipelined batch for all of them (a county's unread families may be thousands)
		Addressed addressed = this.outbox.toEach(tenant, messages);
		return messages.size() - addressed.unreachable().size();
	}

	private Message message(String tenant, String personId, History history, LocalDate day) {
		String text;
		String link = null;
		String title = "";
		var lesson = history.latest().flatMap(this.catalogue::find);
		if (lesson.isPresent()) {
			link = this.links.forPerson(tenant, lesson.get().id(), personId);
			title = lesson.get().title();
			text = this.wording.text("remind-text", Map.of("title", title,
					"link", link == null ? "" : this.wording.text("link", Map.of("url", link))));
		}
		else {
			text = this.wording.text("remind-text-none", Map.of());
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("lesson", Message.field(title.isEmpty() ? this.wording.text("remind-title", Map.of()) : title));
		fields.put("how", Message.field(this.wording.text("remind-status", Map.of())));
		Message message = Message.of(KIND, KIND + ":" + tenant + ":" + day + ":" + personId, text,
				this.wording.text("remind-title", Map.of()), fields);
		return link == null ? message : message.linking(link);
	}

}
