/**
 * 问问老师 and 给学校留言: one inbox of threads for the school. A parent's or guardian's question (typed, spoken, or
 * free text the FAQ could not answer) is filed for one of their children and goes to the child's head teacher (or
 * paired teacher), who is told through the outbox and answers in chat ({@code 回复 Q12 …}, or {@code 待回答}) or in
 * the console; the answer reaches the asker, who may add to it or mark it solved. A message for the school
 * (给学校留言) is a thread too, for the school's leaders. Nothing rots: an unanswered thread reminds its teacher
 * after a day and goes to the leaders after two (school days, due jobs scheduled with the filing). Worrying words
 * make a thread urgent: the head teacher and the leaders are told at once, whatever the hour.
 */
package org.qinqing.inbox;
