/**
 * The weekly lesson push of the parenting school (家长学校): one lesson a week to every bound, following, subscribed
 * parent and guardian, through the outbox, however large the account.
 * <ul>
 * <li><b>A due job per tenant and week</b> ({@code parenting.push}, subject: the week's push day, Friday 19:00 school
 * time unless {@code qinqing.parenting.push.day/time} say otherwise). {@link org.qinqing.parenting.push.PushSchedule}
 * schedules the upcoming one at every start and each run schedules next week's, so it always exists; due jobs run it
 * once across instances and restarts.</li>
 * <li><b>Snapshot and plan.</b> The first run takes {@link org.qinqing.parenting.push.WeeklyLessons#audience} into a
 * Redis list (its order holds across restarts) and plans the days: each day may use the account's daily template
 * quota less a reserve for other messages ({@code reserve-percent}, 10) less what the day has used already, and what
 * the rate sends before quiet hours; the rest is carried to the next days at the same time
 * ({@link org.qinqing.parenting.push.PushPlan}). A day's budget is fixed when its sending begins.</li>
 * <li><b>Batches.</b> Each run queues batches ({@code batch}, 500): compose → {@code Outbox.toEach} → record sent →
 * move the cursor (one script that counts the batch only if the cursor is still where it began), while the outbox
 * holds less than a job poll's interval plus {@code lead} of sending, and asks to run again shortly
 * ({@code JobResult.later}). So the stream never holds more than a few seconds of sending and other messages are not
 * stuck behind a push. A batch also never queues more than the quota has left after what is queued already.</li>
 * <li><b>Crashes.</b> A process killed between any two steps leaves the cursor before the batch it was on; the
 * job's lease runs out and the next run (on any instance) replays that batch: the messages' keys
 * ({@code lesson:<tenant>:<week>:<person>}) make the outbox queue nothing twice, and
 * {@link org.qinqing.parenting.push.WeeklyLessons#compose} gives the lesson recorded for the week.</li>
 * <li><b>Quiet hours.</b> Sending stops early enough that what is queued goes before quiet hours begin; a push that
 * could only start inside them waits for the next evening. A week's push ends with its week.</li>
 * </ul>
 * The console's 家长课堂推送 ({@code /console/parenting/push}, admins) shows the plan and progress.
 */
package org.qinqing.parenting.push;
