/**
 * 亲情视频: family video calls. The school's call settings (stations, weekly opening hours, slot length,
 * booking window, notice, a cap per family, closures and extra openings), the calendar of free slots
 * they give, and bookings that take a seat (a station at a slot) atomically in Redis, so one seat is
 * never booked twice, also by many parents at once on several instances. All schedule logic is in
 * Asia/Shanghai time. The console's call pages (the day's calls with their outcomes, a station's week,
 * no-shows, the settings) and the dashboard's calls tile live here too, and see children only through
 * {@link org.qinqing.people.ChildAccess}.
 */
package org.qinqing.calls;
