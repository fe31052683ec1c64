/**
 * The one conversation engine: takes channel-free {@link org.qinqing.conversation.Inbound} records,
 * de-duplicates retries, serialises each user's messages, keeps the session in Redis, shows the
 * role's menu and runs the flows that feature modules declare as {@link org.qinqing.conversation.Flow}s.
 */
package org.qinqing.conversation;
