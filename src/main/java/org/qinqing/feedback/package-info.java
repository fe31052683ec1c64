/**
 * 给学校留言: any user can leave the school a message (a topic, their words, a confirmation). Small on
 * purpose: it is the reference flow that shows how a feature declares a conversation.
 */
package org.qinqing.feedback;
