/**
 * 亲情视频: family video calls. The school's call settings (stations, weekly opening hours, slot length,
 * booking window, notice, a cap per family, closures and extra openings), the calendar of free slots
 * they give, and bookings that take a seat (a station at a slot) atomically in Redis, so one seat is
 * never booked twice, also by many parents at once on several instances. A full slot has a waitlist
 * ({@link org.qinqing.calls.CallWaitlist}): a freed seat is held for the first waiting family for a while.
 * A booking moves to another time in one step ({@link org.qinqing.calls.Bookings#reschedule}).
 * {@link org.qinqing.calls.CallNotices} tells parents, guardians and the duty teacher through the outbox;
 * the booking scripts schedule the shared due jobs (notices, reminders, ends of offers: {@code CallJobs}), which
 * run once across instances and restarts; a closure the school saves moves or cancels the day's calls.
 * The chat lives in {@code calls.chat}, the console's pages and tile in {@code calls.console}.
 * All schedule logic is in school time ({@link org.qinqing.system.SchoolTime}: Asia/Shanghai unless configured).
 */
package org.qinqing.calls;
