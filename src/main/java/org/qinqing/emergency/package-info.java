/**
 * Emergencies: the care plan's chain, watched to acknowledgement. A teacher or leader reports what happened to a
 * child (chat: {@code 紧急}, or the console's form); the report is stored first, with its deadlines as due jobs in the
 * same script, then the child's guardians and parents are told urgently (whatever the hour) with the school's phone
 * and "回复 收到"; whoever WeChat cannot reach is listed at once, with the contact card's numbers, for the teacher to
 * phone. No guardian's 收到 by 15 minutes: the teacher gets their numbers, the head teacher and the leaders are
 * alerted; by 30 the step is late. The parents likewise at 45 minutes and 1 hour; the report to the education
 * authority (drafted at once) alerts the leaders at 90 minutes and is late at 2 hours. A phone call recorded
 * ({@code 已电话通知 奶奶 10:42}) counts for its step. The console shows each incident as a timeline.
 */
package org.qinqing.emergency;
