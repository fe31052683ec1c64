/**
 * Due jobs: once-only work due at a time (reminders, ends of offers, escalations, weekly pushes, deadlines),
 * one mechanism for the whole app. A job is typed (a kind, a subject, a due time, a few data fields) and keyed
 * by kind and subject, so scheduling it twice keeps one. A feature schedules it in the same atomic step as its
 * cause (its own Lua script includes {@code scripts/jobs/library.lua}) or through {@link org.qinqing.jobs.DueJobs},
 * and handles it in a {@link org.qinqing.jobs.JobHandler} bean of that kind. Every instance polls; a poll leases
 * the due jobs in one script, so a job runs once across instances and restarts; a failing job is retried with
 * back-off and, after its attempts, kept as failed for an admin to see and send again (console: 定时任务).
 */
package org.qinqing.jobs;
