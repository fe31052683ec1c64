/**
 * 谈心: the monthly one-to-one talk with every left-behind child. Who owes whom ({@link org.qinqing.talks.OwedTalks}:
 * the head teacher, and the paired teacher if any; either or both, per school) in which months (the school's
 * {@link org.qinqing.talks.SchoolCalendar}); the record card (记录卡) in Redis, recorded in chat in under a minute
 * ({@code 谈心记录}) and shown and edited in the console; reminders at talk time and the leaders' list of what is
 * still missing on the month's last school day (due jobs, the outbox); a concern opens an individual plan
 * (个别教育管理方案) whose follow-ups are reminded too; the parents' short note after a talk and their
 * {@code 孩子近况}; the compliance matrix, its dashboard tile and the month's export.
 * {@link org.qinqing.talks.TalksCompliance#owedThisMonth} gives the leaders' chat its one line.
 */
package org.qinqing.talks;
