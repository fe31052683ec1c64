package org.qinqing.parenting.push;

/** What the weekly push sends, provided by the lessons side. */
public interface WeeklyLessons {

	/** One person's lesson for a week: the lesson's id and the outbox message that carries it to them. */
	record Planned(String lessonId, org.qinqing.notify.Message message) { }

	/**
	 * Everyone the weekly lesson is for: parents and guardians of the tenant's children who are bound to a WeChat
	 * user and have not unsubscribed (退订), as person ids in a stable order. A few round trips in all, not one per person.
	 */
	java.util.List<String> audience(String tenant);

	/**
	 * The lesson of {@code week} (the school date of that week's push day) for each of these people: the one already
	 * recorded for that week if there is one (so a retry after a crash gets the same lesson), else the next that fits
	 * them (audience, their children's grades, the season) and that they have not had. People with no lesson left are
	 * absent. Pipelined. Marks nothing. The message: kind "lesson", key "lesson:" + tenant + ":" + week + ":" + personId,
	 * not urgent, a customer-service text (summary, question, the personal signed link) and template fields + the link.
	 */
	java.util.Map<String, Planned> compose(String tenant, java.util.List<String> personIds, java.time.LocalDate week);

	/** Records that these people were given these lessons for {@code week} (person id → lesson id), pipelined. */
	void recordSent(String tenant, java.time.LocalDate week, java.util.Map<String, String> lessonByPerson,
			java.time.Instant at);

}
