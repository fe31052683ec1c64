/**
 * 亲情视频: family video calls. The school's call settings (stations, weekly opening hours, slot length,
 * booking window, notice, a cap per family, closures and extra openings), the calendar of free slots
 * they give, and bookings that take a seat (a station at a slot) atomically in Redis, so one seat is
 * never booked twice, also by many parents at once on several instances. All schedule logic is in
 * Asia/Shanghai time.
 */
package org.qinqing.calls;
