/**
 * Family video calls in chat: 预约视频 (child, day, time, confirm; the nearest free times when a seat
 * went; waiting for a full time), 我的预约 (move, cancel, stop waiting), 确认 / 不要了 for a seat offered
 * from the waitlist, and 今天的视频 for teachers to mark calls. Declared as flows and commands of the
 * conversation engine; wording in {@code bot-scripts/calls.yaml}, days, dates and children by the shared
 * {@link org.qinqing.conversation.Wording}.
 */
package org.qinqing.calls.chat;
