package org.qinqing.talks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A talk's record card (谈心记录卡).
 *
 * @param id e.g. {@code T12}, per tenant (empty before it is saved)
 * @param classId the child's class when the talk was recorded (the archive keeps it when the child moves on)
 * @param teacherId who talked with the child (a teacher, or a leader)
 * @param mood 1 (很不好) to 5 (很好)
 * @param topics among 学习、生活、心理、家庭、安全、其他
 * @param note a few words, typed or spoken; never sent to the family
 * @param concern the child needs attention: an individual plan was opened
 * @param secret private: the parents get no note of it
 * @param savedBy the person id who saved it, {@code savedAt} when
 * @param editedBy who last changed it (empty when never), {@code editedAt} when (null when never)
 */
public record TalkCard(String id, String childId, String classId, String teacherId, LocalDate date, int mood,
		List<String> topics, String note, boolean concern, boolean secret, String savedBy, Instant savedAt,
		String editedBy, Instant editedAt) {

	public static final int NOTE_MAX = 300;

	public TalkCard {
		topics = List.copyOf(topics);
		note = note == null ? "" : note;
		editedBy = editedBy == null ? "" : editedBy;
		if (mood < 1 || mood > 5) {
			throw new IllegalArgumentException("mood " + mood);
		}
	}

	public YearMonth month() {
		return YearMonth.from(this.date);
	}

	TalkCard withId(String newId) {
		return new TalkCard(newId, this.childId, this.classId, this.teacherId, this.date, this.mood, this.topics,
				this.note, this.concern, this.secret, this.savedBy, this.savedAt, this.editedBy, this.editedAt);
	}

	/** The card as changed in the console: the child, the teacher and the month stay. */
	TalkCard edited(LocalDate newDate, int newMood, List<String> newTopics, String newNote, boolean newConcern,
			boolean newSecret, String by, Instant at) {
		return new TalkCard(this.id, this.childId, this.classId, this.teacherId, newDate, newMood, newTopics, newNote,
				newConcern, newSecret, this.savedBy, this.savedAt, by, at);
	}

}
